import { describe, expect, it } from 'vitest'

import { parsePaymentsCsv } from '@main/batch/parse-payments'
import { parseAmount, parseMethod, parsePaidAt } from '@main/batch/values'

const HEADER_ES =
  'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago;referencia_externa'

describe('parsePaymentsCsv', () => {
  it('reads the documented Spanish columns, semicolons, BOM and CRLF', () => {
    const text =
      '\uFEFF' +
      `${HEADER_ES}\r\n` +
      'NIT;900123456-7;8001;N1;$ 90.000;Transferencia;2025-02-28 15:30;CONS-1\r\n' +
      'CC;1020304050;7001;B1;"120.000,00";efectivo;28/02/2025;\r\n'
    const file = parsePaymentsCsv(text)
    expect(file.separator).toBe(';')
    expect(file.columns[0]).toBe('tipo_id')
    expect(file.rows.map((row) => [row.line, row.problem, row.values])).toEqual([
      [
        2,
        null,
        {
          idType: 'NIT',
          identification: '900123456-7',
          contractId: '8001',
          billNo: 'N1',
          amount: 90_000,
          method: 'transfer',
          paidAt: '2025-02-28T20:30:00.000Z',
          externalRef: 'CONS-1'
        }
      ],
      [
        3,
        null,
        {
          idType: 'CC',
          identification: '1020304050',
          contractId: '7001',
          billNo: 'B1',
          amount: 120_000,
          method: 'cash',
          paidAt: '2025-02-28T05:00:00.000Z',
          externalRef: null
        }
      ]
    ])
    expect(file.fileHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('reads English headers in any order, commas, quoted amounts and DIAN id codes', () => {
    const text =
      'bill,amount,method,paid_at,id_type,identification,contract,external_ref,comment\n' +
      'B2,"1,250,000",debit_card,2025-02-28T10:00:00Z,13,1020304050,7001,,"note, with comma"\n'
    const [row] = parsePaymentsCsv(text).rows
    expect(row?.problem).toBeNull()
    expect(row?.values).toMatchObject({
      idType: 'CC',
      billNo: 'B2',
      amount: 1_250_000,
      method: 'debit_card',
      paidAt: '2025-02-28T10:00:00.000Z'
    })
    expect(row?.raw.comment).toBe('note, with comma')
  })

  it('marks malformed rows with the reason and keeps the rest', () => {
    const text = [
      'tipo_id,identificacion,contrato,factura,valor,medio_pago,fecha_pago',
      'CC,1020304050,7001,B1,1,250,000,efectivo,2025-02-28', // unquoted thousands commas
      'CC,1020304050,7001,B2,80000,efectivo', // a column short
      'XX,1020304050,7001,B3,80000,efectivo,2025-02-28',
      'CC,1020304050,7001,B4,12.5,efectivo,2025-02-28',
      'CC,1020304050,7001,B5,80000,bitcoin,2025-02-28',
      'CC,1020304050,7001,B6,80000,efectivo,31/02/2025',
      'CC,,7001,B7,80000,efectivo,2025-02-28',
      'CC,1020304050,7001,B8,0,efectivo,2025-02-28',
      '"CC,1020304050,7001,B9,80000,efectivo,2025-02-28'
    ].join('\n')
    const reasons = parsePaymentsCsv(text).rows.map((row) => [row.line, row.problem?.reason])
    expect(reasons).toEqual([
      [2, 'malformed_columns'],
      [3, 'malformed_columns'],
      [4, 'malformed_id_type'],
      [5, 'malformed_amount'],
      [6, 'malformed_method'],
      [7, 'malformed_date'],
      [8, 'malformed_missing'],
      [9, 'malformed_amount'],
      [10, 'malformed_columns']
    ])
  })

  it('refuses a file without the required columns or without rows', () => {
    expect(() => parsePaymentsCsv('tipo_id;identificacion;valor\nCC;1;2')).toThrow(
      expect.objectContaining({
        code: 'batch_header_invalid',
        params: { missing: 'contractId, billNo, method, paidAt' }
      })
    )
    expect(() => parsePaymentsCsv(`${HEADER_ES}\r\n\r\n`)).toThrow(
      expect.objectContaining({ code: 'batch_empty' })
    )
    expect(() => parsePaymentsCsv('')).toThrow(expect.objectContaining({ code: 'batch_empty' }))
  })
})

describe('cell values', () => {
  it.each([
    ['1.250.000', 1_250_000],
    ['1250000', 1_250_000],
    ['$ 1.250.000', 1_250_000],
    ['1.250.000,00', 1_250_000],
    ['1250000.00', 1_250_000],
    [' 90000 ', 90_000]
  ])('reads the amount %s', (text, pesos) => {
    expect(parseAmount(text)).toBe(pesos)
  })

  it.each(['1.250.000,50', '-5000', '0', 'abc', '1,25,000', ''])(
    'refuses the amount %j',
    (text) => {
      expect(parseAmount(text)).toBeUndefined()
    }
  )

  it.each([
    ['Efectivo', 'cash'],
    ['tarjeta débito', 'debit_card'],
    ['Tarjeta Crédito', 'credit_card'],
    ['TARJETA_DEBITO', 'debit_card'],
    ['cheque', 'check'],
    ['transferencia', 'transfer'],
    ['credit_card', 'credit_card']
  ])('reads the method %s', (text, method) => {
    expect(parseMethod(text)).toBe(method)
  })

  it('reads dates in Bogotá time unless a zone is given, and refuses impossible ones', () => {
    expect(parsePaidAt('2025-02-28')).toBe(Date.parse('2025-02-28T05:00:00Z'))
    expect(parsePaidAt('28/02/2025 14:05')).toBe(Date.parse('2025-02-28T19:05:00Z'))
    expect(parsePaidAt('1/3/2025 08:00:30')).toBe(Date.parse('2025-03-01T13:00:30Z'))
    expect(parsePaidAt('2025-02-28T14:05:00-05:00')).toBe(Date.parse('2025-02-28T19:05:00Z'))
    expect(parsePaidAt('2025-02-28T19:05:00.250Z')).toBe(Date.parse('2025-02-28T19:05:00.250Z'))
    for (const bad of [
      '2025-02-29',
      '32/01/2025',
      '2025-13-01',
      '2025-02-28 25:00',
      '28-02-2025',
      'ayer'
    ]) {
      expect(parsePaidAt(bad)).toBeUndefined()
    }
  })
})
