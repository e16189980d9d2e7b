import { describe, expect, it } from 'vitest'

import {
  formatReceiptCode,
  formatReceiptNumber,
  parseReceiptCode,
  parseReceiptNumber
} from '@shared/domain/receipt-number'

describe('receipt numbers and QR codes', () => {
  it('names a receipt by terminal and zero-padded sequence, and its QR code by a prefix', () => {
    expect(formatReceiptNumber('CAJA-01', 42)).toBe('CAJA-01-000042')
    expect(formatReceiptCode('CAJA-01', 42)).toBe('RECIBO-CAJA-01-000042')
  })

  it('reads its own QR code back, and nothing else as one', () => {
    expect(parseReceiptCode(formatReceiptCode('CAJA-01', 42))).toEqual({
      terminalId: 'CAJA-01',
      receiptNo: 42
    })
    expect(parseReceiptCode(' recibo-t_2-1234567 ')).toEqual({
      terminalId: 't_2',
      receiptNo: 1234567
    })
    expect(parseReceiptCode('CAJA-01-000042')).toBeUndefined()
    expect(parseReceiptCode('RECIBO-CAJA-01-000000')).toBeUndefined()
    expect(parseReceiptCode('RECIBO-CAJA 01-000042')).toBeUndefined()
  })

  it('reads a typed receipt number with or without its terminal', () => {
    expect(parseReceiptNumber('CAJA-01-000042')).toEqual({ terminalId: 'CAJA-01', receiptNo: 42 })
    expect(parseReceiptNumber('RECIBO-CAJA-01-000042')).toEqual({
      terminalId: 'CAJA-01',
      receiptNo: 42
    })
    expect(parseReceiptNumber(' 000042 ')).toEqual({ receiptNo: 42 })
    expect(parseReceiptNumber('0')).toBeUndefined()
    expect(parseReceiptNumber('FAC 12')).toBeUndefined()
    expect(parseReceiptNumber('12345678901')).toBeUndefined()
  })
})
