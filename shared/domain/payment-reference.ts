/**
 * What a non-cash payment carries of its own, so it can be traced back to the money: the
 * datáfono's approval code and the card's last four digits, a cheque's bank and number, a
 * transfer's bank and reference. One set of rules for the pay screen (as typed) and main (before
 * the payment is written), each failure an error code the dictionary translates.
 */
import type { PaymentMethod } from '@shared/ipc/views'

export interface PaymentReference {
  /** Datáfono approval (authorization) code. */
  approvalCode?: string
  /** Last four digits of the card. */
  cardLast4?: string
  /** Bank of a cheque or transfer. */
  bank?: string
  checkNumber?: string
  transferReference?: string
}

export type ReferenceField = keyof PaymentReference

const FIELDS_BY_METHOD: Record<PaymentMethod, readonly ReferenceField[]> = {
  cash: [],
  debit_card: ['approvalCode', 'cardLast4'],
  credit_card: ['approvalCode', 'cardLast4'],
  check: ['bank', 'checkNumber'],
  transfer: ['bank', 'transferReference']
}

/** Each field's shape: what the datáfono prints, a cheque's printed number, a bank's reference. */
const RULES: Record<ReferenceField, RegExp> = {
  approvalCode: /^[A-Z0-9]{4,12}$/,
  cardLast4: /^\d{4}$/,
  bank: /^[\p{L}\p{N}][\p{L}\p{N} .,&'-]{1,59}$/u,
  checkNumber: /^\d{4,20}$/,
  transferReference: /^[A-Z0-9][A-Z0-9-]{3,39}$/
}

/** The fields a method asks for, in the order the screen shows them. */
export function referenceFields(method: PaymentMethod): readonly ReferenceField[] {
  return FIELDS_BY_METHOD[method]
}

/** Trimmed, codes upper-cased, spaces collapsed; fields the method does not use dropped. */
export function normalizeReference(
  method: PaymentMethod,
  reference: PaymentReference | undefined
): PaymentReference {
  const out: PaymentReference = {}
  for (const field of referenceFields(method)) {
    const raw = reference?.[field]?.replace(/\s+/g, ' ').trim() ?? ''
    if (raw === '') continue
    out[field] = field === 'bank' ? raw : raw.replace(/\s/g, '').toUpperCase()
  }
  return out
}

export interface ReferenceProblem {
  field: ReferenceField
  /** `error.<code>` in the dictionary. */
  code: `reference_${'missing' | 'invalid'}_${ReferenceField}`
}

/** Every missing or malformed field of the (normalized) reference; empty when it is complete. */
export function checkReference(
  method: PaymentMethod,
  reference: PaymentReference
): ReferenceProblem[] {
  const problems: ReferenceProblem[] = []
  for (const field of referenceFields(method)) {
    const value = reference[field]
    if (value === undefined || value === '')
      problems.push({ field, code: `reference_missing_${field}` })
    else if (!RULES[field].test(value)) {
      problems.push({ field, code: `reference_invalid_${field}` })
    }
  }
  return problems
}

/** The fields a reference holds, in a fixed order (receipts, reports, the request to Tigo). */
export const REFERENCE_FIELDS: readonly ReferenceField[] = [
  'approvalCode',
  'cardLast4',
  'bank',
  'checkNumber',
  'transferReference'
]

export function hasReference(reference: PaymentReference | null | undefined): boolean {
  return reference !== null && reference !== undefined && Object.keys(reference).length > 0
}

/** As printed and shown: a card only by its last digits, masked as the datáfono's slip does. */
export function referenceText(field: ReferenceField, value: string): string {
  return field === 'cardLast4' ? `**** ${value}` : value
}
