/** Shared set-up of the engine test files: one simulator per file, a world per test. */
import fs from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import type { Outbox } from '../../../electron/main/store/outbox'
import type { SyncClient, SyncOutbox } from '../../../electron/main/sync/types'
import type { TigoError } from '../../../electron/main/tigo/errors'
import {
  openWorld,
  sleep,
  startSimulator,
  type PlannedPayment,
  type SimulatorHandle,
  type World,
  type WorldOptions
} from '../../../scripts/lib/sync-world'
import type { Dataset } from '../../../electron/simulator/dataset'

export interface EngineSuite {
  sim(): SimulatorHandle
  world(options?: Omit<WorldOptions, 'sim'>): World
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
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
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
  return {
    sim: current,
    world(options = {}) {
      const made = openWorld({ sim: current(), ...options })
      worlds.push(made)
      dirs.add(made.dir)
      return made
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
