/** A validate answer in a cashier's words: Spanish labels, pesos, dates, the state in plain text. */
import type { ValidatePaymentResponse } from '../../shared/ipc/views'
import { formatCop } from '../../shared/domain/money'
import { formatMoment } from '../lib/format'
import { amountPesos, validationFields, type ValidationField } from '../lib/validation-fields'
import { useLanguage, useT, type Translate } from '../i18n/use-t'

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

export function ValidationResult({ answer }: { answer: ValidatePaymentResponse }) {
  const t = useT()
  const language = useLanguage()
  const fields = validationFields(answer)
  if (fields.length === 0) return <p className="empty">{t('ui.validate.emptyAnswer')}</p>
  return (
    <dl className="facts validation-result" data-testid="validation-result">
      {fields.map((field) => (
        <div key={field.name} className={`fact fact-${field.kind}`}>
          <dt>{field.known ? t(`ui.validate.field.${field.name}`) : field.name}</dt>
          <dd>{displayValue(field, t, language)}</dd>
        </div>
      ))}
    </dl>
  )
}
