/**
 * The real sync engine over the in-memory outbox and Tigo (test/support): its rules without HTTP
 * or SQLite, in milliseconds. Time is injected (wall clock and monotonic), so a reconcile delay
 * passes when the test says so; nothing here waits on a real timer except `stop()`'s own bound.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createSyncEngine, type SyncEngine } from '@main/sync/engine'
import type { SyncSettings } from '@main/sync/types'
import { createFakeTigo, type FakeBill, type FakeTigo } from '@support/fake-tigo'
import { createMemoryOutbox, type MemoryOutbox } from '@support/memory-outbox'

const T0 = Date.parse('2026-03-02T15:00:00.000Z')
const SETTINGS: SyncSettings = {
  batchSize: 5,
  baseBackoffMs: 20,
  maxBackoffMs: 200,
  reconcileDelayMs: 1_000,
  probeIntervalMs: 50,
  drainIntervalMs: 60_000,
  maxPendingAgeHours: 24
}

interface MemoryWorld {
  outbox: MemoryOutbox
  tigo: FakeTigo
  engine: SyncEngine
  time: { wall: number; mono: number }
  states(): string[]
}

const engines: SyncEngine[] = []
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.stop()
})

/** `customers` payments, customer k paying k + 1 bills of its own contract. */
function memoryWorld(customers: number, options: { stopTimeoutMs?: number } = {}): MemoryWorld {
  const time = { wall: T0, mono: 0 }
  const clock = (): number => time.wall
  const outbox = createMemoryOutbox({ clock })
  const bills: FakeBill[] = []
  for (let k = 0; k < customers; k++) {
    const contractId = String(7000 + k)
    const mine = Array.from({ length: k + 1 }, (_, b) => ({
      contractId,
      billNo: `B${k}-${b}`,
      amount: 10_000 * (b + 1)
    }))
    bills.push(...mine)
    outbox.enqueue(
      {
        id: `P${k}`,
        idType: 'CC',
        identification: String(1_000_000 + k),
        method: 'cash',
        receiptNo: k + 1,
        terminalId: 'T1',
        createdAt: new Date(T0).toISOString()
      },
      mine.map((bill) => ({ ...bill, reference: null, dueDate: null }))
    )
  }
  const tigo = createFakeTigo(bills, clock)
  const engine = createSyncEngine({
    outbox,
    client: tigo.client,
    cache: { markBillsPaid: () => undefined },
    clock,
    monotonic: () => time.mono,
    random: () => 0.5,
    settings: () => SETTINGS,
    ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {})
  })
  engines.push(engine)
  return { outbox, tigo, engine, time, states: () => outbox.all().map((item) => item.state) }
}

describe('sync engine over the in-memory outbox', () => {
  it('a drain registers each item once, in requests of at most batchSize bills', async () => {
    const w = memoryWorld(4)

    await w.engine.requestDrain('manual')

    expect(w.states()).toEqual(Array(10).fill('registered'))
    const booked = w.tigo.registrations()
    expect(Object.keys(booked)).toHaveLength(10)
    expect(Object.values(booked).every((n) => n === 1)).toBe(true)
    // One request per customer (1 + 2 + 3 + 4 bills, each ≤ 5).
    expect(w.tigo.calls.register).toBe(4)
    for (const item of w.outbox.all()) {
      expect(w.outbox.attempts(item.id).map((a) => a.outcome)).toEqual([
        'created',
        'claimed',
        'registered'
      ])
    }
    await w.engine.requestDrain('manual')
    expect(w.tigo.calls.register).toBe(4)
  })

  it('reconciles a lost answer and never resends it while Tigo says the bill is paid', async () => {
    const w = memoryWorld(2)
    w.tigo.script('lose-answer')

    await w.engine.requestDrain('payment')
    const lost = w.outbox.all().filter((item) => item.state === 'uncertain')
    expect(lost.map((item) => item.billNo)).toEqual(['B0-0'])
    expect(w.tigo.registrations()['B0-0']).toBe(1)

    // Before the reconcile delay: asked for again, still not resent.
    await w.engine.requestDrain('manual')
    await w.engine.requestDrain('manual')
    expect(w.outbox.items([lost[0]!.id])[0]!.state).toBe('uncertain')

    // The delay passes (and the backoff of the bills the halted round put back).
    w.time.mono += SETTINGS.reconcileDelayMs
    w.time.wall += SETTINGS.reconcileDelayMs
    await w.engine.requestDrain('manual')
    await w.engine.requestDrain('manual')

    expect(w.states()).toEqual(['registered', 'registered', 'registered'])
    expect(w.tigo.requests.flat().filter((billNo) => billNo === 'B0-0')).toHaveLength(1)
    expect(w.tigo.registrations()).toEqual({ 'B0-0': 1, 'B1-0': 1, 'B1-1': 1 })
    const notes = w.outbox.attempts(lost[0]!.id).map((a) => a.detail ?? '')
    expect(notes.at(-1)).toMatch(/^reconciled: Tigo has the bill as paid, by a payment of ours/)
  })

  it('stop() returns while a request hangs, leaving its items uncertain, not sending', async () => {
    const w = memoryWorld(1, { stopTimeoutMs: 10 })
    w.tigo.script('hang')
    const drain = w.engine.requestDrain('payment')
    while (w.tigo.calls.register === 0) await new Promise((resolve) => setImmediate(resolve))
    expect(w.states()).toEqual(['sending'])

    await w.engine.stop()

    expect(w.states()).toEqual(['uncertain'])
    expect(w.tigo.registrations()).toEqual({})
    // The answer that comes after all is still Tigo's word: the bill is booked once.
    w.tigo.release()
    await drain
    expect(w.tigo.registrations()).toEqual({ 'B0-0': 1 })
    await w.engine.requestDrain('manual')
    expect(w.tigo.calls.register).toBe(1)
  })
})
