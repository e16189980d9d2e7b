/**
 * PIN entry for keyboard, numeric pad and touch: a masked numeric field (Enter submits the form
 * it sits in) and, under it, a pad of large buttons that type into the same field.
 */
import { useId, useRef, type RefObject } from 'react'
import { PIN_MAX_LENGTH } from '@shared/ipc/channels/session'
import { useT } from '@renderer/i18n/use-t'
import { pinInput } from '@renderer/lib/session-rules'

interface PinFieldProps {
  label: string
  value: string
  onChange: (pin: string) => void
  error?: string | null
  /** Shows the on-screen pad under the field. */
  pad?: boolean
  autoFocus?: boolean
  testId?: string
  inputRef?: RefObject<HTMLInputElement | null>
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9']

export function PinField({
  label,
  value,
  onChange,
  error,
  pad = false,
  autoFocus = false,
  testId,
  inputRef
}: PinFieldProps) {
  const t = useT()
  const id = useId()
  const ownRef = useRef<HTMLInputElement>(null)
  const ref = inputRef ?? ownRef
  const errorId = `${id}-error`

  // The pad keeps the focus in the field, so Enter on the keyboard still submits afterwards.
  function press(next: string): void {
    onChange(pinInput(next))
    ref.current?.focus()
  }

  return (
    <div className={`field pin-field ${error ? 'field-invalid' : ''}`.trim()}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={ref}
        id={id}
        type="password"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        maxLength={PIN_MAX_LENGTH}
        className="pin-input"
        value={value}
        onChange={(event) => onChange(pinInput(event.target.value))}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        data-autofocus={autoFocus ? true : undefined}
        autoFocus={autoFocus}
        data-testid={testId}
      />
      {error ? (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {pad ? (
        <div className="pin-pad" role="group" aria-label={t('ui.session.pad')}>
          {DIGITS.map((digit) => (
            <button
              key={digit}
              type="button"
              className="pin-key"
              tabIndex={-1}
              onClick={() => press(value + digit)}
            >
              {digit}
            </button>
          ))}
          <button
            type="button"
            className="pin-key pin-key-aux"
            tabIndex={-1}
            onClick={() => press('')}
          >
            {t('ui.session.padClear')}
          </button>
          <button
            type="button"
            className="pin-key"
            tabIndex={-1}
            onClick={() => press(value + '0')}
          >
            0
          </button>
          <button
            type="button"
            className="pin-key pin-key-aux"
            tabIndex={-1}
            aria-label={t('ui.session.padBackspace')}
            onClick={() => press(value.slice(0, -1))}
          >
            ⌫
          </button>
        </div>
      ) : null}
    </div>
  )
}
