import { describe, expect, it } from 'vitest'
import * as domain from '@shared/domain'
import { dictionaries, translateError } from '@shared/i18n'

// Every code the domain helpers can return or throw; a cashier must never see a bare code.
const CODES = [
  'amount_invalid',
  'amount_not_positive',
  'amount_over_cap',
  'barcode_ambiguous',
  'barcode_amount',
  'barcode_due_date',
  'barcode_gln_check',
  'barcode_malformed',
  'identification_format',
  'identification_format_alphanumeric',
  'identification_length',
  'identification_required',
  'nit_check_digit',
  'nit_format',
  'nit_invalid'
]

describe('domain error texts', () => {
  it.each(CODES)('%s has Spanish and English text', (code) => {
    expect(dictionaries.es[`error.${code}`]).toBeTruthy()
    expect(dictionaries.en[`error.${code}`]).toBeTruthy()
  })

  it('fills the placeholders the helpers send', () => {
    const nit = domain.validateIdentification('NIT', '900123456-7')
    expect(nit.ok).toBe(false)
    if (!nit.ok) expect(translateError('es', nit.code, nit.params)).toContain('debería ser 8')
    const length = domain.validateIdentification('CC', '12')
    if (!length.ok) {
      expect(translateError('en', length.code, length.params)).toBe(
        'The CC number must have between 3 and 10 characters.'
      )
    }
    for (const language of ['es', 'en'] as const) {
      const text = translateError(language, 'amount_over_cap', { cap: 5 })
      expect(text).toContain('5')
      expect(text).not.toMatch(/\{\w+\}/)
    }
  })
})

describe('shared/domain index', () => {
  it('re-exports every helper, bill-status included', () => {
    for (const name of [
      'nitCheckDigit',
      'isValidNit',
      'formatNit',
      'ID_TYPES',
      'toApiIdType',
      'parseIdType',
      'validateIdentification',
      'parseApiAmount',
      'toApiAmount',
      'formatCop',
      'parseCopInput',
      'assertPositiveAmount',
      'gs1CheckDigit',
      'isValidGln',
      'parseBillBarcode',
      'encodeBillBarcode',
      'isBillPaid',
      'billStatusFor'
    ]) {
      expect(domain, name).toHaveProperty(name)
    }
  })
})
