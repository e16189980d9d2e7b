/**
 * A question over the screen that must be answered before anything else (role alertdialog):
 * its title, its text, and the answers as children. Esc gives the answer `onEscape` names.
 */
import { useId, type ReactNode } from 'react'
import { Modal } from './modal'

interface AlertDialogProps {
  title: string
  text: string
  onEscape: () => void
  testId?: string
  children: ReactNode
}

export function AlertDialog({ title, text, onEscape, testId, children }: AlertDialogProps) {
  const id = useId()
  return (
    <Modal
      role="alertdialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onEscape={onEscape}
      testId={testId}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-text`}>{text}</p>
      <div className="session-actions">{children}</div>
    </Modal>
  )
}
