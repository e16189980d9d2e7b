/**
 * "Buscar pago" through the real dispatcher and SQLite file: each kind of query a cashier types
 * (receipt number in full or its sequence alone, the receipt's QR code, NIT with or without
 * dots and check digit, bill number) finds the payment it names and none of the others.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { formatReceiptCode, formatReceiptNumber } from '@shared/domain/receipt-number'
import type { PaymentSearchView } from '@shared/ipc/channels/payments'
import type { PaymentReceipt } from '@shared/ipc/views'
import {
  cacheLookups,
  openShift,
  registration,
  signIn,
  useAppTest,
  valueOf,
  type UnpaidSample
} from './fixtures'

const app = useAppTest(3)
const paid: { sample: UnpaidSample; receipt: PaymentReceipt }[] = []

beforeAll(async () => {
  const dispatch = app.services.dispatch
  await signIn(dispatch, 'cashier')
  await openShift(dispatch)
  // Two payments of two customers; the third sample stays unpaid, so its bill finds nothing.
  for (const sample of app.samples.slice(0, 2)) {
    await cacheLookups(dispatch, sample)
    const receipt = valueOf<PaymentReceipt>(
      await dispatch('payments:register', registration(sample))
    )
    paid.push({ sample, receipt })
  }
})

async function search(query: string): Promise<PaymentSearchView> {
  return valueOf<PaymentSearchView>(await app.services.dispatch('payments:search', { query }))
}

const idsOf = (view: PaymentSearchView) => view.payments.map((payment) => payment.id)

function payment(index: number): { sample: UnpaidSample; receipt: PaymentReceipt } {
  const found = paid[index]
  if (!found) throw new Error(`payment ${index} was not taken`)
  return found
}

describe('payments:search', () => {
  it('finds a payment by its receipt number, as printed', async () => {
    const { receipt } = payment(1)
    const view = await search(formatReceiptNumber(receipt.terminalId, receipt.receiptNo))
    expect(idsOf(view)).toEqual([receipt.id])
    expect(view.more).toBe(false)
    // The whole receipt comes back, ready to show and reprint.
    expect(view.payments[0]).toMatchObject({
      receiptNo: receipt.receiptNo,
      terminalId: receipt.terminalId,
      total: receipt.total,
      bills: [expect.objectContaining({ billNo: payment(1).sample.billNo })]
    })
  })

  it("finds a payment by its receipt's QR code, and by the sequence alone", async () => {
    const { receipt } = payment(0)
    const code = formatReceiptCode(receipt.terminalId, receipt.receiptNo)
    expect(idsOf(await search(code))).toEqual([receipt.id])
    expect(idsOf(await search(code.toLowerCase()))).toEqual([receipt.id])
    expect(idsOf(await search(String(receipt.receiptNo)))).toContain(receipt.id)
    expect(idsOf(await search(String(receipt.receiptNo)))).not.toContain(payment(1).receipt.id)
  })

  it("finds a customer's payments by NIT, bare or written with dots and check digit", async () => {
    const { sample, receipt } = payment(0)
    expect(sample.displayId).not.toBe(sample.identification)
    for (const query of [sample.identification, sample.displayId, ` ${sample.displayId} `]) {
      expect(idsOf(await search(query))).toEqual([receipt.id])
    }
  })

  it('finds a payment by the number of a bill it paid', async () => {
    const { sample, receipt } = payment(1)
    expect(idsOf(await search(sample.billNo))).toEqual([receipt.id])
  })

  it('finds nothing for a bill never paid, a receipt of another till or an unknown NIT', async () => {
    const unpaid = app.samples[2]
    if (!unpaid) throw new Error('three samples were asked for')
    const { receipt } = payment(0)
    for (const query of [
      unpaid.billNo,
      unpaid.identification,
      formatReceiptCode('OTRA-CAJA', receipt.receiptNo),
      formatReceiptNumber('OTRA-CAJA', receipt.receiptNo)
    ]) {
      expect(await search(query)).toEqual({ payments: [], more: false })
    }
  })

  it('refuses an empty query and answers nobody signed out', async () => {
    expect(await app.services.dispatch('payments:search', { query: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
    valueOf(await app.services.dispatch('session:signOut', {}))
    expect(
      await app.services.dispatch('payments:search', { query: payment(0).sample.billNo })
    ).toMatchObject({ ok: false, error: { code: 'signed_out' } })
    await signIn(app.services.dispatch, 'cashier')
  })
})
