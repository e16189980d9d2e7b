import { describe, expect, it } from 'vitest'
import { formatPesosAsTyped, quickCashAmounts } from '@renderer/lib/cash-keys'

describe('quick-cash amounts', () => {
  it('offers the next round amount of each step above the total', () => {
    expect(quickCashAmounts(120_168)).toEqual([130_000, 140_000, 150_000, 200_000])
    expect(quickCashAmounts(8_500)).toEqual([10_000, 20_000, 50_000, 100_000])
  })

  it('never offers the exact total (it has its own key) nor the same amount twice', () => {
    expect(quickCashAmounts(100_000)).toEqual([110_000, 120_000, 150_000, 200_000])
    expect(quickCashAmounts(95_000)).toEqual([100_000])
  })

  it('offers nothing for an empty basket', () => {
    expect(quickCashAmounts(0)).toEqual([])
  })
})

describe('pesos formatted as typed', () => {
  it('groups thousands es-CO', () => {
    const typed: [string, string][] = [
      ['1', '1'],
      ['1250', '1.250'],
      ['125000', '125.000'],
      ['1.2500', '12.500'],
      ['$ 1250000', '1.250.000'],
      ['', ''],
      ['007', '7']
    ]
    for (const [keys, shown] of typed) expect(formatPesosAsTyped(keys)).toBe(shown)
  })

  it('leaves text it cannot read as pesos for the validation to explain', () => {
    expect(formatPesosAsTyped('12,345,67')).toBe('12,345,67')
    expect(formatPesosAsTyped('12a')).toBe('12a')
  })
})
