/**
 * A card over the dimmed screen that keeps the keyboard to itself: Esc answers it (`onEscape`)
 * and never reaches the screen behind it.
 */
import type { KeyboardEvent, ReactNode } from 'react'
import '@renderer/styles/session.css'

interface ModalProps {
  role: 'dialog' | 'alertdialog'
  labelledBy: string
  describedBy?: string
  onEscape: () => void
  testId?: string
  children: ReactNode
}

export function Modal({ role, labelledBy, describedBy, onEscape, testId, children }: ModalProps) {
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
        role={role}
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        data-testid={testId}
      >
        {children}
      </section>
    </div>
  )
}
