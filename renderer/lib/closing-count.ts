/**
 * The closing form's arithmetic before anything is saved: what the cashier typed per method,
 * read as pesos, against what the shift expects. Main redoes it on close; this is the preview.
 */
import { parseCopInput } from '../../shared/domain/money'
import type { CountedInput, ExpectedLine } from '../../shared/ipc/channels/shifts'
import type { PaymentMethod } from '../../shared/ipc/views'

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
