import { describe, expect, it } from 'vitest'

import type { RegisterPaymentInput } from '@main/store/types'
import { AppError } from '@shared/errors'
import { translateError } from '@shared/i18n'
import { T0, count, paymentInput, seedCustomer } from '@support/store-world'
import { useStore } from '@support/use-store'

const store = useStore(seedCustomer)

function refusal(input: RegisterPaymentInput): AppError {
  const before = {
    payments: count(store.db, 'payments'),
    items: count(store.db, 'outbox_items'),
    sequences: count(store.db, 'receipt_sequences'),
    audit: count(store.db, 'audit_log')
  }
  let error: unknown
  try {
    store.payments.registerPayment(input)
  } catch (caught) {
    error = caught
  }
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`)
  // Nothing of a refused payment is written.
  expect({
    payments: count(store.db, 'payments'),
    items: count(store.db, 'outbox_items'),
    sequences: count(store.db, 'receipt_sequences'),
    audit: count(store.db, 'audit_log')
  }).toEqual(before)
  // Every refusal has a Spanish and an English text.
  expect(translateError('es', error.code)).not.toBe(`error.${error.code}`)
  expect(translateError('en', error.code)).not.toBe(`error.${error.code}`)
  return error
}

const B1 = { billNo: 'B1', contractId: '7001', amount: 120_000 }
const B2 = { billNo: 'B2', contractId: '7001', amount: 80_000 }

describe('registerPayment', () => {
  it('saves the payment, its receipt number and one queued item per bill, and audits it', () => {
    const receipt = store.payments.registerPayment(
      paymentInput({ bills: [B1, B2], tendered: 250_000, clientInformation: { email: 'p@x.co' } })
    )
    expect(receipt).toMatchObject({
      receiptNo: 1,
      terminalId: 'T1',
      cashier: { id: 'c1', name: 'Ana Cajera' },
      customer: { idType: 'CC', identification: '1020304050', name: 'Pedro Pérez' },
      method: 'cash',
      total: 200_000,
      tendered: 250_000,
      change: 50_000,
      source: 'counter',
      clientInformation: { email: 'p@x.co' },
      createdAt: new Date(T0).toISOString(),
      pending: true,
      approvedBy: null
    })
    expect(receipt.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(receipt.bills).toMatchObject([
      { billNo: 'B1', contractId: '7001', reference: 'REF-B1', amount: 120_000, state: 'queued' },
      { billNo: 'B2', contractId: '7001', reference: 'REF-B2', amount: 80_000, state: 'queued' }
    ])
    expect(store.payments.getPayment(receipt.id)).toEqual(receipt)
    expect(store.outbox.summary(T0).waiting).toEqual({ count: 2, amount: 200_000 })
    expect(store.audit.list()).toMatchObject([
      { actor: 'c1', action: 'payment.registered', details: { paymentId: receipt.id } }
    ])
  })

  it('stores no tendered amount nor change for a card payment', () => {
    const receipt = store.payments.registerPayment(
      paymentInput({ method: 'debit_card', tendered: undefined })
    )
    expect(receipt).toMatchObject({ method: 'debit_card', tendered: null, change: null })
  })

  it('numbers receipts per terminal', () => {
    const t1 = store.payments.registerPayment(paymentInput({ bills: [B1] }))
    const t2 = store.payments.registerPayment(paymentInput({ terminalId: 'T2', bills: [B2] }))
    const t1b = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B3', contractId: '7001', amount: 300_000 }],
        tendered: 300_000
      })
    )
    expect([t1.receiptNo, t2.receiptNo, t1b.receiptNo]).toEqual([1, 1, 2])
    // A refused payment does not use up a number.
    refusal(paymentInput({ bills: [B1] }))
    const next = store.payments.registerPayment(
      paymentInput({
        idType: 'NIT',
        identification: '900123456',
        bills: [{ billNo: 'N1', contractId: '8001', amount: 90_000 }]
      })
    )
    expect(next.receiptNo).toBe(3)
  })

  it('is no longer pending once every bill is registered', () => {
    const receipt = store.payments.registerPayment(paymentInput({ bills: [B1] }))
    store.outbox.claimDue(T0, 10)
    store.outbox.markRegistered(
      receipt.bills.map((b) => b.itemId),
      'true'
    )
    expect(store.payments.getPayment(receipt.id)).toMatchObject({
      pending: false,
      bills: [{ state: 'registered' }]
    })
  })

  it('returns undefined for an unknown payment', () => {
    expect(store.payments.getPayment('nope')).toBeUndefined()
  })
})

describe('registerPayment refuses before saving', () => {
  it('a payment without bills', () => {
    expect(refusal(paymentInput({ bills: [] })).code).toBe('payment_no_bills')
  })

  it('an amount of zero or less', () => {
    expect(refusal(paymentInput({ bills: [{ ...B1, amount: 0 }] })).code).toBe(
      'amount_not_positive'
    )
    expect(refusal(paymentInput({ bills: [{ ...B1, amount: -5 }] })).code).toBe(
      'amount_not_positive'
    )
    expect(refusal(paymentInput({ bills: [{ ...B1, amount: 1.5 }] })).code).toBe('amount_invalid')
  })

  it('a bill not in the cache for that contract', () => {
    expect(refusal(paymentInput({ bills: [{ ...B1, billNo: 'ZZ' }] })).code).toBe('bill_unknown')
    expect(refusal(paymentInput({ bills: [{ ...B1, contractId: '8001' }] })).code).toBe(
      'bill_unknown'
    )
  })

  it('a bill of another customer', () => {
    const error = refusal(paymentInput({ identification: '999', bills: [B1] }))
    expect(error.code).toBe('bill_not_customer')
    expect(error.params.billNo).toBe('B1')
  })

  it('an amount different from the bill (no partial payments)', () => {
    const error = refusal(paymentInput({ bills: [{ ...B1, amount: 100_000 }] }))
    expect(error.code).toBe('amount_mismatch')
    expect(translateError('es', error.code, error.params)).toContain('120.000')
  })

  it('a bill the cache knows is paid', () => {
    const paid = { billNo: 'PAID', contractId: '7001', amount: 50_000 }
    expect(refusal(paymentInput({ bills: [paid] })).code).toBe('bill_already_paid')
  })

  it('a bill already waiting or registered', () => {
    const first = store.payments.registerPayment(paymentInput({ bills: [B1] }))
    expect(refusal(paymentInput({ bills: [B2, B1], tendered: 300_000 })).code).toBe(
      'bill_already_queued'
    )
    store.outbox.claimDue(T0, 10)
    store.outbox.markRegistered([first.bills[0]!.itemId], 'true')
    expect(refusal(paymentInput({ bills: [B1] })).code).toBe('bill_already_queued')
  })

  it('a bill already waiting under its reference, paid from its barcode alone, either way round', () => {
    const scanned = (billNo: string) => ({
      billNo,
      contractId: '7001',
      amount: 120_000,
      unverified: { dueDate: '2025-03-15' }
    })
    // Read offline from its barcode: it waits under the reference until Tigo is asked.
    store.payments.registerPayment(paymentInput({ bills: [scanned('REF-B1')] }))
    expect(refusal(paymentInput({ bills: [B1] })).code).toBe('bill_already_queued')
    // The other way round: B2 waits under its number; its barcode (REF-B2) is the same bill.
    store.payments.registerPayment(paymentInput({ bills: [B2], tendered: 80_000 }))
    expect(refusal(paymentInput({ bills: [{ ...scanned('REF-B2'), amount: 80_000 }] })).code).toBe(
      'bill_already_queued'
    )
    // And one the cache knows is paid is refused, not left for the engine to find.
    expect(
      refusal(paymentInput({ bills: [{ ...scanned('REF-PAID'), amount: 50_000 }] })).code
    ).toBe('bill_already_paid')
  })

  it('accepts a bill again once its earlier item was rejected', () => {
    const first = store.payments.registerPayment(paymentInput({ bills: [B1] }))
    store.outbox.claimDue(T0, 10)
    store.outbox.markRejected([first.bills[0]!.itemId], 'false')
    expect(store.payments.registerPayment(paymentInput({ bills: [B1] })).receiptNo).toBe(2)
  })

  it('the same bill twice in one payment', () => {
    expect(refusal(paymentInput({ bills: [B1, B1], tendered: 300_000 })).code).toBe(
      'bill_duplicate'
    )
  })

  it('cash below the total', () => {
    expect(refusal(paymentInput({ bills: [B1], tendered: 119_999 })).code).toBe(
      'tendered_insufficient'
    )
    expect(refusal(paymentInput({ bills: [B1], tendered: undefined })).code).toBe(
      'tendered_insufficient'
    )
  })

  it('an unknown payment method', () => {
    const input = { ...paymentInput(), method: 'bitcoin' } as unknown as RegisterPaymentInput
    expect(refusal(input).code).toBe('payment_method_invalid')
  })

  it('a payment above the offline cap unless a supervisor approves it', () => {
    const big = { billNo: 'B4', contractId: '7001', amount: 700_000 }
    store.online.value = false
    const error = refusal(paymentInput({ bills: [big], tendered: 700_000 }))
    expect(error.code).toBe('over_offline_cap')
    const approved = store.payments.registerPayment(
      paymentInput({ bills: [big], tendered: 700_000, approvedBy: { id: 's1', name: 'Sara Sup' } })
    )
    expect(approved.approvedBy).toEqual({ id: 's1', name: 'Sara Sup' })
    expect(store.audit.list({ action: 'payment.offline_cap_override' })).toMatchObject([
      { actor: 's1', details: { paymentId: approved.id, total: 700_000 } }
    ])
  })

  it('applies the offline cap only while offline', () => {
    const big = { billNo: 'B4', contractId: '7001', amount: 700_000 }
    expect(
      store.payments.registerPayment(paymentInput({ bills: [big], tendered: 700_000 })).total
    ).toBe(700_000)
  })

  it('a payment that would take the waiting total over its cap, even approved', () => {
    store.caps.maxPendingTotal = 200_000
    store.payments.registerPayment(paymentInput({ bills: [B1] }))
    const error = refusal(
      paymentInput({
        bills: [{ billNo: 'B3', contractId: '7001', amount: 300_000 }],
        tendered: 300_000,
        approvedBy: { id: 's1', name: 'Sara Sup' }
      })
    )
    expect(error.code).toBe('over_pending_total')
    // Exactly at the cap is allowed.
    expect(store.payments.registerPayment(paymentInput({ bills: [B2] })).total).toBe(80_000)
  })
})

describe('batch payments', () => {
  it('keep their source and external reference and may omit the cash handed over', () => {
    const receipt = store.payments.registerPayment(
      paymentInput({ source: 'batch', externalRef: 'csv:12', tendered: undefined })
    )
    expect(receipt).toMatchObject({
      source: 'batch',
      externalRef: 'csv:12',
      tendered: null,
      change: null
    })
  })
})
