import { describe, expect, it } from 'vitest'

import {
  compareCounted,
  expectedByMethod,
  expectedCash,
  movementTotals
} from '@main/shifts/closing'

const payments = [
  { method: 'cash' as const, amount: 120_000 },
  { method: 'cash' as const, amount: 80_000 },
  { method: 'debit_card' as const, amount: 1_130_000 },
  { method: 'transfer' as const, amount: 45_500 }
]
const movements = [
  { kind: 'in' as const, amount: 50_000 },
  { kind: 'out' as const, amount: 30_000 },
  { kind: 'out' as const, amount: 5_000 }
]

describe('closing arithmetic', () => {
  it('expects cash = float + cash payments + ins − outs, other methods = what was taken', () => {
    const lines = expectedByMethod({ openingFloat: 200_000, payments, movements })
    expect(lines).toEqual([
      { method: 'cash', payments: 2, taken: 200_000, expected: 415_000 },
      { method: 'debit_card', payments: 1, taken: 1_130_000, expected: 1_130_000 },
      { method: 'transfer', payments: 1, taken: 45_500, expected: 45_500 }
    ])
    expect(expectedCash(lines)).toBe(415_000)
    expect(movementTotals(movements)).toEqual({ cashIn: 50_000, cashOut: 35_000 })
  })

  it('always has a cash line, even for a shift without payments', () => {
    expect(expectedByMethod({ openingFloat: 100_000, payments: [], movements: [] })).toEqual([
      { method: 'cash', payments: 0, taken: 0, expected: 100_000 }
    ])
  })

  it('reports shortage and surplus per method and in total, leaving uncounted methods out', () => {
    const lines = expectedByMethod({ openingFloat: 200_000, payments, movements })
    const { lines: closing, totals } = compareCounted(lines, {
      cash: 410_000,
      debit_card: 1_130_000,
      check: 20_000
    })
    expect(closing).toEqual([
      {
        method: 'cash',
        payments: 2,
        taken: 200_000,
        expected: 415_000,
        counted: 410_000,
        difference: -5_000
      },
      {
        method: 'debit_card',
        payments: 1,
        taken: 1_130_000,
        expected: 1_130_000,
        counted: 1_130_000,
        difference: 0
      },
      { method: 'check', payments: 0, taken: 0, expected: 0, counted: 20_000, difference: 20_000 },
      {
        method: 'transfer',
        payments: 1,
        taken: 45_500,
        expected: 45_500,
        counted: null,
        difference: null
      }
    ])
    expect(totals).toEqual({
      payments: 4,
      taken: 1_375_500,
      expected: 1_590_500,
      counted: 1_560_000,
      difference: 15_000
    })
  })

  it('stays exact with amounts a float would round', () => {
    const many = Array.from({ length: 1000 }, () => ({ method: 'cash' as const, amount: 33_333 }))
    const [cash] = expectedByMethod({ openingFloat: 1, payments: many, movements: [] })
    expect(cash?.expected).toBe(33_333_001)
    const { totals } = compareCounted([cash!], { cash: 33_333_000 })
    expect(totals.difference).toBe(-1)
  })

  it('refuses amounts that are not whole non-negative pesos', () => {
    expect(() => expectedByMethod({ openingFloat: 10.5, payments: [], movements: [] })).toThrow(
      expect.objectContaining({ code: 'amount_invalid' })
    )
    expect(() =>
      expectedByMethod({
        openingFloat: 0,
        payments: [{ method: 'cash', amount: -1 }],
        movements: []
      })
    ).toThrow(expect.objectContaining({ code: 'amount_invalid' }))
    expect(() => compareCounted([], { cash: 0.1 })).toThrow(
      expect.objectContaining({ code: 'amount_invalid' })
    )
  })
})

describe('blind count lines', () => {
  it('leaves out a method counted as nothing that expected nothing', () => {
    const lines = expectedByMethod({ openingFloat: 0, payments, movements: [] })
    const { lines: closing } = compareCounted(lines, { cash: 200_000, check: 0, transfer: 45_500 })
    expect(closing.map((line) => [line.method, line.difference])).toEqual([
      ['cash', 0],
      ['debit_card', null],
      ['transfer', 0]
    ])
  })
})
