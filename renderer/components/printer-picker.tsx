/**
 * The printer is picked from the system's list (`printers:list`), never typed: Electron needs the
 * system-defined name and answers "Invalid deviceName provided" to anything else. A saved name
 * the system no longer reports stays selectable and is marked, so nothing is lost silently.
 * "Test print" sends a short page to the printer and paper chosen on screen, saved or not.
 */
import { useEffect, useState, type SelectHTMLAttributes } from 'react'
import type { SystemPrinterView } from '@shared/ipc/channels/printers'
import { api } from '@renderer/api'
import { useDescribeError, useT } from '@renderer/i18n/use-t'
import { ActionButton } from './action-button'

type Listing =
  { state: 'loading' } | { state: 'failed' } | { state: 'ready'; printers: SystemPrinterView[] }

interface PrinterSelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> {
  value: string
  onChange: (name: string) => void
}

export function PrinterSelect({ value, onChange, ...rest }: PrinterSelectProps) {
  const t = useT()
  const [listing, setListing] = useState<Listing>({ state: 'loading' })

  useEffect(() => {
    let live = true
    api
      .invoke('printers:list')
      .then((printers) => live && setListing({ state: 'ready', printers }))
      .catch(() => live && setListing({ state: 'failed' }))
    return () => {
      live = false
    }
  }, [])

  const printers = listing.state === 'ready' ? listing.printers : []
  const known = value === '' || printers.some((printer) => printer.name === value)
  return (
    <>
      <select
        {...rest}
        value={value}
        data-testid="settings-printerName"
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('ui.settings.printerChoose')}</option>
        {printers.map((printer) => (
          <option key={printer.name} value={printer.name}>
            {printer.displayName}
          </option>
        ))}
        {known ? null : (
          <option value={value}>{t('ui.settings.printerMissing', { name: value })}</option>
        )}
      </select>
      {listing.state === 'loading' ? (
        <p className="muted">{t('ui.settings.printerLoading')}</p>
      ) : null}
      {listing.state === 'failed' ? (
        <p className="warning">{t('ui.settings.printersFailed')}</p>
      ) : null}
      {listing.state === 'ready' && printers.length === 0 ? (
        <p className="muted">{t('ui.settings.printerNone')}</p>
      ) : null}
    </>
  )
}

export function TestPrintButton({
  printerName,
  paperWidth
}: {
  printerName: string
  paperWidth: 80 | 58
}) {
  const t = useT()
  const describe = useDescribeError()
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)

  async function testPrint(): Promise<void> {
    setBusy(true)
    setResult(null)
    try {
      const outcome = await api.invoke('printers:testPrint', { printerName, paperWidth })
      const text = outcome.cancelled
        ? t('ui.settings.testPrintCancelled')
        : outcome.file
          ? t('ui.settings.testPrintPdf', { file: outcome.file })
          : t('ui.settings.testPrintSent')
      setResult({ ok: !outcome.cancelled, text })
    } catch (error) {
      setResult({ ok: false, text: describe(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="test-print">
      <ActionButton disabled={busy} onClick={() => void testPrint()} data-testid="test-print">
        {busy ? t('ui.settings.testPrinting') : t('ui.settings.testPrint')}
      </ActionButton>
      {result ? (
        <p
          className={result.ok ? 'muted' : 'warning'}
          role="status"
          data-testid="test-print-result"
        >
          {result.text}
        </p>
      ) : null}
    </div>
  )
}
