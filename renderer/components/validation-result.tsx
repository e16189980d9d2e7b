/**
 * A validate answer as a card (issue 14): the state as a coloured chip with its words, then the
 * few facts a cashier needs first (amount, payment number, reference, method, date); everything
 * else the gateway sent is folded under "Más datos del pago".
 */
import type { ValidatePaymentResponse } from '@shared/ipc/views'
import { formatCop } from '@shared/domain/money'
import { formatMoment } from '@renderer/lib/format'
import {
  amountPesos,
  stateTone,
  validationFields,
  type ValidationField
} from '@renderer/lib/validation-fields'
import { useLanguage, useT, type Translate } from '@renderer/i18n/use-t'

/** Shown on the card's face; the rest is folded. */
const FIRST = new Set(['amount', 'payment_id', 'refSale', 'pay_method', 'startDate'])

function displayValue(field: ValidationField, t: Translate, language: 'es' | 'en'): string {
  if (field.kind === 'money') {
    const pesos = amountPesos(field.value)
    return pesos === null ? field.value : formatCop(pesos, language)
  }
  if (field.kind === 'moment') return formatMoment(field.value, language)
  if (field.kind === 'state') {
    const key = `ui.validate.stateValue.${field.value.toUpperCase()}`
    const words = t(key)
    return words === key ? field.value : `${words} (${field.value})`
  }
  return field.value
}

function Facts({ fields }: { fields: readonly ValidationField[] }) {
  const t = useT()
  const language = useLanguage()
  return (
    <dl className="facts">
      {fields.map((field) => (
        <div key={field.name} className={`fact fact-${field.kind}`}>
          <dt>{field.known ? t(`ui.validate.field.${field.name}`) : field.name}</dt>
          <dd>{displayValue(field, t, language)}</dd>
        </div>
      ))}
    </dl>
  )
}

export function ValidationResult({ answer }: { answer: ValidatePaymentResponse }) {
  const t = useT()
  const language = useLanguage()
  const fields = validationFields(answer)
  if (fields.length === 0) return <p className="empty">{t('ui.validate.emptyAnswer')}</p>
  const state = fields.find((field) => field.kind === 'state')
  const first = fields.filter((field) => FIRST.has(field.name))
  const rest = fields.filter((field) => field !== state && !FIRST.has(field.name))
  return (
    <div className="validation-result" data-testid="validation-result">
      {state ? (
        <p className="validation-state">
          <span className="validation-state-label">{t('ui.validate.field.state')}</span>{' '}
          <span
            className={`chip chip-tone-${stateTone(state.value)}`}
            data-testid="validation-state"
            data-tone={stateTone(state.value)}
          >
            {displayValue(state, t, language)}
          </span>
        </p>
      ) : null}
      <Facts fields={first} />
      {rest.length > 0 ? (
        <details className="validation-more">
          <summary>{t('ui.validate.moreDetails', { count: rest.length })}</summary>
          <Facts fields={rest} />
        </details>
      ) : null}
    </div>
  )
}
