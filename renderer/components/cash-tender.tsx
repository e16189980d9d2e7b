/** Cash received and change owed, read as the cashier types it ('125.000', '$ 125.000'). */
import { parseCopInput } from '../../shared/domain/money'
import { useT } from '../i18n/use-t'
import { changeDue } from '../store/bill-selection'
import { Field } from './field'
import { Money } from './money'
import { MoneyInput } from './money-input'

interface CashTenderProps {
  total: number
  text: string
  onText: (text: string) => void
  error: string | null
}

export function CashTender({ total, text, onText, error }: CashTenderProps) {
  const t = useT()
  const tendered = text.trim() === '' ? null : (parseCopInput(text) ?? null)
  const change = changeDue(total, tendered)
  return (
    <div className="cash-tender">
      <Field label={t('ui.pay.tendered')} hint={t('ui.pay.tenderedHint')} error={error}>
        <MoneyInput value={text} data-testid="tendered" onText={onText} />
      </Field>
      <button type="button" className="btn btn-secondary" onClick={() => onText(String(total))}>
        {t('ui.pay.exact')}
      </button>
      <div className="change" aria-live="polite" data-testid="change">
        <span>{t('ui.pay.change')}</span>
        {change === null ? (
          <span className="muted">—</span>
        ) : (
          <Money value={change} className="big" />
        )}
      </div>
    </div>
  )
}
