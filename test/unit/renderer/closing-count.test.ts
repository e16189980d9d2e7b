import { describe, expect, it } from 'vitest'
import type { ExpectedLine } from '@shared/ipc/channels/shifts'
import {
  checkCounts,
  differenceKind,
  largestDifference,
  readDrawer,
  reviewCounts,
  toCountedInput
} from '@renderer/lib/closing-count'

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

describe('blind count', () => {
  it('adds the drawer up by denomination, a $ 1.000 bill and coin apart', () => {
    const drawer = readDrawer({ b100000: '2', b1000: '1', c1000: '3', c50: '1.000', c500: ' ' })
    expect(drawer.count).toEqual({ b100000: 2, b1000: 1, c1000: 3, c50: 1000 })
    expect(drawer.total).toBe(200_000 + 1_000 + 3_000 + 50_000)
    expect(drawer.invalid).toEqual([])
    expect(readDrawer({ b50000: '1,5', c200: '-1' }).invalid).toEqual(['b50000', 'c200'])
  })

  it('compares after the count: the cash line is the drawer, a blank method counts as nothing', () => {
    const checks = reviewCounts(LINES, 340_000, { check: '10.000' })
    expect(checks).toEqual([
      { method: 'cash', expected: 350_000, counted: 340_000, difference: -10_000, invalid: false },
      { method: 'debit_card', expected: 80_000, counted: 0, difference: -80_000, invalid: false },
      { method: 'check', expected: 0, counted: 10_000, difference: 10_000, invalid: false }
    ])
    expect(largestDifference(checks)).toBe(80_000)
    expect(toCountedInput(checks)).toEqual({ cash: 340_000, debit_card: 0, check: 10_000 })
    expect(reviewCounts(LINES, 350_000, { debit_card: 'ochenta' })[1]?.invalid).toBe(true)
    expect(largestDifference(reviewCounts(LINES, 350_000, { debit_card: '80.000' }))).toBe(0)
  })
})
