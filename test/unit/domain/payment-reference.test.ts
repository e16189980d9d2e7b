import { describe, expect, it } from 'vitest'
import {
  checkReference,
  normalizeReference,
  referenceFields,
  referenceText
} from '@shared/domain/payment-reference'

describe("a payment method's reference", () => {
  it('asks cards for the approval code and last 4, cheques and transfers for bank and number', () => {
    expect(referenceFields('cash')).toEqual([])
    expect(referenceFields('debit_card')).toEqual(['approvalCode', 'cardLast4'])
    expect(referenceFields('credit_card')).toEqual(['approvalCode', 'cardLast4'])
    expect(referenceFields('check')).toEqual(['bank', 'checkNumber'])
    expect(referenceFields('transfer')).toEqual(['bank', 'transferReference'])
  })

  it('normalizes what was typed and drops the fields the method does not use', () => {
    expect(
      normalizeReference('credit_card', {
        approvalCode: ' a1b 2c3 ',
        cardLast4: '4242',
        bank: 'Bancolombia'
      })
    ).toEqual({ approvalCode: 'A1B2C3', cardLast4: '4242' })
    expect(normalizeReference('check', { bank: '  Banco   de Bogotá ', checkNumber: '' })).toEqual({
      bank: 'Banco de Bogotá'
    })
    expect(normalizeReference('cash', { approvalCode: 'X' })).toEqual({})
  })

  it('accepts complete references', () => {
    expect(checkReference('debit_card', { approvalCode: '123456', cardLast4: '0042' })).toEqual([])
    expect(checkReference('check', { bank: 'Davivienda', checkNumber: '0012345' })).toEqual([])
    expect(checkReference('transfer', { bank: 'Nequi', transferReference: 'M-1234567' })).toEqual(
      []
    )
    expect(checkReference('cash', {})).toEqual([])
  })

  it('names each missing or malformed field with its own error code', () => {
    expect(checkReference('debit_card', {})).toEqual([
      { field: 'approvalCode', code: 'reference_missing_approvalCode' },
      { field: 'cardLast4', code: 'reference_missing_cardLast4' }
    ])
    expect(checkReference('credit_card', { approvalCode: '12', cardLast4: '42' })).toEqual([
      { field: 'approvalCode', code: 'reference_invalid_approvalCode' },
      { field: 'cardLast4', code: 'reference_invalid_cardLast4' }
    ])
    expect(checkReference('check', { bank: 'B', checkNumber: '12a4' })).toEqual([
      { field: 'bank', code: 'reference_invalid_bank' },
      { field: 'checkNumber', code: 'reference_invalid_checkNumber' }
    ])
    expect(checkReference('transfer', { bank: 'Nequi', transferReference: 'AB C!' })).toEqual([
      { field: 'transferReference', code: 'reference_invalid_transferReference' }
    ])
  })

  it('shows a card only by its masked last digits', () => {
    expect(referenceText('cardLast4', '4242')).toBe('**** 4242')
    expect(referenceText('approvalCode', 'A1B2C3')).toBe('A1B2C3')
  })
})
