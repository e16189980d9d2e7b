/**
 * The Tigo client against the real simulator over HTTP: every endpoint, the token lifecycle,
 * and how each network failure is classified. Malformed bodies (HTML, schema failures) are
 * covered in test/unit/tigo with a scripted server, since the simulator always answers well.
 */
import { inspect } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSimulator, type FaultsPatch } from '@simulator/server'
import { createTigoClient } from '@main/tigo/client'
import type { TigoClient } from '@main/tigo/client'
import { isTigoError, toAppError } from '@main/tigo/errors'
import type { TigoError } from '@main/tigo/errors'
import { createTokenProvider } from '@main/tigo/token'
import type { TokenProvider } from '@main/tigo/token'
import { isBillPaid } from '@shared/domain/bill-status'
import type { CheckoutPaymentRequest } from '@shared/api/models'
import {
  customerOf,
  fetchDataset,
  findBill,
  findCustomerBills,
  type BillSummary,
  type DatasetSummary
} from '@support/dataset'

const CLIENT_ID = 'caja-demo'
const SECRET = 'caja-demo-secret'

type Simulator = Awaited<ReturnType<typeof startSimulator>>

let sim: Simulator
let dataset: DatasetSummary
/** Every token handed out; `failure()` checks that no error ever carries one. */
const seenTokens = new Set<string>()

beforeAll(async () => {
  sim = await startSimulator({ port: 0 })
  dataset = await fetchDataset(sim.url)
})

afterAll(async () => {
  await sim.close()
})

beforeEach(async () => {
  sim.reset()
  await sim.settled()
})

function tokensFor(secret = SECRET, options: { clock?: () => number } = {}): TokenProvider {
  const tokens = createTokenProvider({
    tokenUrl: sim.tokenUrl,
    clientId: CLIENT_ID,
    clientSecret: () => secret,
    ...options
  })
  return {
    getToken: async () => {
      const token = await tokens.getToken()
      seenTokens.add(token)
      return token
    },
    invalidate: (token) => tokens.invalidate(token)
  }
}

function clientWith(tokens: TokenProvider = tokensFor(), timeoutMs = 5_000): TigoClient {
  return createTigoClient({ baseUrl: sim.baseUrl, tokens, timeoutMs })
}

async function failure(promise: Promise<unknown>): Promise<TigoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isTigoError(error)) throw new Error(`expected a TigoError, got ${inspect(error)}`)
  const serialized = `${JSON.stringify(error)} ${String(error)} ${inspect(error, { depth: 10 })}`
  expect(serialized).not.toContain(SECRET)
  for (const token of seenTokens) expect(serialized).not.toContain(token)
  return error
}

function registration(bill: BillSummary): CheckoutPaymentRequest {
  return {
    intent: 'register',
    clientInformation: { firstName: 'Cajero', lastName: 'Prueba' },
    billsCollection: [
      {
        billNo: bill.billNo,
        contractId: bill.contractId,
        billAmount: String(bill.amount),
        referencePayment: bill.referencePayment
      }
    ],
    paymentData: { paymentMethod: 'EFECTIVO' }
  }
}

/** Any unpaid bill: the simulator is reset before each test, so every test may pay it. */
function unpaid(): BillSummary {
  return findBill(dataset)
}

/**
 * A client that has its token and a connection (one bills lookup of an unpaid bill's contract),
 * and then Tigo misbehaving as `faults` says.
 */
async function warmedThen(faults: FaultsPatch): Promise<{ client: TigoClient; bill: BillSummary }> {
  const client = clientWith()
  const bill = unpaid()
  await client.getBills(bill.contractId)
  sim.setFaults(faults)
  await sim.settled()
  return { client, bill }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Lets pooled keep-alive sockets process the close the simulator already sent them (their
 * FIN is in the kernel; undici needs a couple of event-loop turns to drop the socket).
 */
async function letSocketsSeeClose(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await new Promise<void>((resolve) => setImmediate(resolve))
}

async function ledgerLength(): Promise<number> {
  return Promise.resolve(sim.ledger().length)
}

describe('every endpoint against the simulator', () => {
  it('answers each call with validated data', async () => {
    const client = clientWith()
    // Two bills of one customer: the second is registered under the first one's customer path.
    const [bill, second] = findCustomerBills(dataset, 2) as [BillSummary, BillSummary]
    const customer = customerOf(dataset, bill)

    const byId = await client.getContract(bill.contractId)
    expect(byId.contractsCollection.map((c) => c.contractId)).toEqual([bill.contractId])

    const contracts = await client.getCustomerContracts(bill.idType, bill.identification)
    expect(contracts.contractsCollection.map((c) => c.contractId)).toEqual(customer.contractIds)
    const page = await client.getCustomerContracts(bill.idType, bill.identification, {
      regIni: 1,
      numReg: 1
    })
    expect(page.contractsCollection).toHaveLength(1)

    const bills = await client.getBills(bill.contractId, { quantity: 50 })
    const listed = bills.find((b) => b.billNo === bill.billNo)
    expect(listed && isBillPaid(listed)).toBe(false)

    const characteristics = await client.getCharacteristics(
      bill.idType,
      bill.identification,
      bill.contractId
    )
    expect(typeof characteristics.plusCustomer).toBe('boolean')

    const checkout = await client.checkout(bill.idType, bill.identification, registration(bill))
    expect(checkout.signature).toBeTruthy()
    expect((await client.validateBySignature(checkout.signature!)).state).toBeTruthy()

    const registered = await client.registerPayment(
      bill.idType,
      bill.identification,
      registration(second)
    )
    expect(registered).toEqual({ [second.billNo]: true })
    const payments = await client.getBillPayments(second.contractId, second.billNo)
    expect(payments.length).toBeGreaterThan(0)

    const signature = dataset.signatures[0]!
    expect(await client.validateBySignature(signature.signature)).toBeTypeOf('object')
    const coupon = dataset.coupons[0]!
    expect(await client.validateByCoupon(coupon.couponId, coupon.id)).toBeTypeOf('object')

    expect(await client.probe()).toBe(true)
  })

  it('speaks the DIAN id-type style too', async () => {
    const bill = unpaid()
    const client = createTigoClient({
      baseUrl: sim.baseUrl,
      tokens: tokensFor(),
      idTypeStyle: 'dian'
    })
    const contracts = await client.getCustomerContracts(bill.idType, bill.identification)
    expect(contracts.identification).toBe(bill.identification)
  })

  it('maps 404 and 400 to rejected with Tigo’s message', async () => {
    const client = clientWith()
    const missing = await failure(client.getContract('999999999999'))
    expect([missing.kind, missing.status, toAppError(missing).code]).toEqual([
      'rejected',
      404,
      'api_not_found'
    ])
    const bad = await failure(client.getBills('not-a-number'))
    expect([bad.kind, bad.status]).toEqual(['rejected', 400])
    expect(bad.apiMessage).toContain('contractId')
    expect(toAppError(bad)).toMatchObject({ code: 'api_rejected' })
  })
})

describe('tokens against the simulator', () => {
  it('sends exactly one token request for 50 concurrent calls without a token', async () => {
    const client = clientWith()
    const before = sim.stats().tokenRequests
    const bill = unpaid()
    await Promise.all(Array.from({ length: 50 }, () => client.getBills(bill.contractId)))
    expect(sim.stats().tokenRequests - before).toBe(1)
  })

  it('refreshes once and resends when the tokens expire server-side', async () => {
    const client = clientWith()
    const bill = unpaid()
    await client.getBills(bill.contractId)
    const before = sim.stats()
    sim.setFaults({ expireTokens: true })
    await sim.settled()
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.getBills(bill.contractId))
    )
    expect(results).toHaveLength(20)
    const after = sim.stats()
    expect(after.tokenRequests - before.tokenRequests).toBe(1)
    expect(after.apiRequests - before.apiRequests).toBe(40)
  })

  it('reports bad credentials without ever showing the secret', async () => {
    const wrong = 'wrong-secret-123456'
    const client = clientWith(tokensFor(wrong))
    const before = sim.stats().tokenRequests
    const error = await failure(client.getBills(unpaid().contractId))
    // A GET is retried on 5xx, never on a failed token request.
    expect(sim.stats().tokenRequests - before).toBe(1)
    expect([error.endpoint, error.kind, toAppError(error).code]).toEqual([
      'token',
      'rejected',
      'api_bad_credentials'
    ])
    expect(JSON.stringify(error) + inspect(error, { depth: 10 })).not.toContain(wrong)
  })
})

describe('token expiry', () => {
  let shortLived: Simulator
  beforeAll(async () => {
    shortLived = await startSimulator({ port: 0, tokenLifetimeSeconds: 2 })
  })
  afterAll(async () => {
    await shortLived.close()
  })

  it('fetches a new token a margin before the old one expires', async () => {
    let skew = 0
    const tokens = createTokenProvider({
      tokenUrl: shortLived.tokenUrl,
      clientId: CLIENT_ID,
      clientSecret: () => SECRET,
      clock: () => Date.now() + skew,
      refreshMarginMs: 500
    })
    const client = createTigoClient({ baseUrl: shortLived.baseUrl, tokens })
    const { contractId } = findBill(await fetchDataset(shortLived.url))
    const start = shortLived.stats()
    await client.getBills(contractId)
    await client.getBills(contractId)
    expect(shortLived.stats().tokenRequests - start.tokenRequests).toBe(1)
    // Local time reaches 2 s - 500 ms: the token is replaced before the server rejects it.
    skew = 1_500
    await client.getBills(contractId)
    const end = shortLived.stats()
    expect(end.tokenRequests - start.tokenRequests).toBe(2)
    expect(end.apiRequests - start.apiRequests).toBe(3)
  })
})

describe('failures against the simulator', () => {
  it('calls refused connections not sent, and the probe says offline', async () => {
    const { client, bill } = await warmedThen({ refuseConnections: true })
    // A request written into a socket the server is dropping at that instant is rightly
    // uncertain; this test is about a server that is simply not there.
    await letSocketsSeeClose()
    const error = await failure(
      client.registerPayment(bill.idType, bill.identification, registration(bill))
    )
    expect([error.kind, toAppError(error).code]).toEqual(['not-sent', 'api_unreachable'])
    expect(await client.probe()).toBe(false)
    sim.setFaults({ refuseConnections: false })
    await sim.settled()
    expect(await client.probe()).toBe(true)
    expect(await ledgerLength()).toBe(0)
  })

  it('sends a timed-out registration once and calls it uncertain', async () => {
    const client = clientWith(tokensFor(), 300)
    const bill = unpaid()
    await client.getBills(bill.contractId)
    sim.setFaults({ latencyMs: 1_200 })
    await sim.settled()
    const error = await failure(
      client.registerPayment(bill.idType, bill.identification, registration(bill))
    )
    expect([error.kind, toAppError(error).code]).toEqual(['uncertain', 'api_uncertain'])
    // The server commits after its latency; wait for that, then long enough for a resend.
    for (let i = 0; i < 100 && (await ledgerLength()) === 0; i += 1) await sleep(100)
    await sleep(1_500)
    expect(await ledgerLength()).toBe(1)
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })

  it('calls a connection dropped before processing uncertain too: the client cannot tell', async () => {
    const client = clientWith()
    const bill = unpaid()
    sim.setFaults({ dropBeforeProcessingRate: 1 })
    const error = await failure(
      client.registerPayment(bill.idType, bill.identification, registration(bill))
    )
    expect(error.kind).toBe('uncertain')
    expect(await ledgerLength()).toBe(0)
  })

  it('calls a connection dropped after commit uncertain, though the bill got paid', async () => {
    const client = clientWith()
    const bill = unpaid()
    sim.setFaults({ dropAfterCommitRate: 1 })
    await sim.settled()
    const error = await failure(
      client.registerPayment(bill.idType, bill.identification, registration(bill))
    )
    expect(error.kind).toBe('uncertain')
    sim.setFaults({ dropAfterCommitRate: 0 })
    await sim.settled()
    const bills = await client.getBills(bill.contractId)
    const after = bills.find((b) => b.billNo === bill.billNo)
    expect(after && isBillPaid(after)).toBe(true)
    expect(await ledgerLength()).toBe(1)
  })

  it('calls a 5xx on a registration uncertain, never resends it, and reads Retry-After', async () => {
    const { client, bill } = await warmedThen({ serverErrorRate: 1 })
    const before = sim.stats().apiRequests
    const errors: TigoError[] = []
    for (let i = 0; i < 30 && !errors.some((e) => e.retryAfterMs !== undefined); i += 1) {
      errors.push(
        await failure(client.registerPayment(bill.idType, bill.identification, registration(bill)))
      )
    }
    expect(sim.stats().apiRequests - before).toBe(errors.length)
    expect(new Set(errors.map((e) => e.kind))).toEqual(new Set(['uncertain']))
    expect(errors.every((e) => e.status !== undefined && e.status >= 500)).toBe(true)
    expect(errors.find((e) => e.retryAfterMs !== undefined)?.retryAfterMs).toBe(1_000)
    expect(await ledgerLength()).toBe(0)
  })

  it('sends an offline lookup once, so the caller can fall back to its cache at once', async () => {
    const attempts: string[] = []
    const countingFetch: typeof globalThis.fetch = (input, init) => {
      attempts.push(input instanceof Request ? input.url : String(input))
      return globalThis.fetch(input, init)
    }
    const client = createTigoClient({
      baseUrl: sim.baseUrl,
      tokens: tokensFor(),
      fetch: countingFetch
    })
    const bill = unpaid()
    await client.getBills(bill.contractId)
    sim.setFaults({ refuseConnections: true })
    await sim.settled()
    await letSocketsSeeClose()
    attempts.length = 0
    const error = await failure(client.getBills(bill.contractId))
    expect([error.kind, toAppError(error).code]).toEqual(['not-sent', 'api_unreachable'])
    expect(attempts).toHaveLength(1)
  })

  it('retries a GET a bounded number of times on 5xx', async () => {
    const { client, bill } = await warmedThen({ serverErrorRate: 1 })
    const before = sim.stats().apiRequests
    const error = await failure(client.getBills(bill.contractId))
    expect(error.kind).toBe('uncertain')
    expect(sim.stats().apiRequests - before).toBe(3)
  })
})
