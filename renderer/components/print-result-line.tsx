/** What the last print did: printed, cancelled in the dialog, or where the PDF was written. */
import type { PrintResultView } from '@shared/ipc/channels/receipts'
import { useT } from '@renderer/i18n/use-t'

export function PrintResultLine({ result }: { result: PrintResultView | null }) {
  const t = useT()
  if (!result) return null
  const text = result.cancelled
    ? t('ui.print.cancelled')
    : result.file
      ? t('ui.print.savedTo', { file: result.file })
      : result.printed
        ? t('ui.print.printed')
        : t('ui.print.notPrinted')
  return (
    <p className="print-result" role="status" data-testid="print-result">
      {text}
    </p>
  )
}
