import { afterAll, beforeAll, beforeEach } from 'vitest'
import { standIn } from '@support/stand-in'
import { startSimulator, type SimulatorHandle, type SimulatorOptions } from '@simulator/server'

export const TODAY = '2025-06-15'

export async function start(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  return startSimulator({ today: TODAY, ...options })
}

export function basic(id: string, secret: string): string {
  return `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
}

export async function requestToken(
  sim: SimulatorHandle,
  authorization = basic('caja-demo', 'caja-demo-secret')
): Promise<Response> {
  return fetch(sim.tokenUrl, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials'
  })
}

export async function token(sim: SimulatorHandle): Promise<string> {
  const response = await requestToken(sim)
  const body = (await response.json()) as { access_token: string }
  return body.access_token
}

/** A bearer-authenticated call to the billing API; `path` is relative to the base URL. */
export async function api(
  sim: SimulatorHandle,
  accessToken: string,
  path: string,
  init: { method?: string; body?: unknown; rawBody?: string; signal?: AbortSignal } = {}
): Promise<Response> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body))
  return fetch(`${sim.baseUrl}${path}`, {
    method: init.method ?? (body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body }),
    ...(init.signal ? { signal: init.signal } : {})
  })
}

export interface UnpaidBillSample {
  billNo: string
  contractId: string
  idType: string
  identification: string
  amount: number
  referencePayment: string
  paymentDueDate: string
  overdue: boolean
  barcodes: Record<string, string>
}

export interface DatasetSummary {
  customers: {
    idType: string
    dianCode: string
    identification: string
    displayId: string
    contractIds: string[]
    kind: string
  }[]
  unpaidBills: UnpaidBillSample[]
  paidBills: UnpaidBillSample[]
  coupons: { couponId: string; id: string; billNo: string; state: string }[]
  signatures: { signature: string; billNo: string; state: string }[]
  largeCustomer: { idType: string; identification: string; contractId: string; billCount: number }
}

export async function datasetSummary(sim: SimulatorHandle): Promise<DatasetSummary> {
  return (await (await fetch(`${sim.adminUrl}/__admin/dataset`)).json()) as DatasetSummary
}

export function registerBody(
  bills: { billNo: string; contractId: string; amount: number }[]
): unknown {
  return {
    intent: 'register',
    clientInformation: { firstName: 'Caja', lastName: 'Prueba' },
    billsCollection: bills.map((bill) => ({
      billNo: bill.billNo,
      contractId: bill.contractId,
      billAmount: String(bill.amount)
    })),
    paymentData: { paymentMethod: 'EFECTIVO', cashier: 'cajero-1' }
  }
}

export function registerPath(bill: { idType: string; identification: string }): string {
  return `/customers/${bill.idType}/${bill.identification}/payments/register`
}

/** The network error code under fetch's "fetch failed" (ECONNREFUSED, UND_ERR_SOCKET, …). */
export async function networkFailure(promise: Promise<Response>): Promise<string> {
  try {
    const response = await promise
    return `HTTP ${response.status}`
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause
    return cause?.code ?? (error as Error).name
  }
}

export async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`timed out waiting for ${what}`)
}

export interface SimulatorSuite {
  /** The describe's simulator (a stand-in, live once its beforeAll ran). */
  sim: SimulatorHandle
  data: DatasetSummary
  /** A fresh token before each test; a test may replace it. */
  auth: { bearer: string }
}

/** For a describe: one simulator, reset with a fresh token before each test, closed after all. */
export function useSimulator(options: SimulatorOptions = {}): SimulatorSuite {
  let sim: SimulatorHandle | undefined
  let data: DatasetSummary | undefined
  const auth = { bearer: '' }
  beforeAll(async () => {
    sim = await start(options)
    data = await datasetSummary(sim)
  })
  beforeEach(async () => {
    if (!sim) return
    sim.reset()
    await sim.settled()
    auth.bearer = await token(sim)
  })
  afterAll(async () => {
    await sim?.close()
  })
  const live = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the simulator is not running')
    return value
  }
  return { sim: standIn(() => live(sim)), data: standIn(() => live(data)), auth }
}
