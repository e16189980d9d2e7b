import { describe, expect, it } from 'vitest'
import type { IdType } from '@shared/domain/identification'
import {
  ID_TYPES,
  idTypeInfo,
  parseIdType,
  toApiIdType,
  validateIdentification
} from '@shared/domain/identification'
import { dictionaries } from '@shared/i18n'

const DIAN_CODES: Record<IdType, string> = {
  NIT: '31',
  CC: '13',
  CE: '22',
  TI: '12',
  PP: '41',
  RC: '11',
  TE: '21',
  PEP: '47',
  NUIP: '91',
  DE: '42',
  NITE: '50'
}

describe('ID_TYPES', () => {
  it('lists every id type once with its DIAN code', () => {
    expect(ID_TYPES.map((t) => t.code).sort()).toEqual(Object.keys(DIAN_CODES).sort())
    for (const t of ID_TYPES) expect(t.dianCode).toBe(DIAN_CODES[t.code])
  })

  it('marks passports and foreign documents alphanumeric, the rest digits', () => {
    const alnum = ID_TYPES.filter((t) => t.charset === 'alphanumeric').map((t) => t.code)
    expect(alnum.sort()).toEqual(['DE', 'NITE', 'PEP', 'PP'])
  })

  it('has sane lengths and a Spanish and English label for every type', () => {
    for (const t of ID_TYPES) {
      expect(t.minLength).toBeGreaterThan(0)
      expect(t.maxLength).toBeGreaterThanOrEqual(t.minLength)
      expect(t.labelKey).toBe(`idType.${t.code}`)
      expect(dictionaries.es[t.labelKey]).toBeTruthy()
      expect(dictionaries.en[t.labelKey]).toBeTruthy()
    }
    expect(dictionaries.es['idType.CC']).toBe('Cédula de ciudadanía')
  })
})

describe('toApiIdType / parseIdType', () => {
  it.each(Object.entries(DIAN_CODES) as [IdType, string][])(
    '%s ↔ %s in both styles',
    (code, dian) => {
      expect(toApiIdType(code)).toBe(code)
      expect(toApiIdType(code, 'letters')).toBe(code)
      expect(toApiIdType(code, 'dian')).toBe(dian)
      expect(parseIdType(toApiIdType(code, 'letters'))).toBe(code)
      expect(parseIdType(toApiIdType(code, 'dian'))).toBe(code)
    }
  )

  it.each([
    ['nit', 'NIT'],
    ['31', 'NIT'],
    [' cc ', 'CC'],
    ['Pep', 'PEP'],
    ['pa', 'PP'],
    ['nite', 'NITE'],
    ['', undefined],
    ['XX', undefined],
    ['99', undefined],
    ['031', undefined]
  ])('parseIdType(%j) → %s', (value, type) => {
    expect(parseIdType(value)).toBe(type)
  })

  it('idTypeInfo throws for a value outside the type', () => {
    expect(() => idTypeInfo('ZZ' as IdType)).toThrow()
  })
})

describe('validateIdentification', () => {
  it.each([
    // NIT: value is the base; a typed DV must match, a missing one is computed.
    ['NIT', '900123456', { ok: true, value: '900123456', checkDigit: 8 }],
    ['NIT', '900123456-8', { ok: true, value: '900123456', checkDigit: 8 }],
    ['NIT', ' 900.123.456-8 ', { ok: true, value: '900123456', checkDigit: 8 }],
    ['NIT', '900 123 456 - 8', { ok: true, value: '900123456', checkDigit: 8 }],
    ['NIT', '800197268-4', { ok: true, value: '800197268', checkDigit: 4 }],
    ['NIT', '0800197268-4', { ok: true, value: '0800197268', checkDigit: 4 }],
    ['NIT', '900123456-7', { ok: false, code: 'nit_check_digit', params: { expected: 8 } }],
    ['NIT', '900123456-', { ok: false, code: 'nit_format' }],
    ['NIT', '900123456-78', { ok: false, code: 'nit_format' }],
    ['NIT', '90012345A', { ok: false, code: 'nit_format' }],
    ['NIT', '1234', { ok: false, code: 'identification_length' }],
    ['NIT', '1234567890123456', { ok: false, code: 'identification_length' }],
    ['NIT', '  ', { ok: false, code: 'identification_required' }],
    ['NIT', '', { ok: false, code: 'identification_required' }],
    // Digits-only types.
    ['CC', '1.020.304.050', { ok: true, value: '1020304050' }],
    ['CC', ' 79 123 456 ', { ok: true, value: '79123456' }],
    ['CC', '12', { ok: false, code: 'identification_length' }],
    ['CC', '12345678901', { ok: false, code: 'identification_length' }],
    ['CC', '79123456-1', { ok: false, code: 'identification_format' }],
    ['CC', 'ABC123', { ok: false, code: 'identification_format' }],
    ['TI', '1001234567', { ok: true, value: '1001234567' }],
    ['NUIP', '1001234567', { ok: true, value: '1001234567' }],
    ['CE', '456789', { ok: true, value: '456789' }],
    ['RC', '12345', { ok: false, code: 'identification_length' }],
    // Alphanumeric types are upper-cased.
    ['PP', 'ax123456', { ok: true, value: 'AX123456' }],
    ['PEP', '123456789012345', { ok: true, value: '123456789012345' }],
    ['DE', 'x-123', { ok: false, code: 'identification_format_alphanumeric' }],
    ['NITE', 'ab', { ok: false, code: 'identification_length' }],
    ['PP', '', { ok: false, code: 'identification_required' }]
  ] as [IdType, string, object][])('%s %j', (type, raw, expected) => {
    expect(validateIdentification(type, raw)).toMatchObject(expected)
  })

  it('gives the limits and type with a length error', () => {
    expect(validateIdentification('CC', '12')).toEqual({
      ok: false,
      code: 'identification_length',
      params: { type: 'CC', min: 3, max: 10 }
    })
  })

  it('does not return a check digit for other types', () => {
    const result = validateIdentification('CC', '79123456')
    expect(result).toEqual({ ok: true, value: '79123456' })
  })

  it('accepts every type at its length limits and rejects just outside them', () => {
    for (const t of ID_TYPES) {
      const fill = (n: number): string => '7'.repeat(n)
      expect(validateIdentification(t.code, fill(t.minLength)).ok).toBe(true)
      expect(validateIdentification(t.code, fill(t.maxLength)).ok).toBe(true)
      expect(validateIdentification(t.code, fill(t.minLength - 1))).toMatchObject({ ok: false })
      expect(validateIdentification(t.code, fill(t.maxLength + 1))).toMatchObject({
        ok: false,
        code: 'identification_length'
      })
    }
  })
})
