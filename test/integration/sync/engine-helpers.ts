/** Shared set-up of the engine test files: one simulator per file, a world per test. */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Outbox } from '@main/outbox/outbox'
import { createLookupCache } from '@main/lookups/cache'
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '@main/sync/engine'
import type { SyncClient, SyncOutbox } from '@main/sync/types'
import { TigoError, type TigoErrorInit } from '@main/tigo/errors'
import type { OutboxItem } from '@main/store/types'
import { buildRegisterBody } from '@main/sync/register-request'
import { parseIdType } from '@shared/domain/identification'
import {
  openWorld,
  planPayments,
  sleep,
  startSimulator,
  type PlannedPayment,
  type SimulatorHandle,
  type World,
  type WorldOptions
} from '@scripts/lib/sync-world'
import type { Dataset } from '@simulator/dataset'
import { standIn } from '@support/stand-in'
import { removeDir } from '@support/temp-dir'

export interface EngineSuite {
  /** The file's simulator: a stand-in for tests and hooks, live once the suite's beforeAll ran. */
  sim: SimulatorHandle
  world(options?: Omit<WorldOptions, 'sim'>): World
  /** `count` payments planned (seeded) from this file's simulator's dataset. */
  plans(count: number, seed: number): PlannedPayment[]
  /**
   * A world whose first register request fails with `failure` (as the client classifies it),
   * with `plans` looked up and taken; `counter.register` counts the register requests.
   */
  worldFailingFirst(
    failure: TigoErrorInit,
    plans: readonly PlannedPayment[]
  ): Promise<{ w: World; counter: { register: number } }>
  /** Forgets a world the test closed itself. */
  forget(world: World): void
}

/** Registers the hooks: a simulator for the file, reset before each test, worlds closed after. */
export function engineSuite(): EngineSuite {
  let sim: SimulatorHandle | undefined
  const worlds: World[] = []
  const dirs = new Set<string>()
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 })
  })
  afterAll(async () => {
    await sim?.close()
    for (const dir of dirs) removeDir(dir)
  })
  beforeEach(async () => {
    sim?.reset()
    await sim?.settled()
  })
  afterEach(async () => {
    while (worlds.length > 0) await worlds.pop()?.close()
  })
  const current = (): SimulatorHandle => {
    if (!sim) throw new Error('the simulator is not running')
    return sim
  }
  const world = (options: Omit<WorldOptions, 'sim'> = {}): World => {
    const made = openWorld({ sim: current(), ...options })
    worlds.push(made)
    dirs.add(made.dir)
    return made
  }
  return {
    sim: standIn(current),
    world,
    plans: (count, seed) => planPayments(current().dataset, count, seed),
    async worldFailingFirst(failure, plans) {
      const counter = { register: 0 }
      const w = world({ wrapClient: failingFirstRegister(new TigoError(failure), counter) })
      await w.warmCache(plans)
      for (const plan of plans) w.take(plan)
      return { w, counter }
    },
    forget(world) {
      const index = worlds.indexOf(world)
      if (index >= 0) worlds.splice(index, 1)
    }
  }
}

export function countingClient(counter: { register: number }) {
  return (client: SyncClient): SyncClient => ({
    ...client,
    registerPayment(...args) {
      counter.register++
      return client.registerPayment(...args)
    }
  })
}

/** The first register request fails with `error` (as the client classifies it); the rest go through. */
export function failingFirstRegister(error: TigoError, counter: { register: number }) {
  return (client: SyncClient): SyncClient => ({
    ...client,
    registerPayment(...args) {
      counter.register++
      if (counter.register === 1) return Promise.reject(error)
      return client.registerPayment(...args)
    }
  })
}

export function countingOutbox(counter: { claims: number }) {
  return (outbox: Outbox): SyncOutbox => ({
    ...outbox,
    claimDue(now, limit) {
      counter.claims++
      return outbox.claimDue(now, limit)
    }
  })
}

export async function waitFor(
  condition: () => boolean,
  what: string,
  deadlineMs = 10_000
): Promise<void> {
  const until = Date.now() + deadlineMs
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

export function states(w: World): string[] {
  return (
    w.db.prepare('SELECT state FROM outbox_items ORDER BY id').all() as { state: string }[]
  ).map((row) => row.state)
}

/** Unpaid bills of one customer, as payments of one bill each (not the large customer). */
export function paymentsOfOneCustomer(dataset: Dataset, minimum: number): PlannedPayment[] {
  for (const customer of dataset.customers) {
    if (customer.identification === dataset.largeCustomer.identification) continue
    const bills = dataset.bills.filter(
      (b) => !b.paid && customer.contractIds.includes(b.contractId)
    )
    if (bills.length < minimum) continue
    return bills.map((b) => ({
      idType: customer.idType,
      identification: customer.identification,
      bills: [{ billNo: b.billNo, contractId: b.contractId, amount: b.amount }]
    }))
  }
  throw new Error(`no customer with ${minimum} unpaid bills`)
}

/**
 * Sends the engine's own register request for `items` of `plan` (its paymentData names this
 * terminal, as Tigo then records it), outside the engine: a request of a process that crashed
 * or lost the answer.
 */
export async function registerAsEngine(
  w: World,
  plan: PlannedPayment,
  items: readonly OutboxItem[]
): Promise<void> {
  const idType = parseIdType(plan.idType)
  if (!idType) throw new Error(`unknown id type ${plan.idType}`)
  const { identification } = plan
  await w.client.registerPayment(
    idType,
    identification,
    buildRegisterBody({ idType: plan.idType, identification, items: [...items] })
  )
}

/**
 * A second engine over a world's outbox and database, with its own client and options: the
 * world's own engine is never started, so this one is the only one draining.
 */
export function engineOver(
  w: World,
  options: Partial<SyncEngineOptions> & Pick<SyncEngineOptions, 'client'>
): SyncEngine {
  return createSyncEngine({
    outbox: w.outbox,
    cache: createLookupCache({ db: w.db, clock: Date.now }),
    clock: Date.now,
    settings: () => w.settings,
    ...options
  })
}
