/**
 * Offline, a scanned bill that was never looked up: the barcode answers at once with the bill as
 * read (reference, amount, due date), "sin verificar"; the cashier types the customer and the
 * payment is saved to the outbox unverified, within the offline caps. Back online the engine
 * checks it with Tigo and registers it once, under Tigo's bill number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BarcodeLookupView, PaymentReceipt } from '@shared/ipc/views'
import {
  openShift,
  refuseConnections,
  signIn,
  syncPayment,
  useAppTest,
  valueOf,
  type UnpaidSample
} from './fixtures'

const app = useAppTest(2, { syncEngine: true })

beforeAll(async () => {
  await signIn(app.services.dispatch, 'cashier')
  await openShift(app.services.dispatch)
  await refuseConnections(app.sim, true)
})

afterAll(async () => {
  await refuseConnections(app.sim, false)
})

async function scan(sample: UnpaidSample): Promise<BarcodeLookupView> {
  return valueOf<BarcodeLookupView>(
    await app.services.dispatch('bills:byBarcode', { raw: sample.barcode })
  )
}

function payScanned(sample: UnpaidSample, found: BarcodeLookupView) {
  return app.services.dispatch('payments:register', {
    idType: sample.idType,
    identification: sample.identification,
    bills: [
      {
        billNo: found.bill.billNo,
        contractId: found.bill.contractId,
        amount: found.bill.amount,
        unverified: { dueDate: found.bill.dueDate ?? '' }
      }
    ],
    method: 'cash',
    tendered: found.bill.amount
  })
}

describe('offline, a scanned bill never looked up', () => {
  let paymentId = ''

  it('is read from its barcode, unverified, with no customer', async () => {
    const sample = app.samples[0]!
    const found = await scan(sample)
    expect(found.bill).toMatchObject({
      billNo: sample.reference,
      contractId: sample.contractId,
      amount: sample.amount,
      unverified: true,
      paid: false
    })
    expect(found.customer).toBeNull()
  })

  it('is paid with the customer the cashier typed, pending and unverified', async () => {
    const sample = app.samples[0]!
    const receipt = valueOf<PaymentReceipt>(await payScanned(sample, await scan(sample)))
    paymentId = receipt.id
    expect(receipt.pending).toBe(true)
    expect(receipt.bills[0]).toMatchObject({ billNo: sample.reference, unverified: true })
    // Scanned again, it is already taken (the engine may be trying to check it right now).
    expect(['queued', 'sending']).toContain((await scan(sample)).bill.outboxState)
  })

  it('stays within the offline cap', async () => {
    const before = app.services.settings.get().caps.maxPaymentAmount
    app.services.settings.update({ caps: { maxPaymentAmount: 1_000 } })
    try {
      const sample = app.samples[1]!
      expect(await payScanned(sample, await scan(sample))).toMatchObject({
        ok: false,
        error: { code: 'over_offline_cap' }
      })
    } finally {
      app.services.settings.update({ caps: { maxPaymentAmount: before } })
    }
  })

  it('is checked with Tigo back online and registered once, under its bill number', async () => {
    const sample = app.samples[0]!
    await refuseConnections(app.sim, false)
    const payment = await syncPayment(app.services.dispatch, paymentId)
    expect(payment.pending).toBe(false)
    expect(payment.bills[0]).toMatchObject({ billNo: sample.billNo, state: 'registered' })
    expect(payment.bills[0]?.unverified).toBeUndefined()
    expect(app.sim.registrationsByBill()[sample.billNo]).toBe(1)
  })
})
