/**
 * What a card, cheque or transfer payment carries of its own: the datáfono's approval code and
 * the card's last four digits, a cheque's bank and number, a transfer's bank and reference. The
 * fields follow the method; their rules are main's (`shared/domain/payment-reference`).
 */
import { forwardRef, useImperativeHandle, useRef } from 'react'
import type { PaymentReference, ReferenceField } from '@shared/domain/payment-reference'
import { referenceFields } from '@shared/domain/payment-reference'
import type { PaymentMethod } from '@shared/ipc/views'
import { useT } from '@renderer/i18n/use-t'
import { Field } from './field'

/** Banks a Colombian counter sees most; any other name can be typed. */
const COMMON_BANKS = [
  'Bancolombia',
  'Banco de Bogotá',
  'Davivienda',
  'BBVA Colombia',
  'Banco de Occidente',
  'Banco Popular',
  'Banco AV Villas',
  'Banco Caja Social',
  'Scotiabank Colpatria',
  'Banco Agrario',
  'Itaú',
  'Nequi',
  'Daviplata'
]

const INPUT_PROPS: Record<ReferenceField, { inputMode: 'numeric' | 'text'; maxLength: number }> = {
  approvalCode: { inputMode: 'text', maxLength: 12 },
  cardLast4: { inputMode: 'numeric', maxLength: 4 },
  bank: { inputMode: 'text', maxLength: 60 },
  checkNumber: { inputMode: 'numeric', maxLength: 20 },
  transferReference: { inputMode: 'text', maxLength: 40 }
}

/** Codes are stored upper-case: show them so while typed. */
const UPPER_CASE: ReadonlySet<ReferenceField> = new Set(['approvalCode', 'transferReference'])

interface MethodReferenceProps {
  method: PaymentMethod
  value: PaymentReference
  onChange: (value: PaymentReference) => void
  /** Translated error per field, from the last attempt to pay. */
  errors: Partial<Record<ReferenceField, string>>
}

export interface MethodReferenceHandle {
  focus: () => void
}

export const MethodReference = forwardRef<MethodReferenceHandle, MethodReferenceProps>(
  function MethodReference({ method, value, onChange, errors }, ref) {
    const t = useT()
    const first = useRef<HTMLInputElement>(null)
    useImperativeHandle(ref, () => ({ focus: () => first.current?.focus() }), [])
    const fields = referenceFields(method)
    if (fields.length === 0) return null
    return (
      <div className="method-reference" data-testid="method-reference">
        {fields.map((field, index) => (
          <Field key={field} label={t(`reference.${field}`)} error={errors[field] ?? null}>
            <input
              ref={index === 0 ? first : undefined}
              type="text"
              autoComplete="off"
              spellCheck={false}
              data-testid={`reference-${field}`}
              className={UPPER_CASE.has(field) ? 'reference-code' : undefined}
              data-autofocus={index === 0 ? true : undefined}
              list={field === 'bank' ? 'caja-banks' : undefined}
              value={value[field] ?? ''}
              onChange={(event) => onChange({ ...value, [field]: event.target.value })}
              {...INPUT_PROPS[field]}
            />
          </Field>
        ))}
        <datalist id="caja-banks">
          {COMMON_BANKS.map((bank) => (
            <option key={bank} value={bank} />
          ))}
        </datalist>
      </div>
    )
  }
)
