/** A QR code of `text` as a data: image (CSP allows `img-src data:`; no script is injected). */
import QRCode from 'qrcode'
import { useEffect, useState } from 'react'
import { whileCurrent } from '@renderer/lib/while-current'

export function QrImage({ text, label }: { text: string; label: string }) {
  const [source, setSource] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(
    () =>
      whileCurrent(
        QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: 280 }),
        setSource,
        () => setFailed(true)
      ),
    [text]
  )
  if (failed) return null
  return source ? (
    <img className="qr" src={source} alt={label} width={280} height={280} data-testid="qr" />
  ) : (
    <div className="qr qr-placeholder" aria-hidden="true" />
  )
}
