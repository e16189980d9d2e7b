/** Opening a shift: the cash the drawer starts with. */
import { useState } from 'react'
import { parseCopInput } from '@shared/domain/money'
import { api } from '@renderer/api'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { ActionButton } from './action-button'
import { Field } from './field'
import { MoneyInput } from './money-input'

export function ShiftOpenForm({ onOpened }: { onOpened: () => void }) {
  const t = useT()
  const { busy, failure: error, setFailure: setError, submit: send } = useSubmission()
  const announce = useAppStore((state) => state.announce)
  const [text, setText] = useState('')

  async function open(): Promise<void> {
    const openingFloat = parseCopInput(text)
    if (openingFloat === undefined || openingFloat < 0) {
      setError(t('ui.shift.amountInvalid'))
      return
    }
    await send(async () => {
      const shift = await api.invoke('shifts:open', { openingFloat })
      announce('success', t('ui.shift.opened', { shiftId: shift.id }))
      onOpened()
    })
  }

  return (
    <form
      className="panel shift-open"
      onSubmit={(event) => {
        event.preventDefault()
        void open()
      }}
    >
      <h2>{t('ui.shift.openTitle')}</h2>
      <p className="muted">{t('ui.shift.openIntro')}</p>
      <Field label={t('ui.shift.openingFloat')} error={error}>
        <MoneyInput value={text} data-autofocus data-testid="opening-float" onText={setText} />
      </Field>
      <ActionButton type="submit" variant="primary" disabled={busy}>
        {t('ui.shift.open')}
      </ActionButton>
    </form>
  )
}
