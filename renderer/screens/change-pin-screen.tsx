/**
 * A first sign-in (or a PIN a supervisor reset) must end with a PIN only this person knows:
 * nothing else works until then, except signing out.
 */
import { useState, type FormEvent } from 'react'
import { ActionButton } from '@renderer/components/action-button'
import { ErrorMessage } from '@renderer/components/error-message'
import { SessionScreen } from '@renderer/components/session-screen'
import { PinField } from '@renderer/components/pin-pad'
import { changePin, signOut } from '@renderer/hooks/use-session'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useDescribeError, useT } from '@renderer/i18n/use-t'
import { newPinProblem } from '@renderer/lib/session-rules'
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '@shared/ipc/channels/session'
import { useSessionStore } from '@renderer/store/session'
import '@renderer/styles/session.css'

export function ChangePinScreen() {
  const t = useT()
  const describe = useDescribeError()
  const { busy, failure, setFailure, submit: send } = useSubmission()
  const name = useSessionStore((state) => state.view?.user?.name ?? '')
  const [currentPin, setCurrentPin] = useState('')
  const [newPin, setNewPin] = useState('')
  const [repeated, setRepeated] = useState('')
  const [problem, setProblem] = useState<string | null>(null)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (busy) return
    setFailure(null)
    const found = newPinProblem(currentPin, newPin, repeated)
    setProblem(
      found ? t(`ui.session.${found}`, { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH }) : null
    )
    if (found) return
    await send(() => changePin(currentPin, newPin))
  }

  return (
    <SessionScreen
      title={t('ui.session.changePinTitle')}
      hint={t('ui.session.changePinHint', { name })}
    >
      <form
        className="session-form"
        onSubmit={(event) => void submit(event)}
        noValidate
        data-testid="change-pin-form"
      >
        <PinField
          label={t('ui.session.currentPin')}
          value={currentPin}
          onChange={setCurrentPin}
          autoFocus
        />
        <PinField label={t('ui.session.newPin')} value={newPin} onChange={setNewPin} />
        <PinField
          label={t('ui.session.repeatPin')}
          value={repeated}
          onChange={setRepeated}
          error={problem}
        />
        <ErrorMessage text={failure} />
        <div className="session-actions">
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
            {t('ui.session.changePin')}
          </ActionButton>
          <ActionButton
            onClick={() => void signOut().catch((e: unknown) => setFailure(describe(e)))}
          >
            {t('ui.session.signOut')}
          </ActionButton>
        </div>
      </form>
    </SessionScreen>
  )
}
