import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { formatNit, isValidNit, nitCheckDigit } from '@shared/domain/nit'

// Published NITs of well-known Colombian entities (RUT certificates, invoices).
const PUBLISHED: readonly [string, number, string][] = [
  ['800197268', 4, 'DIAN'],
  ['899999068', 1, 'Ecopetrol'],
  ['860034313', 7, 'Davivienda'],
  ['890900608', 9, 'Almacenes Éxito'],
  ['890903938', 8, 'Bancolombia'],
  ['860002964', 4, 'Banco de Bogotá'],
  ['830122566', 1, 'Colombia Telecomunicaciones'],
  ['800153993', 7, 'Comunicación Celular (Claro)'],
  ['830114921', 1, 'Colombia Móvil (Tigo)'],
  ['900092385', 9, 'UNE EPM Telecomunicaciones']
]

describe('nitCheckDigit', () => {
  it.each(PUBLISHED)('%s → %i (%s)', (base, dv) => {
    expect(nitCheckDigit(base)).toBe(dv)
  })

  it.each([
    // r = 0 and r = 1 are used as they are; other remainders give 11 − r.
    ['0', 0],
    ['1', 8],
    ['5', 7],
    ['900000000', 5],
    ['900123456', 8],
    ['123456789012345', 2]
  ])('computes %s → %i', (base, dv) => {
    expect(nitCheckDigit(base)).toBe(dv)
  })

  it('covers every possible digit, including the r = 0 and r = 1 cases', () => {
    const seen = new Set<number>()
    for (let n = 100; n < 400; n++) seen.add(nitCheckDigit(String(n)))
    expect([...seen].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('ignores leading zeros (they weigh nothing)', () => {
    expect(nitCheckDigit('0800197268')).toBe(4)
    expect(nitCheckDigit('000000899999068')).toBe(1)
  })

  it.each(['', ' ', '90012345a', '900.123.456', '900123456-7', '-1', '1234567890123456'])(
    'throws nit_invalid for %j',
    (base) => {
      expect(() => nitCheckDigit(base)).toThrow(AppError)
      try {
        nitCheckDigit(base)
      } catch (error) {
        expect((error as AppError).code).toBe('nit_invalid')
      }
    }
  )
})

describe('isValidNit', () => {
  it.each(PUBLISHED)('accepts %s with its check digit (%s)', (base, dv) => {
    expect(isValidNit(`${base}-${dv}`)).toBe(true)
    expect(isValidNit(formatNit(base))).toBe(true)
  })

  it.each([
    ['900123456-8', true],
    ['900.123.456-8', true],
    [' 900.123.456-8 ', true],
    ['900123456 - 8', true],
    ['0800197268-4', true],
    ['900123456-7', false], // wrong DV
    ['900.123.456-7', false],
    ['9001234568', false], // no dash: the DV cannot be told apart
    ['900123456', false],
    ['900123456-', false],
    ['-8', false],
    ['900123456-18', false],
    ['9.00.123.456-8', false], // dots only as thousands separators
    ['900..123.456-8', false],
    ['900,123,456-8', false],
    ['90012345a-8', false],
    ['1234567890123456-0', false], // over 15 digits
    ['', false]
  ])('%j → %s', (full, valid) => {
    expect(isValidNit(full)).toBe(valid)
  })
})

describe('formatNit', () => {
  it.each([
    ['900123456', '900.123.456-8'],
    ['800197268', '800.197.268-4'],
    ['12345', '12.345-8'], // 5·3+4·7+3·13+2·17+1·19 = 135, r = 3,
    ['1', '1-8'],
    ['1234567890', '1.234.567.890-2'] // sum 867, r = 9
  ])('%s → %s', (base, formatted) => {
    expect(formatNit(base)).toBe(formatted)
  })

  it('throws nit_invalid for a base that is not digits', () => {
    expect(() => formatNit('900.123.456')).toThrow(expect.objectContaining({ code: 'nit_invalid' }))
  })
})
