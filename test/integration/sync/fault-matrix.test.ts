/**
 * Every network fault the simulator can inject, with and without an API that accepts duplicate
 * registrations: payments taken, drained with the fault on, then drained to quiescence on a good
 * network. Whatever happened in between, each bill must be in Tigo's ledger exactly once and
 * every outbox item must be `registered`.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import fs from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  NO_NETWORK_FAULTS,
  SIM_PROFILES,
  startSimulator,
  type FaultsPatch,
  type SimulatorHandle
} from '@simulator/server'
import type { SyncClient } from '@main/sync/types'
import {
  checkAgainstLedger,
  drainToQuiescence,
  openWorld,
  planPayments,
  type World
} from '@scripts/lib/sync-world'

const PAYMENTS = 12
const FAULT_PHASE_MS = 1_200

interface FaultCase {
  name: string
  faults?: FaultsPatch
  /** Expire every token after each register call: each next request meets a 401 first. */
  expireTokensAfterEachRegister?: boolean
  /** Proof that the fault was really met during the fault phase. */
  met(world: World, sim: SimulatorHandle): boolean
}

function countAttempts(world: World, where: string): number {
  const row = world.db
    .prepare(`SELECT COUNT(*) AS n FROM outbox_attempts WHERE ${where}`)
    .get() as {
    n: number
  }
  return row.n
}

const wentUncertain = (world: World): boolean => countAttempts(world, `to_state = 'uncertain'`) > 0

const CASES: FaultCase[] = [
  { name: 'latency beyond the client timeout', faults: { latencyMs: 600 }, met: wentUncertain },
  { name: '5xx answers', faults: { serverErrorRate: 0.5 }, met: wentUncertain },
  { name: 'drop before processing', faults: { dropBeforeProcessingRate: 0.5 }, met: wentUncertain },
  { name: 'drop after commit', faults: { dropAfterCommitRate: 0.5 }, met: wentUncertain },
  { name: '503 after commit', faults: { errorAfterCommitRate: 0.5 }, met: wentUncertain },
  {
    name: 'stalled 503 body after commit',
    faults: { stallAfterCommitRate: 0.4 },
    met: wentUncertain
  },
  {
    name: 'tokens expired mid-drain',
    expireTokensAfterEachRegister: true,
    // One token for the cache lookups, then a fresh one after every expiry.
    met: (_world, sim) => sim.stats().tokenRequests >= 3
  },
  {
    name: 'all connections refused, then restored',
    faults: { refuseConnections: true },
    met: (world) => countAttempts(world, `outcome = 'requeued' AND detail LIKE 'not sent%'`) > 0
  }
]

describe('sync engine under every fault', () => {
  let sim: SimulatorHandle

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, faultSeed: 42 })
  })

  afterAll(async () => {
    await sim.close()
  })

  // `conventions`: an API that books our payments in its own words and answers one Payment.
  for (const profile of SIM_PROFILES) {
    for (const acceptDuplicates of [false, true]) {
      for (const fault of CASES) {
        it(`${fault.name} (${profile}, acceptDuplicates=${acceptDuplicates}): each bill registered exactly once`, async () => {
          sim.reset()
          await sim.settled()
          sim.setFaults({ acceptDuplicates, profile })
          const world = openWorld({
            sim,
            wrapClient: fault.expireTokensAfterEachRegister
              ? (client) => expiringTokens(client, sim)
              : undefined
          })
          try {
            const plans = planPayments(sim.dataset, PAYMENTS, 1000 + CASES.indexOf(fault))
            await world.warmCache(plans)
            for (const plan of plans) world.take(plan)
            const billCount = plans.reduce((sum, plan) => sum + plan.bills.length, 0)

            if (fault.faults) sim.setFaults(fault.faults)
            await sim.settled()
            world.engine.start()
            await faultPhase(world)
            expect(fault.met(world, sim), 'the fault was met during the fault phase').toBe(true)

            sim.setFaults(NO_NETWORK_FAULTS)
            await sim.settled()
            await drainToQuiescence(world)
            // A request the client gave up on must not commit after this point either.
            if (fault.faults?.latencyMs) await sleep(fault.faults.latencyMs + 100)

            const byBill = sim.registrationsByBill()
            const taken = plans.flatMap((plan) => plan.bills.map((bill) => bill.billNo)).sort()
            expect(Object.keys(byBill).sort()).toEqual(taken)
            expect(Object.values(byBill).every((count) => count === 1)).toBe(true)
            expect(checkAgainstLedger(world.db, byBill)).toEqual({
              payments: PAYMENTS,
              registeredOnce: PAYMENTS,
              bills: billCount,
              duplicates: 0,
              lost: 0,
              lostPayments: 0,
              uncertainLeft: 0,
              notRegistered: 0,
              mismatched: 0
            })
            // Nothing uncertain went back to the queue except through a reconcile.
            expect(
              countAttempts(
                world,
                `from_state = 'uncertain' AND to_state = 'queued' AND detail NOT LIKE 'reconciled%'`
              )
            ).toBe(0)
          } finally {
            await world.close()
            fs.rmSync(world.dir, { recursive: true, force: true })
          }
        })
      }
    }
  }
})

/** Lets the engine work with the fault on until every item was claimed and settled once. */
async function faultPhase(world: World): Promise<void> {
  const until = Date.now() + FAULT_PHASE_MS
  while (Date.now() < until) {
    const row = world.db
      .prepare(
        `SELECT SUM(attempts = 0) AS untried, SUM(state = 'sending') AS sending FROM outbox_items`
      )
      .get() as { untried: number; sending: number }
    if (row.untried === 0 && row.sending === 0) break
    await sleep(25)
  }
}

function expiringTokens(client: SyncClient, sim: SimulatorHandle): SyncClient {
  return {
    ...client,
    async registerPayment(...args) {
      try {
        return await client.registerPayment(...args)
      } finally {
        sim.setFaults({ expireTokens: true })
      }
    }
  }
}
