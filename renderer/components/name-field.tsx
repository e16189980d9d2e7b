/**
 * A person's name as typed at the till (signing in, a supervisor approving, a new user): one line,
 * no spelling marks or autocompletion on a name, the same length limit as the user store.
 */
import { useId, useState } from 'react'
import { useT } from '@renderer/i18n/use-t'

interface NameFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  /** Focused when shown; `data-autofocus` lets the screen put the focus back here. */
  autoFocus?: boolean
  /** Where the screen's own focus rule should land (without focusing at once). */
  focusTarget?: boolean
}

export const NAME_MAX_LENGTH = 60

export function NameField({ label, value, onChange, autoFocus, focusTarget }: NameFieldProps) {
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        autoComplete="off"
        autoCapitalize="words"
        spellCheck={false}
        maxLength={NAME_MAX_LENGTH}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoFocus={autoFocus}
        data-autofocus={focusTarget ? true : undefined}
      />
    </div>
  )
}

/** A name and PIN typed together; nothing is sent without a name. */
export function useNameAndPin(onMissingName: (message: string) => void) {
  const t = useT()
  const [name, setName] = useState('')
  const [pin, setPin] = useState('')
  /** The name as it is sent (trimmed), or null after telling the user that it is missing. */
  function typedName(): string | null {
    const trimmed = name.trim()
    if (trimmed === '') onMissingName(t('ui.session.nameRequired'))
    return trimmed === '' ? null : trimmed
  }
  return { name, setName, pin, setPin, typedName }
}
