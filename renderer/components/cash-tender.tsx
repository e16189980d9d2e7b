/**
 * Cash received and change owed. The amount is formatted es-CO as it is typed; the quick-cash
 * keys (exact amount, next round amounts) fill it and hand the focus back to the field, so the
 * next Enter pays instead of pressing the key again.
 */
import { forwardRef, useImperativeHandle, useRef } from 'react'
import { parseCopInput } from '@shared/domain/money'
import { useT } from '@renderer/i18n/use-t'
import { formatPesosAsTyped, quickCashAmounts } from '@renderer/lib/cash-keys'
import { changeDue } from '@renderer/store/bill-selection'
import { Field } from './field'
import { Money } from './money'
import { MoneyInput } from './money-input'

interface CashTenderProps {
  total: number
  text: string
  onText: (text: string) => void
  error: string | null
}

export interface CashTenderHandle {
  focus: () => void
}

export const CashTender = forwardRef<CashTenderHandle, CashTenderProps>(function CashTender(
  { total, text, onText, error },
  ref
) {
  const t = useT()
  const input = useRef<HTMLInputElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => input.current?.focus() }), [])
  const tendered = text.trim() === '' ? null : (parseCopInput(text) ?? null)
  const change = changeDue(total, tendered)

  function fill(amount: number): void {
    onText(formatPesosAsTyped(String(amount)))
    input.current?.focus()
  }

  return (
    <div className="cash-tender">
      <Field label={t('ui.pay.tendered')} error={error} className="cash-field">
        <MoneyInput
          ref={input}
          value={text}
          data-testid="tendered"
          data-autofocus
          placeholder={t('ui.pay.tenderedHint')}
          onText={onText}
        />
      </Field>
      <div className="change" aria-live="polite" data-testid="change">
        <span>{t('ui.pay.change')}</span>
        {change === null ? (
          <span className="muted">—</span>
        ) : (
          <Money value={change} className="big" />
        )}
      </div>
      <div className="quick-cash" role="group" aria-label={t('ui.cash.quick')}>
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => fill(total)}
          disabled={total <= 0}
        >
          {t('ui.pay.exact')}
        </button>
        {quickCashAmounts(total).map((amount) => (
          <button
            key={amount}
            type="button"
            className="btn btn-secondary"
            onClick={() => fill(amount)}
            data-testid="quick-cash"
          >
            <Money value={amount} />
          </button>
        ))}
      </div>
    </div>
  )
})
