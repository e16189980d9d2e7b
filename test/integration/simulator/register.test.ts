import { describe, expect, it } from 'vitest'
import { BillPayments, BillsCollection, RegisterPaymentResponse } from '@shared/api/models'
import { isBillPaid } from '@shared/domain/bill-status'
import {
  api,
  registerBody,
  registerPath,
  token,
  type UnpaidBillSample,
  useSimulator
} from './helpers'

describe('simulator payments/register and ledger', () => {
  const { sim, data, auth } = useSimulator()

  const register = async (bills: UnpaidBillSample[], owner = bills[0]!): Promise<Response> =>
    api(sim, auth.bearer, registerPath(owner), { body: registerBody(bills) })
  const isPaid = async (bill: UnpaidBillSample): Promise<boolean> => {
    const bills = BillsCollection.parse(
      await (await api(sim, auth.bearer, `/customers/contracts/${bill.contractId}/bills`)).json()
    )
    return isBillPaid(bills.find((candidate) => candidate.billNo === bill.billNo)!)
  }

  it('registers an unpaid bill, marks it paid, records a payment and a ledger entry', async () => {
    const bill = data.unpaidBills[0]!
    const response = await register([bill])
    expect(response.status).toBe(200)
    expect(RegisterPaymentResponse.parse(await response.json())).toEqual({ [bill.billNo]: true })
    expect(await isPaid(bill)).toBe(true)
    const payments = BillPayments.parse(
      await (
        await api(
          sim,
          auth.bearer,
          `/customers/contracts/${bill.contractId}/bills/${bill.billNo}/payments`
        )
      ).json()
    )
    expect(payments).toEqual([expect.objectContaining({ paymentMethod: 'EFECTIVO' })])
    const [entry] = sim.ledger()
    expect(entry).toMatchObject({
      seq: 1,
      idType: bill.idType,
      identification: bill.identification,
      bills: [{ billNo: bill.billNo, contractId: bill.contractId, amount: bill.amount }],
      result: { [bill.billNo]: true },
      paymentData: { paymentMethod: 'EFECTIVO', cashier: 'cajero-1' }
    })
    expect(Date.parse(entry!.receivedAt)).not.toBeNaN()
    expect(sim.registrationsByBill()).toEqual({ [bill.billNo]: 1 })
  })

  it('answers each bill on its own: wrong amount, foreign or unknown bills are false', async () => {
    const sameOwner = (owner: UnpaidBillSample): UnpaidBillSample[] =>
      data.unpaidBills.filter((bill) => bill.identification === owner.identification)
    const [good, other] = sameOwner(data.unpaidBills.find((bill) => sameOwner(bill).length >= 2)!)
    const foreign = data.unpaidBills.find((bill) => bill.identification !== good!.identification)!
    const wrongAmount = { ...other!, amount: other!.amount + 1 }
    const unknown = { ...good!, billNo: `${good!.contractId}-999999` }
    const response = await register([good!, wrongAmount, foreign, unknown], good)
    expect(await response.json()).toEqual({
      [good!.billNo]: true,
      [other!.billNo]: false,
      [foreign.billNo]: false,
      [unknown.billNo]: false
    })
    expect(await isPaid(other!)).toBe(false)
    expect(await isPaid(foreign)).toBe(false)
    expect(sim.registrationsByBill()).toEqual({ [good!.billNo]: 1 })
  })

  it('answers false for an already paid bill, or true again with acceptDuplicates', async () => {
    const bill = data.unpaidBills[3]!
    expect(await (await register([bill])).json()).toEqual({ [bill.billNo]: true })
    expect(await (await register([bill])).json()).toEqual({ [bill.billNo]: false })
    expect(sim.registrationsByBill()).toEqual({ [bill.billNo]: 1 })
    sim.setFaults({ acceptDuplicates: true })
    expect(await (await register([bill])).json()).toEqual({ [bill.billNo]: true })
    expect(sim.registrationsByBill()).toEqual({ [bill.billNo]: 2 })
    expect(sim.ledger().map((entry) => entry.result[bill.billNo])).toEqual([true, false, true])
    expect(sim.ledger().map((entry) => entry.seq)).toEqual([1, 2, 3])
    const payments = await (
      await api(
        sim,
        auth.bearer,
        `/customers/contracts/${bill.contractId}/bills/${bill.billNo}/payments`
      )
    ).json()
    expect(payments).toHaveLength(2)
  })

  it('serves the ledger over the admin API and does not log rejected requests', async () => {
    const bill = data.unpaidBills[4]!
    expect((await api(sim, auth.bearer, registerPath(bill), { rawBody: '[' })).status).toBe(400)
    expect(
      (
        await api(sim, auth.bearer, registerPath({ ...bill, identification: '1' }), {
          body: registerBody([bill])
        })
      ).status
    ).toBe(404)
    await register([bill])
    const body = (await (await fetch(`${sim.adminUrl}/__admin/ledger`)).json()) as {
      entries: { seq: number }[]
      registrationsByBill: Record<string, number>
    }
    expect(body.entries).toHaveLength(1)
    expect(body.registrationsByBill).toEqual({ [bill.billNo]: 1 })
  })

  it('reset puts bills, ledger, faults, tokens and stats back to the start', async () => {
    const bill = data.unpaidBills[5]!
    await register([bill])
    sim.setFaults({ latencyMs: 5, acceptDuplicates: true })
    const response = await fetch(`${sim.adminUrl}/__admin/reset`, { method: 'POST' })
    expect(response.status).toBe(200)
    expect(sim.ledger()).toEqual([])
    expect(sim.registrationsByBill()).toEqual({})
    expect(sim.setFaults({})).toMatchObject({ latencyMs: 0, acceptDuplicates: false })
    expect(sim.stats()).toEqual({ tokenRequests: 0, apiRequests: 0 })
    expect((await api(sim, auth.bearer, `/contracts/${bill.contractId}`)).status).toBe(401)
    auth.bearer = await token(sim)
    expect(await isPaid(bill)).toBe(false)
  })
})
