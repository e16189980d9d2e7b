/**
 * Print and save-as-PDF for one payment's receipt. `reprint` prints it marked COPIA (audited in
 * main). The paper width comes from the settings in main, shown here so the cashier knows the roll.
 */
import type { PrintResultView } from '@shared/ipc/channels/receipts'
import { api } from '@renderer/api'
import { usePrint } from '@renderer/hooks/use-print'
import { useShortcuts } from '@renderer/hooks/use-shortcuts'
import { useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { ActionButton } from './action-button'
import { PrintResultLine } from './print-result-line'

interface ReceiptPrintActionsProps {
  paymentId: string
  reprint: boolean
  /** F5 prints: only where one receipt is on screen. */
  withShortcut?: boolean
  /** Called after the receipt went to paper or to a PDF. */
  onPrinted?: () => void
  testId?: string
}

export function ReceiptPrintActions({
  paymentId,
  reprint,
  withShortcut,
  onPrinted,
  testId
}: ReceiptPrintActionsProps) {
  const t = useT()
  const paperWidth = useAppStore((state) => state.settings?.paperWidth)
  const { busy, result, run } = usePrint()

  const print = (pdf: boolean): void => {
    if (busy) return
    const call = async (): Promise<PrintResultView> => {
      const result = await api.invoke(pdf ? 'receipts:savePdf' : 'receipts:print', {
        paymentId,
        reprint
      })
      if (result.printed || result.file) onPrinted?.()
      return result
    }
    void run(call)
  }
  useShortcuts(withShortcut ? { F5: () => print(false) } : {})

  return (
    <div
      className="print-actions"
      data-testid={testId ?? (reprint ? 'reprint-actions' : 'print-actions')}
    >
      <ActionButton
        variant={reprint ? 'secondary' : 'primary'}
        shortcut={withShortcut ? 'F5' : undefined}
        disabled={busy}
        onClick={() => print(false)}
      >
        {reprint ? t('ui.print.reprint') : t('ui.print.print')}
      </ActionButton>
      <ActionButton disabled={busy} onClick={() => print(true)}>
        {reprint ? t('ui.print.savePdfCopy') : t('ui.print.savePdf')}
      </ActionButton>
      {paperWidth ? (
        <span className="muted">{t('ui.print.paper', { width: paperWidth })}</span>
      ) : null}
      {busy ? <span className="muted">{t('ui.print.working')}</span> : null}
      <PrintResultLine result={result} />
    </div>
  )
}
