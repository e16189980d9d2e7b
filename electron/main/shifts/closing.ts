/**
 * The arithmetic of a cash closing, free of the database: whole pesos only (integers), so a
 * closing never drifts by a rounding error. Cash expected = opening float + cash payments + cash
 * in − cash out; every other method is expected to hold exactly what was taken with it.
 */
import { AppError } from '@shared/errors'
import type {
  ClosingLine,
  ClosingTotals,
  CountedInput,
  ExpectedLine
} from '@shared/ipc/channels/shifts'
import type { PaymentMethod } from '@main/store/types'
import { PAYMENT_METHODS } from '@main/store/types'

export interface TakenPayment {
  method: PaymentMethod
  amount: number
}

export interface Movement {
  kind: 'in' | 'out'
  amount: number
}

function pesos(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new AppError('amount_invalid', { value: `${what}: ${String(value)}` })
  }
  return value
}

export function movementTotals(movements: readonly Movement[]): {
  cashIn: number
  cashOut: number
} {
  let cashIn = 0
  let cashOut = 0
  for (const movement of movements) {
    const amount = pesos(movement.amount, 'movement')
    if (movement.kind === 'in') cashIn += amount
    else cashOut += amount
  }
  return { cashIn, cashOut }
}

/** One line per method, in the app's method order; cash always, the others when used. */
export function expectedByMethod(input: {
  openingFloat: number
  payments: readonly TakenPayment[]
  movements: readonly Movement[]
}): ExpectedLine[] {
  const float = pesos(input.openingFloat, 'openingFloat')
  const { cashIn, cashOut } = movementTotals(input.movements)
  const taken = new Map<PaymentMethod, { payments: number; taken: number }>()
  for (const payment of input.payments) {
    const sum = taken.get(payment.method) ?? { payments: 0, taken: 0 }
    sum.payments += 1
    sum.taken += pesos(payment.amount, 'payment')
    taken.set(payment.method, sum)
  }
  return PAYMENT_METHODS.flatMap((method) => {
    const sum = taken.get(method) ?? { payments: 0, taken: 0 }
    if (method !== 'cash' && sum.payments === 0) return []
    const expected = method === 'cash' ? float + sum.taken + cashIn - cashOut : sum.taken
    return [{ method, payments: sum.payments, taken: sum.taken, expected }]
  })
}

/** Cash a drawer should hold right now; a cash-out may not take more than this. */
export function expectedCash(lines: readonly ExpectedLine[]): number {
  return lines.find((line) => line.method === 'cash')?.expected ?? 0
}

/**
 * Expected against counted. A method counted but with no payments still gets a line (money that
 * should not be there is a difference too) unless nothing was counted for it (a blind count
 * sends 0 for every method it asked about); a method not counted has no difference.
 */
export function compareCounted(
  expected: readonly ExpectedLine[],
  counted: CountedInput
): { lines: ClosingLine[]; totals: ClosingTotals } {
  const byMethod = new Map(expected.map((line) => [line.method, line]))
  const lines: ClosingLine[] = []
  for (const method of PAYMENT_METHODS) {
    const line = byMethod.get(method)
    const count = counted[method]
    if (!line && (count === undefined || count === 0)) continue
    const base = line ?? { method, payments: 0, taken: 0, expected: 0 }
    const value = count === undefined ? null : pesos(count, `counted.${method}`)
    lines.push({
      ...base,
      counted: value,
      difference: value === null ? null : value - base.expected
    })
  }
  const totals: ClosingTotals = { payments: 0, taken: 0, expected: 0, counted: 0, difference: 0 }
  for (const line of lines) {
    totals.payments += line.payments
    totals.taken += line.taken
    totals.expected += line.expected
    totals.counted += line.counted ?? 0
    totals.difference += line.difference ?? 0
  }
  return { lines, totals }
}
