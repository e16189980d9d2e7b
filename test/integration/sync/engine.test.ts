/**
 * The sync engine's promises one by one, against the simulator over real HTTP and a real SQLite
 * file: one drain at a time, grouping per customer, what each answer does to an item, stop and
 * start around a crash, online detection, stale payments.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../shared/ipc/views'
import type { Outbox } from '../../../electron/main/store/outbox'
import type { SyncClient, SyncOutbox } from '../../../electron/main/sync/types'
import { parseIdType } from '../../../shared/domain/identification'
import { TigoError } from '../../../electron/main/tigo/errors'
import {
  drainToQuiescence,
  openWorld,
  paymentsOfOneCustomer,
  planPayments,
  sleep,
  startSimulator,
  type SimulatorHandle,
  type World,
  type WorldOptions
} from './world'

let sim: SimulatorHandle
const worlds: World[] = []

function world(options: Omit<WorldOptions, 'sim'> = {}): World {
  const made = openWorld({ sim, ...options })
  worlds.push(made)
  return made
}

function countingClient(counter: { register: number }) {
  return (client: SyncClient): SyncClient => ({
    ...client,
    registerPayment(...args) {
      counter.register++
      return client.registerPayment(...args)
    }
  })
}

function countingOutbox(counter: { claims: number }) {
  return (outbox: Outbox): SyncOutbox => ({
    ...outbox,
    claimDue(now, limit) {
      counter.claims++
      return outbox.claimDue(now, limit)
    }
  })
}

async function waitFor(condition: () => boolean, what: string, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

function states(w: World): string[] {
  return (
    w.db.prepare('SELECT state FROM outbox_items ORDER BY id').all() as { state: string }[]
  ).map((row) => row.state)
}

beforeAll(async () => {
  sim = await startSimulator({ port: 0 })
})

afterAll(async () => {
  await sim.close()
})

beforeEach(async () => {
  sim.reset()
  await sim.settled()
})

afterEach(async () => {
  while (worlds.length > 0) await worlds.pop()?.close()
})

describe('one drain at a time', () => {
  it('turns two drains asked at the same instant into one', async () => {
    const counter = { register: 0, claims: 0 }
    const w = world({ wrapClient: countingClient(counter), wrapOutbox: countingOutbox(counter) })
    const [plan] = planPayments(sim.dataset, 1, 1)
    await w.warmCache([plan!])
    w.take(plan!)

    await Promise.all([w.engine.requestDrain('payment'), w.engine.requestDrain('manual')])

    expect(counter.register).toBe(1)
    // One claim that found the item, one that found the outbox empty: a single pass.
    expect(counter.claims).toBe(2)
    expect(sim.ledger()).toHaveLength(1)
    expect(states(w)).toEqual(plan!.bills.map(() => 'registered'))
  })

  it('sends a payment taken during a drain before the joined drain resolves', async () => {
    const plans = planPayments(sim.dataset, 2, 2)
    let tookSecond = false
    const w: World = world({
      wrapClient: (client) => ({
        ...client,
        async registerPayment(...args) {
          const answer = await client.registerPayment(...args)
          if (!tookSecond) {
            tookSecond = true
            w.take(plans[1]!)
            void w.engine.requestDrain('payment')
          }
          return answer
        }
      })
    })
    await w.warmCache(plans)
    w.take(plans[0]!)

    await w.engine.requestDrain('payment')

    expect(tookSecond).toBe(true)
    expect(new Set(states(w))).toEqual(new Set(['registered']))
    expect(sim.ledger()).toHaveLength(2)
  })
})

describe('register requests', () => {
  it('sends the due bills of one customer in one request with the payment data', async () => {
    const mine = paymentsOfOneCustomer(sim.dataset, 3).slice(0, 3)
    const w = world({ settings: { batchSize: 50 } })
    await w.warmCache(mine)
    const receipts = mine.map((plan) => w.take(plan))

    await w.engine.requestDrain('payment')

    const ledger = sim.ledger()
    expect(ledger).toHaveLength(1)
    const entry = ledger[0]!
    expect(entry.bills.map((b) => b.billNo).sort()).toEqual(
      mine.map((p) => p.bills[0]!.billNo).sort()
    )
    expect(parseIdType(entry.idType)).toBe(mine[0]!.idType)
    expect(entry.paymentData).toMatchObject({
      method: 'cash',
      terminalId: 'T-TEST',
      localPaymentIds: receipts.map((r) => r.id).sort()
    })
  })

  it('splits a customer into requests of at most batchSize bills', async () => {
    const large = sim.dataset.largeCustomer
    const plans = planPayments(sim.dataset, 200, 4, { includeLarge: true })
      .filter((p) => p.identification === large.identification)
      .slice(0, 7)
    const w = world({ settings: { batchSize: 3 } })
    await w.warmCache(plans)
    for (const plan of plans) w.take(plan)
    const bills = plans.reduce((n, p) => n + p.bills.length, 0)

    await drainToQuiescence(w)

    expect(sim.ledger().every((entry) => entry.bills.length <= 3)).toBe(true)
    expect(sim.ledger().length).toBeGreaterThanOrEqual(Math.ceil(bills / 3))
    expect(Object.keys(sim.registrationsByBill())).toHaveLength(bills)
  })
})

describe('what an answer does to an item', () => {
  it('rejects, with the reason kept, a bill Tigo says is already paid by someone else', async () => {
    const [plan] = planPayments(sim.dataset, 1, 5)
    const w = world()
    await w.warmCache([plan!])
    w.take(plan!)
    // Another channel pays the first bill before this terminal syncs.
    const first = plan!.bills[0]!
    const other = await w.client.registerPayment(parseIdType(plan!.idType)!, plan!.identification, {
      billsCollection: [
        { billNo: first.billNo, contractId: first.contractId, billAmount: String(first.amount) }
      ]
    })
    expect(other[first.billNo]).toBe(true)

    await w.engine.requestDrain('payment')

    const row = w.db
      .prepare('SELECT state, rejected_reason FROM outbox_items WHERE bill_no = ?')
      .get(first.billNo) as { state: string; rejected_reason: string }
    expect(row.state).toBe('rejected')
    expect(row.rejected_reason).toMatch(/^bill_paid_elsewhere/)
    expect(w.engine.status().problemCount).toBeGreaterThanOrEqual(1)
    expect(sim.registrationsByBill()[first.billNo]).toBe(1)
  })

  it('reads a false after its own lost attempt as registered, not rejected', async () => {
    const [plan] = planPayments(sim.dataset, 1, 6)
    const w = world()
    await w.warmCache([plan!])
    w.take(plan!)
    // What a too-early reconcile looks like: our request was lost on the way back (uncertain),
    // Tigo committed it, yet the item went back to the queue.
    const claimed = w.outbox.claimDue(Date.now(), 10)
    const ids = claimed.map((item) => item.id)
    w.outbox.markUncertain(ids, 'may have reached Tigo: timeout')
    await w.client.registerPayment(parseIdType(plan!.idType)!, plan!.identification, {
      billsCollection: claimed.map((item) => ({
        billNo: item.billNo,
        contractId: item.contractId,
        billAmount: String(item.amount)
      }))
    })
    w.outbox.markQueued(ids, Date.now(), 'reconciled: Tigo has the bill as unpaid; resending')

    await w.engine.requestDrain('payment')

    expect(new Set(states(w))).toEqual(new Set(['registered']))
    expect(sim.ledger().at(-1)?.result).toEqual(
      Object.fromEntries(plan!.bills.map((bill) => [bill.billNo, false]))
    )
    for (const bill of plan!.bills) expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
    const notes = w.outbox.attempts(ids[0]!).map((attempt) => attempt.detail ?? '')
    expect(notes.at(-1)).toMatch(/an earlier attempt registered it/)
  })

  it('asks about a 503 no earlier than its Retry-After, and never resends before asking', async () => {
    const plans = planPayments(sim.dataset, 30, 7)
    const failures: { at: number; retryAfterMs: number | undefined; contracts: string[] }[] = []
    const checks: { at: number; contractId: string }[] = []
    const w = world({
      settings: { reconcileDelayMs: 50 },
      wrapClient: (client) => ({
        ...client,
        async registerPayment(idType, identification, body) {
          try {
            return await client.registerPayment(idType, identification, body)
          } catch (error) {
            failures.push({
              at: Date.now(),
              retryAfterMs: (error as { retryAfterMs?: number }).retryAfterMs,
              contracts: (body.billsCollection ?? []).map((b) => b.contractId)
            })
            throw error
          }
        },
        getBills(contractId) {
          checks.push({ at: Date.now(), contractId })
          return client.getBills(contractId)
        }
      })
    })
    await w.warmCache(plans)
    checks.length = 0
    for (const plan of plans) w.take(plan)
    sim.setFaults({ serverErrorRate: 1 })

    await w.engine.requestDrain('payment')
    expect(sim.ledger()).toHaveLength(0)
    sim.setFaults({ serverErrorRate: 0 })
    await drainToQuiescence(w)

    const delayed = failures.filter((f) => f.retryAfterMs === 1_000)
    expect(delayed.length).toBeGreaterThan(0)
    for (const failure of delayed) {
      const firstCheck = checks.find(
        (c) => c.at >= failure.at && failure.contracts.includes(c.contractId)
      )
      expect(firstCheck).toBeDefined()
      expect(firstCheck!.at - failure.at).toBeGreaterThanOrEqual(1_000)
    }
    // The 5xx answers committed nothing, so each bill went through a reconcile and one resend.
    expect(Object.values(sim.registrationsByBill()).every((n) => n === 1)).toBe(true)
    expect(new Set(states(w))).toEqual(new Set(['registered']))
  })
})

describe('requests that never reached Tigo', () => {
  it('queues them again no earlier than a 429 Retry-After, staying online', async () => {
    const [plan] = planPayments(sim.dataset, 1, 13)
    let calls = 0
    const w = world({
      wrapClient: (client) => ({
        ...client,
        registerPayment(...args) {
          calls++
          // The simulator cannot be made busy; this is the client's classification of a 429.
          if (calls === 1) {
            return Promise.reject(
              new TigoError({
                kind: 'not-sent',
                endpoint: 'registerPayment',
                status: 429,
                retryAfterMs: 30_000
              })
            )
          }
          return client.registerPayment(...args)
        }
      })
    })
    await w.warmCache([plan!])
    w.take(plan!)
    const before = Date.now()

    await w.engine.requestDrain('payment')

    const row = w.db.prepare('SELECT state, next_attempt_at AS at FROM outbox_items').get() as {
      state: string
      at: number
    }
    expect(row.state).toBe('queued')
    expect(row.at).toBeGreaterThanOrEqual(before + 30_000)
    expect(w.engine.isOnline()).toBe(true)
    await w.engine.requestDrain('manual')
    expect(calls).toBe(1)
    expect(sim.ledger()).toHaveLength(0)
  })

  it('backs off a refused connection within the jitter ceiling and goes offline', async () => {
    const [plan] = planPayments(sim.dataset, 1, 14)
    const w = world({
      random: () => 0.999,
      settings: { baseBackoffMs: 1_000, maxBackoffMs: 4_000 }
    })
    await w.warmCache([plan!])
    w.take(plan!)
    sim.setFaults({ refuseConnections: true })
    await sim.settled()
    // A fresh engine has no token yet, so the first thing to fail is the token request (refused,
    // or reset on a connection pooled by the lookups): the payment request never left.
    await w.close()
    worlds.pop()
    const fresh = world({ dir: w.dir, random: () => 0.999, settings: w.settings })
    const before = Date.now()

    await fresh.engine.requestDrain('payment')

    const row = fresh.db
      .prepare('SELECT state, attempts, next_attempt_at AS at FROM outbox_items')
      .get() as {
      state: string
      attempts: number
      at: number
    }
    expect(row.state).toBe('queued')
    expect(row.attempts).toBe(1)
    // Full jitter with random 0.999 on attempt 1: just under base * 2.
    expect(row.at).toBeGreaterThanOrEqual(before + 1_900)
    expect(row.at).toBeLessThanOrEqual(Date.now() + 2_000)
    expect(fresh.engine.isOnline()).toBe(false)
  })
})

describe('stop and start', () => {
  it('stop() waits for the request in flight; nothing is left sending', async () => {
    const [plan] = planPayments(sim.dataset, 1, 8)
    const w = world({ timeoutMs: 2_000 })
    await w.warmCache([plan!])
    w.take(plan!)
    sim.setFaults({ latencyMs: 200 })
    const drain = w.engine.requestDrain('payment')
    await waitFor(() => states(w).includes('sending'), 'the request to leave')

    await w.engine.stop()

    expect(states(w)).not.toContain('sending')
    expect(new Set(states(w))).toEqual(new Set(['registered']))
    await drain
  })

  it('start() turns an interrupted send into uncertain and reconciles it without resending', async () => {
    const [plan] = planPayments(sim.dataset, 1, 9)
    const dir = world().dir
    await worlds.pop()?.close()
    const crashed = openWorld({ sim, dir })
    await crashed.warmCache([plan!])
    crashed.take(plan!)
    // The crashed process had claimed the items and its request reached Tigo.
    const claimed = crashed.outbox.claimDue(Date.now(), 10)
    await crashed.client.registerPayment(parseIdType(plan!.idType)!, plan!.identification, {
      billsCollection: claimed.map((item) => ({
        billNo: item.billNo,
        contractId: item.contractId,
        billAmount: String(item.amount)
      }))
    })
    crashed.db.close()

    const restarted = world({ dir, settings: { reconcileDelayMs: 100 } })
    restarted.engine.start()
    expect(new Set(states(restarted))).toEqual(new Set(['uncertain']))
    await drainToQuiescence(restarted)

    expect(new Set(states(restarted))).toEqual(new Set(['registered']))
    expect(sim.ledger()).toHaveLength(1)
    const notes = restarted.outbox.attempts(claimed[0]!.id).map((a) => a.detail ?? '')
    expect(notes.some((n) => n.startsWith('reconciled: Tigo has the bill as paid'))).toBe(true)
  })

  it('resends an interrupted send that never reached Tigo, once', async () => {
    const [plan] = planPayments(sim.dataset, 1, 10)
    const dir = world().dir
    await worlds.pop()?.close()
    const crashed = openWorld({ sim, dir })
    await crashed.warmCache([plan!])
    crashed.take(plan!)
    crashed.outbox.claimDue(Date.now(), 10)
    crashed.db.close()

    const restarted = world({ dir, settings: { reconcileDelayMs: 100 } })
    restarted.engine.start()
    await drainToQuiescence(restarted)

    expect(new Set(states(restarted))).toEqual(new Set(['registered']))
    for (const bill of plan!.bills) expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })
})

describe('online detection', () => {
  it('goes offline on refused connections and drains by itself when Tigo is back', async () => {
    const [plan] = planPayments(sim.dataset, 1, 11)
    const pushed: SyncStatus[] = []
    const w = world({ onStatus: (status) => pushed.push(status) })
    await w.warmCache([plan!])
    sim.setFaults({ refuseConnections: true })
    await sim.settled()
    const engine = w.engine
    w.take(plan!)
    engine.start()
    await waitFor(() => !engine.isOnline(), 'the engine to notice')
    expect(engine.status().online).toBe(false)
    expect(engine.status().pendingCount).toBe(plan!.bills.length)

    sim.setFaults({ refuseConnections: false })
    await sim.settled()
    // No requestDrain here: the probe must find Tigo and the engine drain on its own.
    await waitFor(() => w.outbox.summary(Date.now()).waiting.count === 0, 'the outbox to empty')

    expect(engine.isOnline()).toBe(true)
    const offlineAt = pushed.findIndex((status) => !status.online)
    expect(offlineAt).toBeGreaterThanOrEqual(0)
    expect(pushed.slice(offlineAt).some((status) => status.online)).toBe(true)
    expect(pushed.at(-1)).toMatchObject({ online: true, pendingCount: 0, draining: false })
    for (const bill of plan!.bills) expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })
})

describe('stale payments', () => {
  it('flags a payment waiting longer than the cap and keeps it', async () => {
    const [plan] = planPayments(sim.dataset, 1, 12)
    let offset = 0
    const w = world({ clock: () => Date.now() + offset })
    await w.warmCache([plan!])
    w.take(plan!)
    sim.setFaults({ refuseConnections: true })
    await sim.settled()
    offset = 25 * 3_600_000

    await w.engine.requestDrain('manual')

    const status = w.engine.status()
    expect(status.flaggedCount).toBe(1)
    expect(status.pendingCount).toBe(plan!.bills.length)
    expect(status.problemCount).toBeGreaterThanOrEqual(1)
  })
})
