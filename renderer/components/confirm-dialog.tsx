/** A yes/no question before an action that cannot be undone (closing a shift). Esc says no. */
import { useT } from '@renderer/i18n/use-t'
import { ActionButton } from './action-button'
import { AlertDialog } from './alert-dialog'

interface ConfirmDialogProps {
  title: string
  text: string
  yes: string
  busy?: boolean
  onYes: () => void
  onNo: () => void
  testId?: string
}

export function ConfirmDialog({ title, text, yes, busy, onYes, onNo, testId }: ConfirmDialogProps) {
  const t = useT()
  return (
    <AlertDialog title={title} text={text} onEscape={onNo} {...(testId ? { testId } : {})}>
      <ActionButton variant="danger" disabled={busy} onClick={onYes} autoFocus>
        {yes}
      </ActionButton>
      <ActionButton shortcut="Esc" onClick={onNo}>
        {t('ui.closing.confirmNo')}
      </ActionButton>
    </AlertDialog>
  )
}
