import { describe, expect, it } from 'vitest'
import {
  assertPositiveAmount,
  formatCop,
  parseApiAmount,
  parseCopInput,
  toApiAmount
} from '@shared/domain/money'

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (error) {
    return (error as { code?: string }).code
  }
  return undefined
}

describe('parseApiAmount / toApiAmount', () => {
  it.each([
    ['125000', 125000],
    ['125000.00', 125000],
    ['125000.0', 125000],
    ['0', 0],
    ['0.00', 0],
    ['000125000', 125000],
    ['999999999999999', 999999999999999]
  ])('%j → %i', (value, pesos) => {
    expect(parseApiAmount(value)).toBe(pesos)
  })

  it.each([
    '125000.50',
    '125000.01',
    '',
    'abc',
    '-5',
    '1e5',
    '125,000',
    '12.5.0',
    '125000.',
    '.5',
    '125000.000',
    '1234567890123456'
  ])('rejects %j with amount_invalid', (value) => {
    expect(() => parseApiAmount(value)).toThrow(
      expect.objectContaining({ code: 'amount_invalid', params: { value } })
    )
  })

  it.each([
    [125000, '125000'],
    [0, '0'],
    [1, '1']
  ])('toApiAmount(%i) → %j and round-trips', (pesos, text) => {
    expect(toApiAmount(pesos)).toBe(text)
    expect(parseApiAmount(toApiAmount(pesos))).toBe(pesos)
  })

  it.each([1.5, -1, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
    'toApiAmount(%d) throws amount_invalid',
    (p) => {
      expect(codeOf(() => toApiAmount(p))).toBe('amount_invalid')
    }
  )
})

describe('formatCop', () => {
  // ICU separates symbol and number with a no-break space (U+00A0; some versions use U+202F).
  const spaced = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ')

  it.each([
    [125000, 'es', '$ 125.000'],
    [1250000, 'es', '$ 1.250.000'],
    [0, 'es', '$ 0'],
    [999, 'es', '$ 999'],
    [125000, 'en', 'COP 125,000'],
    [1250000, 'en', 'COP 1,250,000']
  ] as const)('%i in %s → %s', (pesos, language, text) => {
    expect(spaced(formatCop(pesos, language))).toBe(text)
  })

  it('defaults to Spanish and never breaks between symbol and number', () => {
    const text = formatCop(125000)
    expect(spaced(text)).toBe('$ 125.000')
    expect(text).not.toContain(' ')
  })

  it('shows no cents even for a fractional input', () => {
    expect(spaced(formatCop(1234.4))).toBe('$ 1.234')
  })

  it('reads back what it prints', () => {
    for (const pesos of [0, 7, 1000, 125000, 1250000, 987654321]) {
      expect(parseCopInput(formatCop(pesos, 'es'))).toBe(pesos)
      expect(parseCopInput(formatCop(pesos, 'en'))).toBe(pesos)
    }
  })
})

describe('parseCopInput', () => {
  it.each([
    ['125000', 125000],
    ['125.000', 125000],
    ['$ 125.000', 125000],
    ['$125.000', 125000],
    ['$\u00a0125.000', 125000],
    ['125.000,00', 125000],
    ['125.000,0', 125000],
    ['1.250.000', 1250000],
    [' 125000 ', 125000],
    ['125,000', 125000],
    ['125,000.00', 125000],
    ['1,250,000', 1250000],
    ['COP 125.000', 125000],
    ['125000,00', 125000],
    ['0', 0],
    ['007', 7]
  ])('%j → %i', (text, pesos) => {
    expect(parseCopInput(text)).toBe(pesos)
  })

  it.each([
    ',50',
    '125.000,50',
    '125000,5',
    '125.50',
    '-125000',
    '$ -125.000',
    '',
    '   ',
    '$',
    'abc',
    '12a',
    '1.25.000',
    '12.50.000',
    '1.250,000',
    '1,250,00',
    '1.250.000.',
    '125.0000',
    '1e6',
    '99999999999999999'
  ])('%j → undefined', (text) => {
    expect(parseCopInput(text)).toBeUndefined()
  })
})

describe('assertPositiveAmount', () => {
  it('accepts whole amounts above zero, up to the cap', () => {
    expect(() => assertPositiveAmount(1)).not.toThrow()
    expect(() => assertPositiveAmount(2_000_000, 2_000_000)).not.toThrow()
  })

  it.each([
    [0, undefined, 'amount_not_positive'],
    [-5, undefined, 'amount_not_positive'],
    [1.5, undefined, 'amount_invalid'],
    [Number.NaN, undefined, 'amount_invalid'],
    [2_000_001, 2_000_000, 'amount_over_cap']
  ])('%d (cap %s) → %s', (p, cap, code) => {
    expect(codeOf(() => assertPositiveAmount(p, cap))).toBe(code)
  })

  it('says the cap', () => {
    expect(() => assertPositiveAmount(10, 5)).toThrow(
      expect.objectContaining({ code: 'amount_over_cap', params: { cap: 5 } })
    )
  })
})
