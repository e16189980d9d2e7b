import type { ButtonHTMLAttributes, Ref } from 'react'
import { Kbd } from './kbd'

type Variant = 'primary' | 'secondary' | 'danger' | 'ghost'

interface ActionButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant
  /** Keyboard shortcut shown on the button (the handler is registered elsewhere). */
  shortcut?: string
  /** React 19 passes `ref` as a prop: for a dialog that focuses its button itself. */
  ref?: Ref<HTMLButtonElement>
}

export function ActionButton({
  variant = 'secondary',
  shortcut,
  className,
  children,
  type = 'button',
  ...rest
}: ActionButtonProps) {
  const shortcutProps = shortcut ? { 'aria-keyshortcuts': shortcut } : {}
  return (
    <button
      type={type}
      className={`btn btn-${variant} ${className ?? ''}`.trim()}
      {...shortcutProps}
      {...rest}
    >
      <span className="btn-label">{children}</span>
      {shortcut ? <Kbd>{shortcut}</Kbd> : null}
    </button>
  )
}
