import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  BillPayments,
  BillsCollection,
  CheckoutPaymentResponse,
  ContractsDetails,
  ErrorBody,
  PartyCharacteristics,
  ValidatePaymentResponse
} from '@shared/api/models'
import { isBillPaid } from '@shared/domain/bill-status'
import type { SimulatorHandle } from '@simulator/server'
import { api, datasetSummary, start, token, type DatasetSummary } from './helpers'

describe('simulator billing endpoints', () => {
  let sim: SimulatorHandle
  let bearer: string
  let data: DatasetSummary
  beforeAll(async () => {
    sim = await start()
    bearer = await token(sim)
    data = await datasetSummary(sim)
  })
  afterAll(async () => {
    await sim.close()
  })

  const company = (): DatasetSummary['customers'][number] =>
    data.customers.find(
      (customer) => customer.kind === 'company' && customer.contractIds.length >= 3
    )!
  const errorOf = async (response: Response): Promise<string | undefined> =>
    ErrorBody.parse(await response.json()).error?.code

  it('requires a valid bearer token on every endpoint, validate included', async () => {
    const customer = company()
    const contractId = customer.contractIds[0]!
    const paths = [
      `/contracts/${contractId}`,
      `/customers/NIT/${customer.identification}/contracts`,
      `/customers/contracts/${contractId}/bills`,
      `/customers/contracts/${contractId}/bills/${contractId}-1/payments`,
      `/customers/NIT/${customer.identification}/contracts/${contractId}/characteristics?fields=plus`,
      `/payments/${data.signatures[0]!.signature}/validate`,
      `/payments/${data.coupons[0]!.couponId}/${data.coupons[0]!.id}/validate`
    ]
    for (const path of paths) {
      const missing = await fetch(`${sim.baseUrl}${path}`)
      expect(missing.status, path).toBe(401)
      expect(await errorOf(missing)).toBe('401')
      expect((await api(sim, 'wrong-token', path)).status, path).toBe(401)
    }
    for (const path of ['/payments/checkout', '/payments/register']) {
      const response = await fetch(
        `${sim.baseUrl}/customers/NIT/${customer.identification}${path}`,
        { method: 'POST', body: '{}' }
      )
      expect(response.status).toBe(401)
    }
  })

  it('finds a contract by id with its owner', async () => {
    const customer = company()
    const response = await api(sim, bearer, `/contracts/${customer.contractIds[1]}`)
    expect(response.status).toBe(200)
    const details = ContractsDetails.parse(await response.json())
    expect(details.identification).toBe(customer.identification)
    expect(details.organization).toMatchObject({ nit: customer.displayId })
    expect(details.contractsCollection.map((item) => item.contractId)).toEqual([
      customer.contractIds[1]
    ])
    const contract = details.contractsCollection[0]!
    expect(contract.localAddress?.geographicPlace).toMatchObject({
      daneCode: expect.stringMatching(/^\d{5}$/)
    })
    expect(contract.contractCharacteristics?.[0]?.cycle).toMatch(/^(\d{2}|Ciclo \d{1,2})$/)
    expect((await api(sim, bearer, '/contracts/12ab')).status).toBe(400)
    expect(await errorOf(await api(sim, bearer, '/contracts/999999999999'))).toBe('404')
  })

  it('pages a customer contracts with reg_ini (1-based page) and num_reg', async () => {
    const customer = company()
    const base = `/customers/NIT/${customer.identification}/contracts`
    const all = ContractsDetails.parse(await (await api(sim, bearer, base)).json())
    expect(all.contractsCollection.map((item) => item.contractId)).toEqual(customer.contractIds)
    const first = await api(sim, bearer, `${base}?reg_ini=1&num_reg=2`)
    expect(first.headers.get('x-total-count')).toBe(String(customer.contractIds.length))
    const second = await api(sim, bearer, `${base}?reg_ini=2&num_reg=2`)
    const ids = (details: unknown): string[] =>
      ContractsDetails.parse(details).contractsCollection.map((item) => item.contractId)
    expect(ids(await first.json())).toEqual(customer.contractIds.slice(0, 2))
    expect(ids(await second.json())).toEqual(customer.contractIds.slice(2, 4))
    expect(ids(await (await api(sim, bearer, `${base}?reg_ini=99&num_reg=2`)).json())).toEqual([])
    for (const query of ['reg_ini=0', 'reg_ini=x', 'num_reg=0', 'num_reg=-1', 'num_reg=5000']) {
      expect((await api(sim, bearer, `${base}?${query}`)).status, query).toBe(400)
    }
  })

  it('accepts DIAN codes and a NIT with its check digit, rejects bad idType or identification', async () => {
    const customer = company()
    const viaDian = await api(sim, bearer, `/customers/31/${customer.identification}/contracts`)
    expect(viaDian.status).toBe(200)
    const withCheckDigit = customer.displayId.replace('-', '')
    expect((await api(sim, bearer, `/customers/NIT/${withCheckDigit}/contracts`)).status).toBe(200)
    expect(
      (await api(sim, bearer, `/customers/XX/${customer.identification}/contracts`)).status
    ).toBe(400)
    expect((await api(sim, bearer, `/customers/NIT/90012A/contracts`)).status).toBe(400)
    expect(
      (await api(sim, bearer, `/customers/CC/${customer.identification}/contracts`)).status
    ).toBe(404)
    expect((await api(sim, bearer, `/customers/NIT/123/contracts`)).status).toBe(404)
  })

  it('lists bills most recent first and honours quantity', async () => {
    const contractId = company().contractIds[0]!
    const all = BillsCollection.parse(
      await (await api(sim, bearer, `/customers/contracts/${contractId}/bills`)).json()
    )
    expect(all.length).toBeGreaterThanOrEqual(11)
    const dates = all.map((bill) => bill.billDate!)
    expect(dates).toEqual([...dates].sort().reverse())
    for (const bill of all) {
      expect(bill.billNo).toMatch(new RegExp(`^${contractId}-\\d+$`))
      expect(bill.referencePayment!.slice(0, 10)).toBe(contractId.padStart(10, '0'))
      expect(bill.billAmount).toMatch(/^\d+$/)
    }
    const three = BillsCollection.parse(
      await (await api(sim, bearer, `/customers/contracts/${contractId}/bills?quantity=3`)).json()
    )
    expect(three).toEqual(all.slice(0, 3))
    for (const query of ['quantity=0', 'quantity=abc', 'quantity=1.5']) {
      expect(
        (await api(sim, bearer, `/customers/contracts/${contractId}/bills?${query}`)).status
      ).toBe(400)
    }
    expect((await api(sim, bearer, '/customers/contracts/abc/bills')).status).toBe(400)
    expect((await api(sim, bearer, '/customers/contracts/123/bills')).status).toBe(404)
  })

  it('serves the large contract with 10,000 bills', async () => {
    const { contractId, billCount } = data.largeCustomer
    const bills = BillsCollection.parse(
      await (await api(sim, bearer, `/customers/contracts/${contractId}/bills`)).json()
    )
    expect(billCount).toBe(10_000)
    expect(bills).toHaveLength(10_000)
    expect(bills.some((bill) => !isBillPaid(bill))).toBe(true)
  })

  it('returns the payments of a bill as an array', async () => {
    const paid = data.paidBills[0]!
    const response = await api(
      sim,
      bearer,
      `/customers/contracts/${paid.contractId}/bills/${paid.billNo}/payments`
    )
    expect(response.status).toBe(200)
    const raw: unknown = await response.json()
    expect(Array.isArray(raw)).toBe(true)
    const [payment] = BillPayments.parse(raw)
    expect(payment).toMatchObject({
      paymentDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      bankingEntity: expect.any(String)
    })
    const unpaid = data.unpaidBills.find((bill) => bill.contractId !== paid.contractId)!
    expect(
      await (
        await api(
          sim,
          bearer,
          `/customers/contracts/${unpaid.contractId}/bills/${unpaid.billNo}/payments`
        )
      ).json()
    ).toEqual([])
    expect(
      (
        await api(
          sim,
          bearer,
          `/customers/contracts/${unpaid.contractId}/bills/${paid.billNo}/payments`
        )
      ).status
    ).toBe(404)
    expect(
      (await api(sim, bearer, `/customers/contracts/x1/bills/${paid.billNo}/payments`)).status
    ).toBe(400)
  })

  it('answers characteristics only with fields role and/or plus', async () => {
    const customer = company()
    const base = `/customers/NIT/${customer.identification}/contracts/${customer.contractIds[0]}/characteristics`
    const plus = await api(sim, bearer, `${base}?fields=plus`)
    expect(plus.status).toBe(200)
    const body = (await plus.json()) as Record<string, unknown>
    expect(PartyCharacteristics.parse(body)).toMatchObject({
      contactEmail: expect.stringContaining('@')
    })
    expect(body).not.toHaveProperty('role')
    const both = (await (await api(sim, bearer, `${base}?fields=role,plus`)).json()) as Record<
      string,
      unknown
    >
    expect(both.role).toEqual(expect.any(String))
    for (const query of ['', '?fields=', '?fields=name']) {
      expect((await api(sim, bearer, `${base}${query}`)).status, query).toBe(400)
    }
    const foreign = data.customers.find(
      (other) => other.identification !== customer.identification
    )!
    const mismatch = `/customers/${foreign.idType}/${foreign.identification}/contracts/${customer.contractIds[0]}/characteristics?fields=plus`
    expect((await api(sim, bearer, mismatch)).status).toBe(404)
  })

  it('validates coupons and stored signatures with filled gateway answers', async () => {
    for (const coupon of data.coupons.slice(0, 4)) {
      const response = await api(sim, bearer, `/payments/${coupon.couponId}/${coupon.id}/validate`)
      expect(response.status).toBe(200)
      const validation = ValidatePaymentResponse.parse(await response.json())
      expect(validation.state).toBe(coupon.state)
      expect(Object.values(validation).every((value) => value !== '' && value !== undefined)).toBe(
        true
      )
    }
    const stored = data.signatures[0]!
    const validation = ValidatePaymentResponse.parse(
      await (await api(sim, bearer, `/payments/${stored.signature}/validate`)).json()
    )
    expect(validation).toMatchObject({ payment_id: stored.signature, state: stored.state })
    expect(['APROBADA', 'PENDIENTE', 'RECHAZADA']).toContain(validation.state)
    expect((await api(sim, bearer, '/payments/BONO/123/validate')).status).toBe(400)
    expect((await api(sim, bearer, '/payments/CUPON/12x/validate')).status).toBe(400)
    expect((await api(sim, bearer, '/payments/CUPON/1/validate')).status).toBe(404)
    expect((await api(sim, bearer, '/payments/ffffffffffffffff/validate')).status).toBe(404)
  })

  it('runs checkout then validate, PENDIENTE until the gateway approves', async () => {
    const bill = data.unpaidBills[1]!
    const path = `/customers/${bill.idType}/${bill.identification}/payments/checkout`
    const item = {
      billNo: bill.billNo,
      contractId: bill.contractId,
      billAmount: String(bill.amount)
    }
    const response = await api(sim, bearer, path, {
      body: { intent: 'sale', billsCollection: [item] }
    })
    expect(response.status).toBe(200)
    const checkout = CheckoutPaymentResponse.parse(await response.json())
    expect(checkout.url).toBe(`https://pagos.une.com.co/checkout/${checkout.signature}`)
    expect(checkout.description).toContain(bill.billNo)
    const validate = async (): Promise<ValidatePaymentResponse> =>
      ValidatePaymentResponse.parse(
        await (await api(sim, bearer, `/payments/${checkout.signature}/validate`)).json()
      )
    expect(await validate()).toMatchObject({
      state: 'PENDIENTE',
      amount: String(bill.amount),
      refSale: bill.referencePayment
    })
    const approve = await fetch(`${sim.adminUrl}/__admin/checkouts/${checkout.signature}/approve`, {
      method: 'POST'
    })
    expect(approve.status).toBe(200)
    expect((await validate()).state).toBe('APROBADA')
    const bills = BillsCollection.parse(
      await (await api(sim, bearer, `/customers/contracts/${bill.contractId}/bills`)).json()
    )
    expect(isBillPaid(bills.find((candidate) => candidate.billNo === bill.billNo)!)).toBe(true)
    const again = await api(sim, bearer, path, { body: { billsCollection: [item] } })
    expect(again.status).toBe(400)
  })

  it('rejects malformed bodies, unknown routes and wrong methods', async () => {
    const bill = data.unpaidBills[2]!
    const path = `/customers/${bill.idType}/${bill.identification}/payments/register`
    expect((await api(sim, bearer, path, { rawBody: '{not json' })).status).toBe(400)
    expect(
      (
        await api(sim, bearer, path, {
          body: { billsCollection: [{ billNo: 'x', contractId: 'abc', billAmount: '1' }] }
        })
      ).status
    ).toBe(400)
    expect((await api(sim, bearer, path, { body: { billsCollection: [] } })).status).toBe(400)
    expect(
      (
        await api(sim, bearer, path, {
          body: {
            billsCollection: [
              { billNo: bill.billNo, contractId: bill.contractId, billAmount: '1,5' }
            ]
          }
        })
      ).status
    ).toBe(400)
    expect(await errorOf(await api(sim, bearer, '/no/such/route'))).toBe('404')
    expect((await api(sim, bearer, path, { method: 'GET' })).status).toBe(405)
    expect(
      (await api(sim, bearer, `/contracts/${bill.contractId}`, { method: 'DELETE' })).status
    ).toBe(405)
    expect(ErrorBody.parse(await (await fetch(`${sim.url}/elsewhere`)).json()).error?.code).toBe(
      '404'
    )
  })
})
