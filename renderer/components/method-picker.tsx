/** Payment method as big radio buttons (a fieldset, so the group has one accessible name). */
import { PAYMENT_METHODS, type PaymentMethod } from '@shared/ipc/views'
import { useT } from '@renderer/i18n/use-t'

export function MethodPicker({
  value,
  onChange
}: {
  value: PaymentMethod
  onChange: (method: PaymentMethod) => void
}) {
  const t = useT()
  return (
    <fieldset className="method-picker">
      <legend>{t('ui.pay.method')}</legend>
      {PAYMENT_METHODS.map((method) => (
        <label key={method} className={`method-option ${value === method ? 'method-on' : ''}`}>
          <input
            type="radio"
            name="method"
            value={method}
            checked={value === method}
            onChange={() => onChange(method)}
          />
          <span>{t(`ui.method.${method}`)}</span>
        </label>
      ))}
    </fieldset>
  )
}
