/**
 * The gateway's validate answer in the order a cashier reads it, each field with a dictionary
 * label (`ui.validate.field.<name>`) and a display kind. Fields we do not list still show, under
 * their raw name, after the known ones.
 */
import type { ValidatePaymentResponse } from '@shared/ipc/views'

export type FieldKind = 'text' | 'money' | 'moment' | 'state'

export interface ValidationField {
  name: string
  value: string
  kind: FieldKind
  known: boolean
}

const KNOWN: ReadonlyArray<[string, FieldKind]> = [
  ['state', 'state'],
  ['amount', 'money'],
  ['payment_id', 'text'],
  ['refSale', 'text'],
  ['description', 'text'],
  ['pay_method', 'text'],
  ['franchise', 'text'],
  ['bankName', 'text'],
  ['trazabilityCode', 'text'],
  ['startDate', 'moment'],
  ['solicitedDate', 'moment'],
  ['taxValue', 'money'],
  ['baseTax', 'money'],
  ['partner', 'text'],
  ['userName', 'text'],
  ['userLastName', 'text'],
  ['documentType', 'text'],
  ['document', 'text'],
  ['email', 'text'],
  ['userTelephone', 'text'],
  ['cycleNumber', 'text']
]

const KNOWN_NAMES = new Set(KNOWN.map(([name]) => name))

function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

export function validationFields(answer: ValidatePaymentResponse): ValidationField[] {
  const record = answer as Record<string, unknown>
  const fields: ValidationField[] = []
  for (const [name, kind] of KNOWN) {
    const value = asText(record[name])
    if (value !== null) fields.push({ name, value, kind, known: true })
  }
  for (const [name, raw] of Object.entries(record)) {
    const value = asText(raw)
    if (!KNOWN_NAMES.has(name) && value !== null) {
      fields.push({ name, value, kind: 'text', known: false })
    }
  }
  return fields
}

/** '125000' or '125000.00' as pesos; null when it is not a plain amount. */
export function amountPesos(value: string): number | null {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(value.trim())
  return match ? Number(match[1]) : null
}

export type StateTone = 'ok' | 'waiting' | 'bad' | 'unknown'

/** The colour family of a gateway state: approved, still waiting, or failed one way or another. */
export function stateTone(state: string): StateTone {
  const value = state.trim().toUpperCase()
  // The gateway answers in Spanish (APROBADA, PENDIENTE, RECHAZADA); English kept for safety.
  if (['APPROVED', 'APROBADA', 'APROBADO'].includes(value)) return 'ok'
  if (['PENDING', 'PENDIENTE'].includes(value)) return 'waiting'
  const bad = ['DECLINED', 'REJECTED', 'FAILED', 'EXPIRED', 'RECHAZADA', 'RECHAZADO', 'FALLIDA']
  if (bad.includes(value)) return 'bad'
  return 'unknown'
}
