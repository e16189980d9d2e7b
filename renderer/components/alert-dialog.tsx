/**
 * A question over the screen that must be answered before anything else (role alertdialog):
 * its title, its text, and the answers as children. Esc gives the answer `onEscape` names.
 */
import { useId, type KeyboardEvent, type ReactNode } from 'react'
import '@renderer/styles/session.css'

interface AlertDialogProps {
  title: string
  text: string
  onEscape: () => void
  testId?: string
  children: ReactNode
}

export function AlertDialog({ title, text, onEscape, testId, children }: AlertDialogProps) {
  const id = useId()
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      onEscape()
    }
  }
  return (
    <div className="lock-overlay" onKeyDown={onKeyDown}>
      <section
        className="session-card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-text`}
        data-testid={testId}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`}>{text}</p>
        <div className="session-actions">{children}</div>
      </section>
    </div>
  )
}
