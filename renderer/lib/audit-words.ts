/**
 * An audit entry as a sentence a supervisor reads: the action's text with the facts of its
 * details filled in (money as pesos, people by name, lists joined). Actions without a text yet
 * still show their code and facts rather than nothing.
 */
import { formatCop } from '@shared/domain/money'
import type { Language } from '@shared/i18n'
import { LOCALES, translate } from '@shared/i18n'

/** Every action main records, for the filter list and the texts `ui.audit.action.<action>`. */
export const AUDIT_ACTIONS = [
  'payment.registered',
  'payment.offline_cap_override',
  'customer.id_type_confirmed',
  'payment.pending_total_override',
  'receipt.reprinted',
  'shift.opened',
  'shift.cash_movement',
  'shift.closed',
  'shift.report_printed',
  'batch.imported',
  'sync.rejected',
  'sync.reconciled',
  'outbox.needs_supervisor',
  'outbox.unverified_mismatch',
  'outbox.retry',
  'outbox.supervisor_decision',
  'payment.flagged_stale',
  'settings.changed',
  'auth.signed_in',
  'auth.signed_out',
  'auth.locked',
  'auth.unlocked',
  'auth.failed',
  'auth.locked_out',
  'auth.pin_changed',
  'auth.approved',
  'auth.approval_used',
  'auth.forbidden',
  'users.seeded',
  'users.created',
  'users.enabled',
  'users.disabled',
  'users.pin_reset'
] as const

const MONEY_KEYS = new Set([
  'total',
  'amount',
  'openingFloat',
  'expected',
  'counted',
  'difference',
  'cap',
  'acceptedAmount',
  'cashExpected',
  'cashDifference'
])

/** Detail keys whose values are codes with words of their own in the dictionary. */
const WORDED_CODES: Readonly<Record<string, string>> = {
  action: 'ui.audit.approvalAction.',
  reason: 'ui.audit.reason.'
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** One detail value in words. */
/** A count as es-CO writes it (10.000); an id or a number (`itemId`, `receiptNo`) as it is. */
function countOrId(key: string, value: number, language: Language): string {
  if (/(?:id|Id|No|version)$/.test(key)) return String(value)
  return new Intl.NumberFormat(LOCALES[language]).format(value)
}

export function detailWords(key: string, value: unknown, language: Language): string {
  if (value === null || value === undefined) return '—'
  if (typeof value === 'number')
    return MONEY_KEYS.has(key) ? formatCop(value, language) : countOrId(key, value, language)
  if (typeof value === 'boolean') return translate(language, value ? 'ui.audit.yes' : 'ui.audit.no')
  if (typeof value === 'string') {
    if (key === 'method') return translate(language, `ui.method.${value}`)
    if (key === 'kind') return translate(language, `ui.shift.kind.${value}`)
    // Codes in words: what a supervisor approved (`payment.over_offline_cap`), why a sign-in
    // failed or an action was refused (`wrong_pin`). A free-text reason is shown as written.
    const prefix = WORDED_CODES[key]
    if (prefix) {
      const words = translate(language, `${prefix}${value}`)
      if (words !== `${prefix}${value}`) return words
    }
    return value
  }
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        isRecord(item)
          ? String(item.billNo ?? item.name ?? item.id ?? '')
          : detailWords(key, item, language)
      )
      .join(', ')
  }
  if (isRecord(value)) {
    if (typeof value.name === 'string') return value.name
    // An outbox item: its bill, not its internal ids.
    if (typeof value.billNo === 'string') return value.billNo
    return Object.entries(value)
      .map(([inner, innerValue]) => `${inner}: ${detailWords(inner, innerValue, language)}`)
      .join(', ')
  }
  return String(value)
}

export function auditParams(details: unknown, language: Language): Record<string, string> {
  if (!isRecord(details)) return {}
  const params: Record<string, string> = {}
  for (const [key, value] of Object.entries(details))
    params[key] = detailWords(key, value, language)
  // A failed sign-in of an unknown name records the name typed, not a user.
  if (params.user === undefined && typeof details.name === 'string') params.user = details.name
  return params
}

/** Whether the dictionary has a sentence for the action (else it reads as its code). */
export function hasAuditWords(action: string, language: Language): boolean {
  const key = `ui.audit.action.${action}`
  return translate(language, key) !== key
}

/** The sentence for one entry; `{placeholders}` the details lack are left out, not shown raw. */
export function describeAudit(action: string, details: unknown, language: Language): string {
  const key = `ui.audit.action.${action}`
  const params = auditParams(details, language)
  const text = translate(language, key, params)
  if (text === key) {
    const facts = Object.entries(params)
      .map(([name, value]) => `${name}: ${value}`)
      .join(' · ')
    return facts ? `${action} — ${facts}` : action
  }
  return text.replace(/\{\w+\}/g, '—')
}
