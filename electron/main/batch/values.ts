/** Reading the cells of an offline-payments file: amounts, dates and payment methods. */
import { parseCopInput } from '@shared/domain/money'
import type { PaymentMethod } from '@main/store/types'
import { PAYMENT_METHODS } from '@main/store/types'

/** Lower case, no accents, single spaces: 'Tarjeta  Débito' → 'tarjeta debito'. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim()
}

const METHOD_NAMES: Record<string, PaymentMethod> = {
  efectivo: 'cash',
  cash: 'cash',
  'tarjeta debito': 'debit_card',
  'tarjeta de debito': 'debit_card',
  debito: 'debit_card',
  'debit card': 'debit_card',
  'tarjeta credito': 'credit_card',
  'tarjeta de credito': 'credit_card',
  credito: 'credit_card',
  'credit card': 'credit_card',
  cheque: 'check',
  check: 'check',
  transferencia: 'transfer',
  'transferencia bancaria': 'transfer',
  transfer: 'transfer'
}

export function parseMethod(text: string): PaymentMethod | undefined {
  const trimmed = text.trim()
  if ((PAYMENT_METHODS as readonly string[]).includes(trimmed)) return trimmed as PaymentMethod
  return METHOD_NAMES[normalizeWord(trimmed)]
}

/** Whole pesos above zero, in any way a Colombian spreadsheet writes them. */
export function parseAmount(text: string): number | undefined {
  const pesos = parseCopInput(text)
  return pesos !== undefined && pesos > 0 ? pesos : undefined
}

const BOGOTA_OFFSET_HOURS = 5 // UTC−5 all year: Colombia has no daylight saving time.

const DATE_PATTERNS = [
  /^(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?:[T ](?<time>.+))?$/,
  /^(?<d>\d{1,2})\/(?<m>\d{1,2})\/(?<y>\d{4})(?:[T ]+(?<time>.+))?$/
]
const TIME_PATTERN =
  /^(?<h>\d{1,2}):(?<min>\d{2})(?::(?<s>\d{2})(?:\.(?<ms>\d{1,3}))?)?\s*(?<zone>Z|[+-]\d{2}:?\d{2})?$/i

/**
 * 'YYYY-MM-DD' or 'DD/MM/YYYY', optionally with 'HH:mm[:ss]' (Bogotá time unless a zone is
 * written). Returns epoch ms, or undefined for anything that is not a real calendar moment.
 */
export function parsePaidAt(text: string): number | undefined {
  const trimmed = text.trim()
  const match = DATE_PATTERNS.map((pattern) => pattern.exec(trimmed)).find(Boolean)
  const groups = match?.groups
  if (!groups) return undefined
  const y = Number(groups.y)
  const m = Number(groups.m)
  const d = Number(groups.d)
  let h = 0
  let min = 0
  let s = 0
  let ms = 0
  let offsetMinutes = BOGOTA_OFFSET_HOURS * 60
  if (groups.time !== undefined) {
    const time = TIME_PATTERN.exec(groups.time.trim())?.groups
    if (!time) return undefined
    h = Number(time.h)
    min = Number(time.min)
    s = Number(time.s ?? 0)
    ms = Number((time.ms ?? '0').padEnd(3, '0'))
    if (time.zone !== undefined) {
      const zone = time.zone.toUpperCase()
      if (zone === 'Z') offsetMinutes = 0
      else {
        const sign = zone.startsWith('-') ? 1 : -1
        const digits = zone.slice(1).replace(':', '')
        offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)))
      }
    }
  }
  if (m < 1 || m > 12 || d < 1 || d > 31 || h > 23 || min > 59 || s > 59) return undefined
  const local = new Date(Date.UTC(y, m - 1, d, h, min, s, ms))
  // Date.UTC rolls 31/02 over to March: a date that does not round-trip does not exist.
  if (local.getUTCFullYear() !== y || local.getUTCMonth() !== m - 1 || local.getUTCDate() !== d) {
    return undefined
  }
  return local.getTime() + offsetMinutes * 60_000
}
