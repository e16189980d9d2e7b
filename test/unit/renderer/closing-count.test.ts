import { describe, expect, it } from 'vitest'
import type { ExpectedLine } from '../../../shared/ipc/channels/shifts'
import { checkCounts, differenceKind, toCountedInput } from '../../../renderer/lib/closing-count'

const LINES: ExpectedLine[] = [
  { method: 'cash', payments: 2, taken: 150_000, expected: 350_000 },
  { method: 'debit_card', payments: 1, taken: 80_000, expected: 80_000 }
]

describe('closing count', () => {
  it('reads what the cashier typed as pesos and compares it with what is expected', () => {
    const checks = checkCounts(LINES, { cash: '349.000', debit_card: '$ 80.000' })
    expect(checks.map((c) => [c.method, c.counted, c.difference])).toEqual([
      ['cash', 349_000, -1_000],
      ['debit_card', 80_000, 0]
    ])
    expect(toCountedInput(checks)).toEqual({ cash: 349_000, debit_card: 80_000 })
  })

  it('leaves a blank method uncounted and flags text that is not an amount', () => {
    const checks = checkCounts(LINES, { cash: 'mucho' })
    expect(checks[0]).toMatchObject({ counted: null, difference: null, invalid: true })
    expect(checks[1]).toMatchObject({ counted: null, difference: null, invalid: false })
    expect(toCountedInput(checks)).toEqual({})
  })

  it('counts zero as counted, not as blank', () => {
    const checks = checkCounts(LINES, { debit_card: '0' })
    expect(checks[1]).toMatchObject({ counted: 0, difference: -80_000, invalid: false })
  })

  it('names the difference', () => {
    expect([differenceKind(0), differenceKind(500), differenceKind(-1)]).toEqual([
      'even',
      'surplus',
      'shortage'
    ])
  })
})
