/**
 * The closing form's arithmetic before anything is saved: what the cashier typed per method,
 * read as pesos, against what the shift expects. Main redoes it on close; this is the preview.
 */
import { parseCopInput } from '@shared/domain/money'
import { cashCountTotal, DENOMINATIONS } from '@shared/ipc/channels/shifts'
import type {
  CashCount,
  CountedInput,
  DenominationKey,
  ExpectedLine
} from '@shared/ipc/channels/shifts'
import type { PaymentMethod } from '@shared/ipc/views'
import { PAYMENT_METHODS } from '@shared/ipc/views'

export type CountTexts = Partial<Record<PaymentMethod, string>>

export interface CountCheck {
  method: PaymentMethod
  expected: number
  /** null: left blank (not counted). */
  counted: number | null
  difference: number | null
  /** Typed but not a peso amount. */
  invalid: boolean
}

export function checkCounts(lines: readonly ExpectedLine[], texts: CountTexts): CountCheck[] {
  return lines.map((line) => {
    const text = (texts[line.method] ?? '').trim()
    if (text === '') {
      return {
        method: line.method,
        expected: line.expected,
        counted: null,
        difference: null,
        invalid: false
      }
    }
    const counted = parseCopInput(text)
    if (counted === undefined || counted < 0) {
      return {
        method: line.method,
        expected: line.expected,
        counted: null,
        difference: null,
        invalid: true
      }
    }
    return {
      method: line.method,
      expected: line.expected,
      counted,
      difference: counted - line.expected,
      invalid: false
    }
  })
}

/** The `counted` input of `shifts:close`: only the methods the cashier counted. */
export function toCountedInput(checks: readonly CountCheck[]): CountedInput {
  const counted: CountedInput = {}
  for (const check of checks) if (check.counted !== null) counted[check.method] = check.counted
  return counted
}

export type DifferenceKind = 'even' | 'surplus' | 'shortage'

export function differenceKind(difference: number): DifferenceKind {
  if (difference === 0) return 'even'
  return difference > 0 ? 'surplus' : 'shortage'
}

// --- Blind count by denomination (issue 14) ---------------------------------------------------

/** What the cashier typed per denomination: a number of pieces. */
export type PieceTexts = Partial<Record<DenominationKey, string>>

export interface DrawerCount {
  count: CashCount
  total: number
  /** Denominations whose text is not a whole number of pieces. */
  invalid: DenominationKey[]
}

/** Pieces per denomination, read as whole numbers (blank is none). */
export function readDrawer(texts: PieceTexts): DrawerCount {
  const count: CashCount = {}
  const invalid: DenominationKey[] = []
  for (const { key } of DENOMINATIONS) {
    const text = (texts[key] ?? '').trim().replace(/\./g, '')
    if (text === '') continue
    if (!/^\d{1,7}$/.test(text)) {
      invalid.push(key)
      continue
    }
    const pieces = Number(text)
    if (pieces > 0) count[key] = pieces
  }
  return { count, total: cashCountTotal(count), invalid }
}

/** Methods other than cash: each gets a total field in the blind count. */
export const OTHER_METHODS = PAYMENT_METHODS.filter((method) => method !== 'cash')

/**
 * After the blind count: expected against counted for every method that expected or holds
 * something (cash always). A method left blank was counted as nothing.
 */
export function reviewCounts(
  lines: readonly ExpectedLine[],
  drawerTotal: number,
  others: CountTexts
): CountCheck[] {
  return PAYMENT_METHODS.flatMap((method): CountCheck[] => {
    const expected = lines.find((line) => line.method === method)?.expected ?? 0
    let counted = drawerTotal
    if (method !== 'cash') {
      const text = (others[method] ?? '').trim()
      const value = text === '' ? 0 : parseCopInput(text)
      if (value === undefined || value < 0) {
        return [{ method, expected, counted: null, difference: null, invalid: true }]
      }
      counted = value
    }
    if (method !== 'cash' && expected === 0 && counted === 0) return []
    return [{ method, expected, counted, difference: counted - expected, invalid: false }]
  })
}

/** The largest difference either way: what the supervisor threshold is compared with. */
export function largestDifference(checks: readonly CountCheck[]): number {
  return Math.max(0, ...checks.map((check) => Math.abs(check.difference ?? 0)))
}
