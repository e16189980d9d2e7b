/**
 * A supervisor at the cashier's side types their name and PIN to allow one action (e.g. a payment
 * above the offline cap). Main answers with a single-use approval valid two minutes; the caller
 * repeats its action with it. The cashier stays signed in throughout.
 */
import type { FormEvent } from 'react'
import type { ApprovalView } from '@shared/ipc/channels/session'
import { api } from '@renderer/api'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { ActionButton } from './action-button'
import { ErrorMessage } from './error-message'
import { Modal } from './modal'
import { NameField, useNameAndPin } from './name-field'
import { PinField } from './pin-pad'

interface SupervisorApprovalProps {
  /** e.g. `payment.over_offline_cap`. */
  action: string
  /** What is being allowed, in the cashier's words (shown above the fields). */
  reason: string
  onApproved: (approval: ApprovalView) => void
  onCancel: () => void
}

export function SupervisorApproval({
  action,
  reason,
  onApproved,
  onCancel
}: SupervisorApprovalProps) {
  const t = useT()
  const { busy, failure, setFailure, submit: send } = useSubmission()
  const { name, setName, pin, setPin, typedName } = useNameAndPin(setFailure)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (busy) return
    const supervisorName = typedName()
    if (supervisorName === null) return
    await send(
      async () => {
        onApproved(await api.invoke('session:approve', { supervisorName, pin, action }))
      },
      () => setPin('')
    )
  }

  return (
    <Modal
      role="dialog"
      labelledBy="approval-title"
      onEscape={onCancel}
      testId="supervisor-approval"
    >
      <h2 id="approval-title">{t('ui.approval.title')}</h2>
      <p className="muted">{reason}</p>
      <form className="session-form" onSubmit={(event) => void submit(event)} noValidate>
        <NameField
          label={t('ui.approval.supervisorName')}
          value={name}
          onChange={setName}
          autoFocus
        />
        <PinField label={t('ui.approval.supervisorPin')} value={pin} onChange={setPin} pad />
        <ErrorMessage text={failure} />
        <div className="session-actions">
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
            {busy ? t('ui.approval.checking') : t('ui.approval.approve')}
          </ActionButton>
          <ActionButton shortcut="Esc" onClick={onCancel}>
            {t('ui.approval.cancel')}
          </ActionButton>
        </div>
      </form>
    </Modal>
  )
}
