import { describe, expect, it } from 'vitest'

import { AppError } from '@shared/errors'
import { T0, bill, count } from '@support/store-world'
import { useStore } from '@support/use-store'

const store = useStore()

describe('lookup cache', () => {
  it('returns the last value put under a kind and key, with when it was fetched', () => {
    expect(store.cache.get('customer', 'CC:1')).toBeUndefined()
    store.cache.put('customer', 'CC:1', { name: 'Pedro' })
    store.now.value = T0 + 1000
    store.cache.put('customer', 'CC:1', { name: 'Pedro Pérez' })
    expect(store.cache.get('customer', 'CC:1')).toEqual({
      value: { name: 'Pedro Pérez' },
      fetchedAt: T0 + 1000
    })
    expect(store.cache.get('contracts', 'CC:1')).toBeUndefined()
  })
})

describe('cached bills', () => {
  it('stores amounts in whole pesos and paid status from billStatus', () => {
    store.cache.putBills('7001', 'CC', '1', [
      bill('B1', '125000.00', { referencePayment: '4157709998461234' }),
      bill('B2', '80000', { billStatus: true, paymentDueDate: '2025-02-01' })
    ])
    expect(store.cache.billByNo('B1')).toMatchObject({
      contractId: '7001',
      idType: 'CC',
      identification: '1',
      amount: 125_000,
      paid: false,
      reference: '4157709998461234',
      fetchedAt: T0,
      bill: { billNo: 'B1', billAmount: '125000.00' }
    })
    expect(store.cache.billByNo('B2')?.paid).toBe(true)
    expect(store.cache.billByReference('4157709998461234')?.billNo).toBe('B1')
    expect(store.cache.billByReference('nope')).toBeUndefined()
    expect(store.cache.billsOfContract('7001').map((b) => b.billNo)).toEqual(['B2', 'B1'])
    expect(store.cache.billsOfContract('9999')).toEqual([])
  })

  it('updates a bill fetched again and marks one paid after registration', () => {
    store.cache.putBills('7001', 'CC', '1', [bill('B1', '100000')])
    store.now.value = T0 + 5
    store.cache.putBills('7001', 'CC', '1', [bill('B1', '110000')])
    expect(store.cache.billByNo('B1')).toMatchObject({ amount: 110_000, fetchedAt: T0 + 5 })
    store.cache.markBillPaid('B1')
    expect(store.cache.billByNo('B1')?.paid).toBe(true)
  })

  it('marks many bills paid at once and leaves the others alone', () => {
    store.cache.putBills('7001', 'CC', '1', [
      bill('B1', '1000'),
      bill('B2', '2000'),
      bill('B3', '3000')
    ])
    store.cache.markBillsPaid(['B3', 'B1', 'UNKNOWN'])
    store.cache.markBillsPaid([])
    expect(store.cache.billsOfContract('7001').map((b) => [b.billNo, b.paid])).toEqual([
      ['B1', true],
      ['B2', false],
      ['B3', true]
    ])
  })

  it('stores none of a list with an amount it cannot read', () => {
    expect(() =>
      store.cache.putBills('7001', 'CC', '1', [bill('B1', '1000'), bill('B2', '10.50')])
    ).toThrow(AppError)
    expect(count(store.db, 'cached_bills')).toBe(0)
  })
})
