/** Opening a shift: the cash the drawer starts with. */
import { useState } from 'react'
import { parseCopInput } from '../../shared/domain/money'
import { api } from '../api'
import { useDescribeError, useT } from '../i18n/use-t'
import { useAppStore } from '../store/app-store'
import { ActionButton } from './action-button'
import { Field } from './field'

export function ShiftOpenForm({ onOpened }: { onOpened: () => void }) {
  const t = useT()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function open(): Promise<void> {
    const openingFloat = parseCopInput(text)
    if (openingFloat === undefined || openingFloat < 0) {
      setError(t('ui.shift.amountInvalid'))
      return
    }
    setBusy(true)
    setError(null)
    try {
      const shift = await api.invoke('shifts:open', { openingFloat })
      announce('success', t('ui.shift.opened', { shiftId: shift.id }))
      onOpened()
    } catch (failure) {
      setError(describe(failure))
    } finally {
      setBusy(false)
    }
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
        <input
          type="text"
          inputMode="numeric"
          autoComplete="off"
          className="money-input"
          value={text}
          data-autofocus
          data-testid="opening-float"
          onChange={(event) => setText(event.target.value)}
        />
      </Field>
      <ActionButton type="submit" variant="primary" disabled={busy}>
        {t('ui.shift.open')}
      </ActionButton>
    </form>
  )
}
