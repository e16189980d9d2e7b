/**
 * The lock, drawn OVER the screens (which stay mounted: a half-typed payment waits for its
 * cashier). The same person types the PIN; "Otro usuario" signs someone else in, which signs the
 * first one out and clears their work.
 */
import { useState, type FormEvent } from 'react'
import { ActionButton } from '@renderer/components/action-button'
import { ErrorMessage } from '@renderer/components/error-message'
import { PinField } from '@renderer/components/pin-pad'
import { unlock } from '@renderer/hooks/use-session'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { useSessionStore } from '@renderer/store/session'
import { SignInForm } from './sign-in-screen'
import '@renderer/styles/session.css'

function UnlockForm({ onOtherUser }: { onOtherUser: () => void }) {
  const t = useT()
  const { busy, failure, submit: send } = useSubmission()
  const [pin, setPin] = useState('')

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (busy) return
    await send(
      () => unlock(pin),
      () => setPin('')
    )
  }

  return (
    <form
      className="session-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="unlock-form"
    >
      <PinField label={t('ui.session.pin')} value={pin} onChange={setPin} pad autoFocus />
      <ErrorMessage text={failure} />
      <div className="session-actions">
        <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
          {t('ui.session.unlock')}
        </ActionButton>
        <ActionButton onClick={onOtherUser}>{t('ui.session.otherUser')}</ActionButton>
      </div>
    </form>
  )
}

export function LockScreen() {
  const t = useT()
  const name = useSessionStore((state) => state.view?.user?.name ?? '')
  const [otherUser, setOtherUser] = useState(false)

  return (
    <div className="lock-overlay" data-testid="lock-screen">
      <section
        className="session-card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="lock-title"
      >
        <h1 id="lock-title" tabIndex={-1}>
          {t('ui.session.lockedTitle')}
        </h1>
        {otherUser ? (
          <>
            <p className="muted">{t('ui.session.otherUserHint', { name })}</p>
            <SignInForm
              extra={
                <ActionButton onClick={() => setOtherUser(false)}>
                  {t('ui.session.backToUnlock', { name })}
                </ActionButton>
              }
            />
          </>
        ) : (
          <>
            <p className="muted">{t('ui.session.lockedHint', { name })}</p>
            <UnlockForm onOtherUser={() => setOtherUser(true)} />
          </>
        )}
      </section>
    </div>
  )
}
