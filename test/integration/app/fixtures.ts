import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import type { Dataset, SimulatorHandle } from '@simulator/server'
import { createServices } from '@main/services'
import type { CreateServicesOptions, Services } from '@main/services'
import type { Dispatch } from '@main/ipc'
import { DEMO_CASHIER, FIRST_SUPERVISOR } from '@main/users/seed'
import type { SessionView } from '@shared/ipc/channels/session'
import type { IpcResult } from '@shared/ipc/result'
import type { PaymentReceipt } from '@shared/ipc/views'
import { FAST_HASH } from '@support/fast-hash'

/** The PIN the tests give the seeded supervisor at its first sign-in. */
export const SUPERVISOR_PIN = '2580'

export interface TestServices {
  services: Services
  dataDir: string
  /** The embedded simulator (throws when the test configured a real API instead). */
  sim(): SimulatorHandle
  close(): Promise<void>
}

/**
 * Services over a fresh temp dir and the embedded simulator on 127.0.0.1:0, with the demo users,
 * cheap PIN hashes and receipts as PDF files. Nobody is signed in: see `signIn`.
 */
export async function startTestServices(
  options: Partial<CreateServicesOptions> = {}
): Promise<TestServices> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'caja-app-'))
  const services = await createServices({
    env: {},
    syncEngine: false,
    demoUsers: true,
    pinHash: FAST_HASH,
    printer: { mode: 'pdf-file' },
    ...options,
    dataDir
  })
  return {
    services,
    dataDir,
    sim() {
      const handle = services.simulator()
      if (!handle) throw new Error('the embedded simulator should run when no API is configured')
      return handle
    },
    async close() {
      await services.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }
}

export interface AppTest {
  /** Set by the file's first `beforeAll`: read them in tests and later hooks only. */
  readonly services: Services
  readonly sim: SimulatorHandle
  readonly samples: UnpaidSample[]
  readonly dataDir: string
  /** The helpers below, on this file's services: the dispatcher is never passed around. */
  dispatch: Dispatch
  signIn(as: TestRole): Promise<SessionView>
  openShift(openingFloat?: number): Promise<number>
  cacheLookups(sample: UnpaidSample): Promise<void>
  syncPayment(paymentId: string): Promise<PaymentReceipt>
}

/**
 * One `startTestServices` for the whole file (its `beforeAll`/`afterAll`, registered here, so call
 * this before the file's own hooks) and `sampleCount` unpaid bills of its simulator.
 */
export function useAppTest(
  sampleCount: number,
  options: Partial<CreateServicesOptions> = {}
): AppTest {
  let started: { t: TestServices; sim: SimulatorHandle; samples: UnpaidSample[] } | undefined
  beforeAll(async () => {
    const t = await startTestServices(options)
    started = { t, sim: t.sim(), samples: unpaidSamples(t.sim().dataset, sampleCount) }
  })
  afterAll(async () => {
    await started?.t.close()
  })
  const get = () => {
    if (!started) throw new Error('useAppTest: read before its beforeAll ran')
    return started
  }
  return {
    get services() {
      return get().t.services
    },
    get sim() {
      return get().sim
    },
    get samples() {
      return get().samples
    },
    get dataDir() {
      return get().t.dataDir
    },
    dispatch: (channel, input) => get().t.services.dispatch(channel, input),
    signIn: (as) => signIn(get().t.services.dispatch, as),
    openShift: (openingFloat) => openShift(get().t.services.dispatch, openingFloat),
    cacheLookups: (sample) => cacheLookups(get().t.services.dispatch, sample),
    syncPayment: (paymentId) => syncPayment(get().t.services.dispatch, paymentId)
  }
}

export function valueOf<T>(result: IpcResult<T> | IpcResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

export interface UnpaidSample {
  idType: 'NIT'
  identification: string
  displayId: string
  contractId: string
  billNo: string
  amount: number
  reference: string
  barcode: string
}

/**
 * Unpaid bills of NIT customers, small enough for the default caps, each of another customer: a
 * test may look one up and expect the others unseen, or pay one and expect the others unpaid.
 */
export function unpaidSamples(dataset: Dataset, count: number): UnpaidSample[] {
  const samples: UnpaidSample[] = []
  for (const bill of dataset.bills) {
    if (bill.paid || bill.amount > 1_000_000) continue
    const owner = dataset.customers.find(
      (c) => c.idType === 'NIT' && c.contractIds.includes(bill.contractId)
    )
    if (!owner || owner.contractIds.length > 20) continue
    if (samples.some((sample) => sample.identification === owner.identification)) continue
    samples.push({
      idType: 'NIT',
      identification: owner.identification,
      displayId: owner.displayId,
      contractId: bill.contractId,
      billNo: bill.billNo,
      amount: bill.amount,
      reference: bill.referencePayment,
      barcode: bill.barcode
    })
    if (samples.length === count) break
  }
  if (samples.length < count) throw new Error('dataset has too few unpaid bills')
  return samples
}

/** Closes (or reopens) the simulator's API port, so calls get ECONNREFUSED as when Tigo is down. */
export async function refuseConnections(sim: SimulatorHandle, refuse: boolean): Promise<void> {
  sim.setFaults({ refuseConnections: refuse })
  await sim.settled()
}

/** The bank and reference a transfer must carry (`shared/domain/payment-reference`). */
export const TRANSFER_REFERENCE = Object.freeze({
  bank: 'Bancolombia',
  transferReference: 'TRF-0001'
})

/**
 * A `payments:register` input for one sample bill; by transfer (with its bank and reference)
 * unless `extra` says otherwise.
 */
export function registration(sample: UnpaidSample, extra: Record<string, unknown> = {}) {
  const method = extra.method ?? 'transfer'
  return {
    idType: sample.idType,
    identification: sample.identification,
    bills: [{ billNo: sample.billNo, contractId: sample.contractId, amount: sample.amount }],
    method: 'transfer',
    ...(method === 'transfer' ? { reference: { ...TRANSFER_REFERENCE } } : {}),
    ...extra
  }
}

/** Looks the customer and the bills up, so they are cached for offline use and batch files. */
export async function cacheLookups(dispatch: Dispatch, sample: UnpaidSample): Promise<void> {
  valueOf(
    await dispatch('customers:contracts', {
      idType: sample.idType,
      identification: sample.identification
    })
  )
  valueOf(await dispatch('bills:list', { contractId: sample.contractId }))
}

export type TestRole = 'cashier' | 'supervisor'

/**
 * Signs in as the demo cashier, or as the seeded supervisor (choosing `SUPERVISOR_PIN` the first
 * time, as the till asks). Replaces whoever was signed in.
 */
export async function signIn(dispatch: Dispatch, as: TestRole): Promise<SessionView> {
  if (as === 'cashier') {
    return valueOf<SessionView>(
      await dispatch('session:signIn', { name: DEMO_CASHIER.name, pin: DEMO_CASHIER.pin })
    )
  }
  const first = await dispatch('session:signIn', {
    name: FIRST_SUPERVISOR.name,
    pin: FIRST_SUPERVISOR.pin
  })
  if (first.ok && (first.value as SessionView).mustChangePin) {
    return valueOf<SessionView>(
      await dispatch('session:changePin', {
        currentPin: FIRST_SUPERVISOR.pin,
        newPin: SUPERVISOR_PIN
      })
    )
  }
  return valueOf<SessionView>(
    await dispatch('session:signIn', { name: FIRST_SUPERVISOR.name, pin: SUPERVISOR_PIN })
  )
}

/**
 * Opens a shift at the till for whoever is signed in (no payment is taken without one), unless
 * one is open already. Returns the open shift's id.
 */
export async function openShift(dispatch: Dispatch, openingFloat = 0): Promise<number> {
  const current = valueOf<{ id: number } | null>(await dispatch('shifts:current', {}))
  if (current) return current.id
  return valueOf<{ id: number }>(await dispatch('shifts:open', { openingFloat })).id
}

/**
 * Asks for a sync (`sync:now` answers at once, the drain goes on) and waits, bounded, until the
 * payment is no longer pending with Tigo; returns it as it then stands.
 */
export async function syncPayment(dispatch: Dispatch, paymentId: string): Promise<PaymentReceipt> {
  valueOf(await dispatch('sync:now', {}))
  let payment = valueOf<PaymentReceipt>(await dispatch('payments:get', { paymentId }))
  for (let tries = 0; payment.pending && tries < 500; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 20))
    payment = valueOf<PaymentReceipt>(await dispatch('payments:get', { paymentId }))
  }
  return payment
}
