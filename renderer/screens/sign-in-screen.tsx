/**
 * Who is at the till: name and PIN. The name is typed (the user list is for supervisors only),
 * the PIN is masked with a numeric keyboard and an on-screen pad; Enter signs in from either
 * field. The same form serves the lock screen's "Otro usuario".
 */
import { useRef, useState, type FormEvent } from 'react'
import { ActionButton } from '../components/action-button'
import { ErrorMessage } from '../components/error-message'
import { PinField } from '../components/pin-pad'
import { useT } from '../i18n/use-t'
import { signIn } from '../hooks/use-session'
import { useSubmission } from '../hooks/use-submission'
import '../styles/session.css'

interface SignInFormProps {
  /** Shown next to the submit button, e.g. the lock screen's way back. */
  extra?: React.ReactNode
}

export function SignInForm({ extra }: SignInFormProps) {
  const t = useT()
  const { busy, failure, setFailure, submit: send } = useSubmission()
  const [name, setName] = useState('')
  const [pin, setPin] = useState('')
  const pinRef = useRef<HTMLInputElement>(null)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (busy) return
    if (name.trim() === '') {
      setFailure(t('ui.session.nameRequired'))
      return
    }
    // A wrong PIN is typed again; the name usually stays right.
    await send(
      () => signIn(name.trim(), pin),
      () => {
        setPin('')
        pinRef.current?.focus()
      }
    )
  }

  return (
    <form
      className="session-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="sign-in-form"
    >
      <div className="field">
        <label htmlFor="sign-in-name">{t('ui.session.name')}</label>
        <input
          id="sign-in-name"
          type="text"
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          maxLength={60}
          value={name}
          onChange={(event) => setName(event.target.value)}
          autoFocus
          data-autofocus
        />
      </div>
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

export function SignInScreen() {
  const t = useT()
  return (
    <section className="session-screen" aria-labelledby="sign-in-title">
      <div className="session-card">
        <h1 id="sign-in-title" tabIndex={-1}>
          {t('ui.session.signInTitle')}
        </h1>
        <p className="muted">{t('ui.session.signInHint')}</p>
        <SignInForm />
      </div>
    </section>
  )
}
