/** Ask the gateway about a payment: by its signature, or by coupon type and number. */
import { useState, type FormEvent } from 'react'
import { COUPON_TYPES, matchCouponType } from '@shared/domain/coupon'
import type { ValidatePaymentResponse } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { CodeInput } from '@renderer/components/code-input'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { ScreenHeader } from '@renderer/components/screen-header'
import { ValidationResult } from '@renderer/components/validation-result'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { useCheckoutStore } from '@renderer/store/checkout-store'

type Asked = { by: 'signature'; signature: string } | { by: 'coupon'; type: string; number: string }

export function ValidateScreen() {
  const t = useT()
  const { busy, failure, submit: send } = useSubmission()
  const lastCheckout = useCheckoutStore((state) => state.checkout)
  const [signature, setSignature] = useState(lastCheckout?.signature ?? '')
  const [couponType, setCouponType] = useState('')
  const [couponNumber, setCouponNumber] = useState('')
  const [missing, setMissing] = useState<Record<string, string>>({})
  const [answer, setAnswer] = useState<{ asked: Asked; value: ValidatePaymentResponse } | null>(
    null
  )

  async function ask(asked: Asked): Promise<void> {
    setAnswer(null)
    await send(async () => {
      const value =
        asked.by === 'signature'
          ? await api.invoke('payments:validateSignature', { signature: asked.signature })
          : await api.invoke('payments:validateCoupon', {
              couponType: asked.type,
              couponNumber: asked.number
            })
      setAnswer({ asked, value })
    })
  }

  function onSignature(event: FormEvent): void {
    event.preventDefault()
    const value = signature.trim()
    setMissing(value ? {} : { signature: t('ui.validate.required') })
    if (value) void ask({ by: 'signature', signature: value })
  }

  function onCoupon(event: FormEvent): void {
    event.preventDefault()
    // Typed in any case or picked from the list: sent as the type Tigo knows.
    const type = matchCouponType(couponType)
    const number = couponNumber.trim()
    const errors: Record<string, string> = {}
    if (!couponType.trim()) errors.couponType = t('ui.validate.required')
    else if (!type) {
      errors.couponType = t('ui.validate.couponTypeUnknown', { types: COUPON_TYPES.join(', ') })
    }
    if (!number) errors.couponNumber = t('ui.validate.required')
    setMissing(errors)
    if (type && number) void ask({ by: 'coupon', type, number })
  }

  return (
    <section className="validate-screen">
      <ScreenHeader title={t('ui.validate.title')} />
      <div className="two-columns">
        <form className="panel" onSubmit={onSignature} noValidate>
          <h2>{t('ui.validate.bySignature')}</h2>
          <Field label={t('ui.validate.signature')} error={missing.signature ?? null}>
            <CodeInput
              value={signature}
              onText={setSignature}
              data-autofocus
              data-testid="signature"
            />
          </Field>
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
            {t('ui.validate.submit')}
          </ActionButton>
        </form>
        <form className="panel" onSubmit={onCoupon} noValidate>
          <h2>{t('ui.validate.byCoupon')}</h2>
          <Field
            label={t('ui.validate.couponType')}
            hint={t('ui.validate.couponTypeHint', { types: COUPON_TYPES.join(', ') })}
            error={missing.couponType ?? null}
          >
            <CodeInput
              list="coupon-types"
              value={couponType}
              onText={setCouponType}
              data-testid="coupon-type"
            />
          </Field>
          <datalist id="coupon-types" data-testid="coupon-types">
            {COUPON_TYPES.map((type) => (
              <option key={type} value={type} />
            ))}
          </datalist>
          <Field label={t('ui.validate.couponNumber')} error={missing.couponNumber ?? null}>
            <input
              type="text"
              autoComplete="off"
              value={couponNumber}
              data-testid="coupon-number"
              onChange={(event) => setCouponNumber(event.target.value)}
            />
          </Field>
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
            {t('ui.validate.submit')}
          </ActionButton>
        </form>
      </div>
      <div aria-live="polite">
        {busy ? <p className="muted">{t('ui.common.loading')}</p> : null}
        <ErrorMessage text={failure} />
        {answer ? (
          <section className="panel">
            <h2>
              {answer.asked.by === 'signature'
                ? t('ui.validate.answerSignature', { signature: answer.asked.signature })
                : t('ui.validate.answerCoupon', {
                    type: answer.asked.type,
                    number: answer.asked.number
                  })}
            </h2>
            <ValidationResult answer={answer.value} />
          </section>
        ) : null}
      </div>
    </section>
  )
}
