import { describe, expect, it } from 'vitest'
import { ErrorBody } from '@shared/api/models'
import { NO_FAULTS } from '@simulator/server'
import {
  api,
  networkFailure,
  registerBody,
  registerPath,
  requestToken,
  start,
  token,
  waitFor,
  useSimulator
} from './helpers'

describe('simulator fault injection', () => {
  const { sim, data, auth } = useSimulator({ adminPort: 0, faultSeed: 42 })

  const setFaultsOverHttp = async (patch: unknown): Promise<Response> =>
    fetch(`${sim.adminUrl}/__admin/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(patch)
    })

  it('refuses connections for real and comes back on the same port', async () => {
    const contract = `/contracts/${data.unpaidBills[0]!.contractId}`
    sim.setFaults({ refuseConnections: true })
    await sim.settled()
    expect(await networkFailure(api(sim, auth.bearer, contract))).toBe('ECONNREFUSED')
    expect(await networkFailure(requestToken(sim))).toBe('ECONNREFUSED')
    // The admin listener stays up while the API refuses.
    const restored = await setFaultsOverHttp({ refuseConnections: false })
    expect(await restored.json()).toMatchObject({ refuseConnections: false })
    expect((await api(sim, auth.bearer, contract)).status).toBe(200)
  })

  it('can refuse and restore through the admin port over HTTP', async () => {
    const response = await setFaultsOverHttp({ refuseConnections: true })
    expect(await response.json()).toMatchObject({ refuseConnections: true })
    expect(await networkFailure(fetch(`${sim.url}/__admin/stats`))).toBe('ECONNREFUSED')
    await setFaultsOverHttp({ refuseConnections: false })
    expect((await fetch(`${sim.url}/__admin/stats`)).status).toBe(200)
  })

  it('drops before processing: the client sees a reset and nothing is committed', async () => {
    const bill = data.unpaidBills[0]!
    sim.setFaults({ dropBeforeProcessingRate: 1, paths: 'payments/register$' })
    const failure = await networkFailure(
      api(sim, auth.bearer, registerPath(bill), { body: registerBody([bill]) })
    )
    expect(failure).not.toMatch(/^HTTP/)
    expect(sim.ledger()).toEqual([])
    // Other paths are not faulted.
    expect((await api(sim, auth.bearer, `/contracts/${bill.contractId}`)).status).toBe(200)
    sim.setFaults({ dropBeforeProcessingRate: 0 })
    expect(
      await (await api(sim, auth.bearer, registerPath(bill), { body: registerBody([bill]) })).json()
    ).toEqual({ [bill.billNo]: true })
  })

  it('drops after commit: the client sees a reset but the bill is registered', async () => {
    const bill = data.unpaidBills[1]!
    sim.setFaults({ dropAfterCommitRate: 1 })
    const failure = await networkFailure(
      api(sim, auth.bearer, registerPath(bill), { body: registerBody([bill]) })
    )
    expect(failure).not.toMatch(/^HTTP/)
    expect(sim.ledger()).toHaveLength(1)
    expect(sim.registrationsByBill()).toEqual({ [bill.billNo]: 1 })
    sim.setFaults({ dropAfterCommitRate: 0 })
    // A blind resend is refused as a duplicate; with no duplicate check it would count twice.
    expect(
      await (await api(sim, auth.bearer, registerPath(bill), { body: registerBody([bill]) })).json()
    ).toEqual({ [bill.billNo]: false })
    sim.setFaults({ acceptDuplicates: true })
    await api(sim, auth.bearer, registerPath(bill), { body: registerBody([bill]) })
    expect(sim.registrationsByBill()).toEqual({ [bill.billNo]: 2 })
  })

  it('answers 503 after committing, and can stall the body of a committed answer', async () => {
    const [first, second] = [data.unpaidBills[4]!, data.unpaidBills[5]!]
    sim.setFaults({ errorAfterCommitRate: 1 })
    const answer = await api(sim, auth.bearer, registerPath(first), { body: registerBody([first]) })
    expect(answer.status).toBe(503)
    expect(sim.registrationsByBill()).toEqual({ [first.billNo]: 1 })
    sim.setFaults({ errorAfterCommitRate: 0, stallAfterCommitRate: 1, stallStatus: 200 })
    const stalled = await api(sim, auth.bearer, registerPath(second), {
      body: registerBody([second]),
      signal: AbortSignal.timeout(300)
    })
    expect(stalled.status).toBe(200)
    await expect(stalled.text()).rejects.toThrow()
    expect(sim.registrationsByBill()).toEqual({ [first.billNo]: 1, [second.billNo]: 1 })
  })

  it('books payments in its own words and answers one Payment in the conventions profile', async () => {
    const bill = data.unpaidBills[6]!
    const payments = `/customers/contracts/${bill.contractId}/bills/${bill.billNo}/payments`
    const patched = await setFaultsOverHttp({ profile: 'conventions' })
    expect(await patched.json()).toMatchObject({ profile: 'conventions' })
    expect(await (await api(sim, auth.bearer, payments)).json()).toEqual({})
    await api(sim, auth.bearer, registerPath(bill), {
      body: {
        intent: 'register',
        billsCollection: [
          { billNo: bill.billNo, contractId: bill.contractId, billAmount: String(bill.amount) }
        ],
        paymentData: { paymentMethod: 'cash', bankingEntity: 'Caja T-1' }
      }
    })
    const one = (await (await api(sim, auth.bearer, payments)).json()) as Record<string, string>
    expect(one).toMatchObject({ paymentMethod: 'EFECTIVO', bankingEntity: 'CAJA' })
    expect(one.paymentDay).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/)
    expect((await setFaultsOverHttp({ profile: 'tigo' })).status).toBe(400)
    sim.reset()
    expect(sim.setFaults({})).toMatchObject({ profile: 'default' })
  })

  it('answers 500/502/503 with an errorBody and commits nothing', async () => {
    const bill = data.unpaidBills[2]!
    sim.setFaults({ serverErrorRate: 1 })
    const statuses = new Set<number>()
    for (let i = 0; i < 30; i++) {
      const response = await api(sim, auth.bearer, registerPath(bill), {
        body: registerBody([bill])
      })
      statuses.add(response.status)
      expect(ErrorBody.parse(await response.json()).error?.code).toBe(String(response.status))
      const retryAfter = response.headers.get('retry-after')
      if (retryAfter !== null) {
        expect(response.status).toBe(503)
        expect(retryAfter).toBe('1')
      }
    }
    expect([...statuses].sort()).toEqual([500, 502, 503])
    expect(sim.ledger()).toEqual([])
    // The token endpoint is not faulted unless `paths` says so.
    expect((await requestToken(sim)).status).toBe(200)
    sim.setFaults({ paths: 'accesstoken' })
    expect((await requestToken(sim)).status).toBeGreaterThanOrEqual(500)
  })

  it('delays before processing: a client that gives up still finds the payment committed', async () => {
    const bill = data.unpaidBills[3]!
    sim.setFaults({ latencyMs: 1000 })
    const failure = await networkFailure(
      api(sim, auth.bearer, registerPath(bill), {
        body: registerBody([bill]),
        signal: AbortSignal.timeout(50)
      })
    )
    expect(failure).toBe('TimeoutError')
    expect(sim.ledger()).toEqual([])
    await waitFor(() => sim.ledger().length === 1, 'the late commit')
    expect(sim.registrationsByBill()).toEqual({ [bill.billNo]: 1 })
  })

  it('expires every issued token once on expireTokens', async () => {
    const path = `/contracts/${data.unpaidBills[0]!.contractId}`
    expect((await api(sim, auth.bearer, path)).status).toBe(200)
    expect(sim.setFaults({ expireTokens: true }).expireTokens).toBe(false)
    const expired = await api(sim, auth.bearer, path)
    expect(expired.status).toBe(401)
    const fresh = await token(sim)
    expect((await api(sim, fresh, path)).status).toBe(200)
  })

  it('validates fault patches and counts requests', async () => {
    expect((await setFaultsOverHttp({ serverErrorRate: 2 })).status).toBe(400)
    expect((await setFaultsOverHttp({ paths: '(' })).status).toBe(400)
    expect((await setFaultsOverHttp({ bogus: true })).status).toBe(400)
    const full = (await (await setFaultsOverHttp({ latencyMs: 1 })).json()) as Record<
      string,
      unknown
    >
    expect(full).toEqual({ ...NO_FAULTS, latencyMs: 1 })
    await api(sim, auth.bearer, `/contracts/${data.unpaidBills[0]!.contractId}`)
    const stats = (await (await fetch(`${sim.adminUrl}/__admin/stats`)).json()) as unknown
    expect(stats).toEqual({ tokenRequests: 1, apiRequests: 1 })
    expect(sim.stats()).toEqual(stats)
  })

  it('only serves /__admin on the admin port', async () => {
    expect(sim.adminUrl).not.toBe(sim.url)
    expect((await fetch(`${sim.adminUrl}/v2/tigo/b2b/co/billing/contracts/1`)).status).toBe(404)
  })
})

describe('simulator fault rolls', () => {
  it('repeat exactly for the same faultSeed', async () => {
    const run = async (): Promise<number[]> => {
      const sim = await start({ faultSeed: 7 })
      try {
        const bearer = await token(sim)
        sim.setFaults({ serverErrorRate: 0.5 })
        const statuses: number[] = []
        for (let i = 0; i < 12; i++) statuses.push((await api(sim, bearer, '/contracts/1')).status)
        return statuses
      } finally {
        await sim.close()
      }
    }
    const first = await run()
    expect(first).toContain(404)
    expect(first.some((status) => status >= 500)).toBe(true)
    expect(await run()).toEqual(first)
  })
})
