/** Cash put into or taken out of the drawer during the shift, always with a reason. */
import { useState } from 'react'
import { parseCopInput } from '@shared/domain/money'
import type { CashMovementKind } from '@shared/ipc/channels/shifts'
import { api } from '@renderer/api'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { ActionButton } from './action-button'
import { Field } from './field'
import { MoneyInput } from './money-input'

export function CashMoveForm({ onMoved }: { onMoved: () => void }) {
  const t = useT()
  const { busy, failure: error, setFailure: setError, submit: send } = useSubmission()
  const announce = useAppStore((state) => state.announce)
  const [kind, setKind] = useState<CashMovementKind>('out')
  const [amountText, setAmountText] = useState('')
  const [reason, setReason] = useState('')

  async function move(): Promise<void> {
    const amount = parseCopInput(amountText)
    if (amount === undefined || amount <= 0) {
      setError(t('ui.shift.amountInvalid'))
      return
    }
    if (reason.trim() === '') {
      setError(t('ui.shift.reasonRequired'))
      return
    }
    await send(async () => {
      await api.invoke('shifts:cashMove', { kind, amount, reason: reason.trim() })
      announce('success', t(kind === 'in' ? 'ui.shift.movedIn' : 'ui.shift.movedOut'))
      setAmountText('')
      setReason('')
      onMoved()
    })
  }

  return (
    <form
      className="panel cash-move"
      aria-label={t('ui.shift.moveTitle')}
      onSubmit={(event) => {
        event.preventDefault()
        void move()
      }}
    >
      <h2>{t('ui.shift.moveTitle')}</h2>
      <div className="filters">
        <Field label={t('ui.shift.moveKind')}>
          <select
            value={kind}
            data-testid="move-kind"
            onChange={(event) => setKind(event.target.value as CashMovementKind)}
          >
            <option value="in">{t('ui.shift.kind.in')}</option>
            <option value="out">{t('ui.shift.kind.out')}</option>
          </select>
        </Field>
        <Field label={t('ui.shift.moveAmount')}>
          <MoneyInput value={amountText} data-testid="move-amount" onText={setAmountText} />
        </Field>
        <Field label={t('ui.shift.moveReason')} error={error}>
          <input
            type="text"
            maxLength={200}
            value={reason}
            data-testid="move-reason"
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        <ActionButton type="submit" disabled={busy}>
          {t('ui.shift.move')}
        </ActionButton>
      </div>
    </form>
  )
}
