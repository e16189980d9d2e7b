/**
 * A customer found by contract or barcode: Tigo's contract answer has no id type, so none is
 * guessed. The cashier confirms it (pre-filled where the number shows it), and only then is the
 * payment taken, and registered at that customer's path (`/customers/CC/<id>/…`).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { Dataset } from '@simulator/server'
import type { BarcodeLookupView, CustomerView, PaymentReceipt } from '@shared/ipc/views'
import { openShift, refuseConnections, signIn, syncPayment, useAppTest, valueOf } from './fixtures'

const app = useAppTest(1, { syncEngine: true })

beforeAll(async () => {
  await signIn(app.services.dispatch, 'cashier')
  await openShift(app.services.dispatch)
})

type SimBill = Dataset['bills'][number]

/** The default per-payment offline cap: one test takes its payment offline. */
const OFFLINE_CAP = 5_000_000

/** Customers a test has used: each test starts from one the till has never seen. */
const used = new Set<string>()

/** An unpaid bill under the default caps of a customer of this id type not used yet. */
function unpaidBillOf(idType: 'CC' | 'NIT') {
  const { customers, bills } = app.sim.dataset
  for (const customer of customers) {
    if (customer.idType !== idType || customer.contractIds.length > 20) continue
    if (used.has(customer.identification)) continue
    const bill = bills.find(
      (b: SimBill) =>
        customer.contractIds.includes(b.contractId) && !b.paid && b.amount <= OFFLINE_CAP
    )
    if (!bill) continue
    used.add(customer.identification)
    return { customer, bill }
  }
  throw new Error(`dataset has no unpaid ${idType} bill under the caps`)
}

const dispatch = (channel: string, input: unknown) => app.services.dispatch(channel, input)

function payment(idType: string, identification: string, bill: SimBill) {
  return {
    idType,
    identification,
    bills: [{ billNo: bill.billNo, contractId: bill.contractId, amount: bill.amount }],
    method: 'cash',
    tendered: bill.amount
  }
}

describe('a customer found by contract', () => {
  it('has no id type until the cashier confirms it; a cédula is then registered as CC', async () => {
    const { customer, bill } = unpaidBillOf('CC')
    const found = valueOf<CustomerView>(
      await dispatch('contracts:get', { contractId: bill.contractId })
    )
    expect(found.idType).toBeNull()
    expect(found.suggestedIdType).toBeUndefined()
    expect(found.identification).toBe(customer.identification)
    valueOf(await dispatch('bills:list', { contractId: bill.contractId }))

    // The old guess is refused: Tigo knows no NIT with this number.
    expect(
      await dispatch('payments:register', payment('NIT', customer.identification, bill))
    ).toMatchObject({ ok: false, error: { code: 'id_type_not_found' } })
    expect(
      await dispatch('customers:confirmIdType', { contractId: bill.contractId, idType: 'NIT' })
    ).toMatchObject({ ok: false, error: { code: 'id_type_not_found' } })

    const confirmed = valueOf<CustomerView>(
      await dispatch('customers:confirmIdType', { contractId: bill.contractId, idType: 'CC' })
    )
    expect(confirmed).toMatchObject({ idType: 'CC', identification: customer.identification })
    // Remembered: the next lookup by contract knows it.
    expect(
      valueOf<CustomerView>(await dispatch('contracts:get', { contractId: bill.contractId })).idType
    ).toBe('CC')

    expect(
      await dispatch('payments:register', payment('NIT', customer.identification, bill))
    ).toMatchObject({ ok: false, error: { code: 'bill_not_customer' } })
    const receipt = valueOf<PaymentReceipt>(
      await dispatch('payments:register', payment('CC', customer.identification, bill))
    )
    const after = await syncPayment(dispatch, receipt.id)
    expect(after.bills[0]?.state).toBe('registered')

    const sent = app.sim
      .ledger()
      .filter((entry) => entry.bills.some((b) => b.billNo === bill.billNo))
    expect(sent.map((entry) => `/customers/${entry.idType}/${entry.identification}`)).toEqual([
      `/customers/CC/${customer.identification}`
    ])
    expect(app.sim.registrationsByBill()[bill.billNo]).toBe(1)
  })

  it('cannot be paid offline until the cashier confirms the id type', async () => {
    const { customer, bill } = unpaidBillOf('CC')
    valueOf(await dispatch('contracts:get', { contractId: bill.contractId }))
    valueOf(await dispatch('bills:list', { contractId: bill.contractId }))
    let taken: PaymentReceipt | undefined
    await refuseConnections(app.sim, true)
    try {
      expect(
        await dispatch('payments:register', payment('CC', customer.identification, bill))
      ).toMatchObject({ ok: false, error: { code: 'id_type_unconfirmed' } })
      // Offline the cashier's word stands, from the cached contract.
      const confirmed = valueOf<CustomerView>(
        await dispatch('customers:confirmIdType', { contractId: bill.contractId, idType: 'CC' })
      )
      expect(confirmed).toMatchObject({ idType: 'CC', source: 'cache' })
      taken = valueOf<PaymentReceipt>(
        await dispatch('payments:register', payment('CC', customer.identification, bill))
      )
    } finally {
      await refuseConnections(app.sim, false)
    }
    if (!taken) throw new Error('the payment was not taken')
    await syncPayment(dispatch, taken.id)
    const sent = app.sim
      .ledger()
      .filter((entry) => entry.bills.some((b) => b.billNo === bill.billNo))
    expect(sent.map((entry) => entry.idType)).toEqual(['CC'])
  })

  it('is known without asking when a search by id type found the contract', async () => {
    const customer = app.sim.dataset.customers.find(
      (c) => c.idType === 'CC' && !used.has(c.identification) && c.contractIds.length > 0
    )
    if (!customer) throw new Error('dataset has no other CC customer')
    used.add(customer.identification)
    const bill = { contractId: customer.contractIds[0]! }
    expect(
      valueOf<CustomerView>(await dispatch('contracts:get', { contractId: bill.contractId })).idType
    ).toBeNull()
    valueOf(
      await dispatch('customers:contracts', {
        idType: 'CC',
        identification: customer.identification
      })
    )
    const found = valueOf<CustomerView>(
      await dispatch('contracts:get', { contractId: bill.contractId })
    )
    expect(found.idType).toBe('CC')
  })
})

describe('a customer found by barcode', () => {
  it('pre-fills NIT where the number carries a valid check digit, and still asks', async () => {
    const { customer, bill } = unpaidBillOf('NIT')
    const found = valueOf<BarcodeLookupView>(
      await dispatch('bills:byBarcode', { raw: bill.barcode })
    )
    expect(found.bill.billNo).toBe(bill.billNo)
    expect(found.customer).toMatchObject({
      idType: null,
      suggestedIdType: 'NIT',
      identification: customer.identification
    })
    // Paid as a cédula, the number is no customer Tigo knows.
    expect(
      await dispatch('payments:register', payment('CC', customer.identification, bill))
    ).toMatchObject({ ok: false, error: { code: 'id_type_not_found' } })

    valueOf(
      await dispatch('customers:confirmIdType', { contractId: bill.contractId, idType: 'NIT' })
    )
    const receipt = valueOf<PaymentReceipt>(
      await dispatch('payments:register', payment('NIT', customer.identification, bill))
    )
    await syncPayment(dispatch, receipt.id)
    const sent = app.sim
      .ledger()
      .filter((entry) => entry.bills.some((b) => b.billNo === bill.billNo))
    expect(sent.map((entry) => entry.idType)).toEqual(['NIT'])
  })
})
