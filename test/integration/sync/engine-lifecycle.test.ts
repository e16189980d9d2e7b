/**
 * The sync engine around failures and its own life: requests that never left, stop and start
 * around a crash, online detection, stale payments. Real HTTP to the simulator, real SQLite.
 */
import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '@shared/ipc/views'
import { engineSuite, registerAsEngine, states, waitFor } from './engine-helpers'
import { drainToQuiescence, openWorld, planPayments } from '@scripts/lib/sync-world'
import { makeTempDir } from '@support/temp-dir'

const suite = engineSuite()
const { sim, world } = suite

describe('requests that never reached Tigo', () => {
  it('queues them again no earlier than a 429 Retry-After, staying online', async () => {
    const [plan] = planPayments(sim.dataset, 1, 13)
    // The simulator cannot be made busy; this is the client's classification of a 429.
    const { w, counter } = await suite.worldFailingFirst(
      { kind: 'not-sent', endpoint: 'registerPayment', status: 429, retryAfterMs: 30_000 },
      [plan!]
    )
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
    expect(counter.register).toBe(1)
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
    suite.forget(w)
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
    const dir = makeTempDir('caja-sync-')
    const crashed = openWorld({ sim, dir })
    await crashed.warmCache([plan!])
    crashed.take(plan!)
    // The crashed process had claimed the items and its request reached Tigo.
    const claimed = crashed.outbox.claimDue(Date.now(), 10)
    await registerAsEngine(crashed, plan!, claimed)
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
    const dir = makeTempDir('caja-sync-')
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
    // The drain may still read a confirmed bill's payments (to learn Tigo's words) before it ends.
    await waitFor(() => pushed.at(-1)?.draining === false, 'the drain to end')

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
