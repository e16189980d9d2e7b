/**
 * Who is at the till: the cashier picks their name from the till's users (click, or arrow keys
 * and Enter), then types the PIN, masked, with a numeric keyboard and an on-screen pad; Enter
 * signs in. Only active users' names are offered (main keeps ids and roles); when the list cannot
 * be had the name is typed. The same form serves the lock screen's "Otro usuario".
 */
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { ErrorMessage } from '@renderer/components/error-message'
import { SessionScreen } from '@renderer/components/session-screen'
import { NameField, useNameAndPin } from '@renderer/components/name-field'
import { PinField } from '@renderer/components/pin-pad'
import { useT } from '@renderer/i18n/use-t'
import { signIn } from '@renderer/hooks/use-session'
import { useSubmission } from '@renderer/hooks/use-submission'
import '@renderer/styles/session.css'

interface SignInFormProps {
  /** Shown next to the submit button, e.g. the lock screen's way back. */
  extra?: React.ReactNode
}

export function SignInForm({ extra }: SignInFormProps) {
  const t = useT()
  const { busy, failure, setFailure, submit: send } = useSubmission()
  const { name, setName, pin, setPin, typedName } = useNameAndPin(setFailure)
  const pinRef = useRef<HTMLInputElement>(null)
  const names = useUserNames()

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (busy) return
    const typed = typedName()
    if (typed === null) return
    // A wrong PIN is typed again; the name usually stays right.
    await send(
      () => signIn(typed, pin),
      () => {
        setPin('')
        pinRef.current?.focus()
      }
    )
  }

  return (
    <form
      className={`session-form ${names && names.length > 0 ? 'sign-in-two' : ''}`.trim()}
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="sign-in-form"
    >
      {names && names.length > 0 ? (
        <UserPicker
          names={names}
          value={name}
          onChange={setName}
          onChosen={() => pinRef.current?.focus()}
        />
      ) : (
        <NameField
          label={t('ui.session.name')}
          value={name}
          onChange={setName}
          autoFocus
          focusTarget
        />
      )}
      <PinField label={t('ui.session.pin')} value={pin} onChange={setPin} pad inputRef={pinRef} />
      <ErrorMessage text={failure} />
      <div className="session-actions">
        <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
          {busy ? t('ui.session.signingIn') : t('ui.session.signIn')}
        </ActionButton>
        {extra}
      </div>
    </form>
  )
}

/** The till's active users, or null while loading or when main cannot tell. */
function useUserNames(): string[] | null {
  const [names, setNames] = useState<string[] | null>(null)
  useEffect(() => {
    let current = true
    api
      .invoke('session:userNames')
      .then((answer) => {
        if (current) setNames(answer.names)
      })
      .catch(() => {
        // The typed name still signs in.
        if (current) setNames([])
      })
    return () => {
      current = false
    }
  }, [])
  return names
}

/**
 * One radio per user: arrow keys move through the names (the browser's own radio group), a click
 * or Enter takes the cashier to the PIN.
 */
function UserPicker({
  names,
  value,
  onChange,
  onChosen
}: {
  names: readonly string[]
  value: string
  onChange: (name: string) => void
  onChosen: () => void
}) {
  const t = useT()
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter') return
    event.preventDefault()
    onChange(event.currentTarget.value)
    onChosen()
  }
  return (
    <fieldset className="user-pick" data-testid="user-pick">
      <legend>{t('ui.session.name')}</legend>
      {names.map((name, index) => (
        <label
          key={name}
          className={`user-option ${value === name ? 'user-on' : ''}`}
          onClick={(event) => {
            // A pointer pick (detail > 0) goes on to the PIN, after the label has checked its
            // radio; arrow keys (clicks with detail 0) only move the choice.
            if (event.detail > 0) requestAnimationFrame(onChosen)
          }}
        >
          <input
            type="radio"
            name="sign-in-user"
            value={name}
            checked={value === name}
            onChange={() => onChange(name)}
            onKeyDown={onKeyDown}
            autoFocus={index === 0}
            data-autofocus={index === 0 ? true : undefined}
          />
          <span>{name}</span>
        </label>
      ))}
    </fieldset>
  )
}

export function SignInScreen() {
  const t = useT()
  return (
    <SessionScreen title={t('ui.session.signInTitle')} hint={t('ui.session.signInHint')}>
      <SignInForm />
    </SessionScreen>
  )
}
