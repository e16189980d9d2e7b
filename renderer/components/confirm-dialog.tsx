/** A yes/no question before an action that cannot be undone (closing a shift). Esc says no. */
import type { KeyboardEvent } from 'react'
import { useT } from '../i18n/use-t'
import { ActionButton } from './action-button'
import '../styles/session.css'

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
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onNo()
    }
  }
  return (
    <div className="lock-overlay" onKeyDown={onKeyDown}>
      <section
        className="session-card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-text"
        data-testid={testId}
      >
        <h2 id="confirm-title">{title}</h2>
        <p id="confirm-text">{text}</p>
        <div className="session-actions">
          <ActionButton variant="danger" disabled={busy} onClick={onYes} autoFocus>
            {yes}
          </ActionButton>
          <ActionButton shortcut="Esc" onClick={onNo}>
            {t('ui.closing.confirmNo')}
          </ActionButton>
        </div>
      </section>
    </div>
  )
}
