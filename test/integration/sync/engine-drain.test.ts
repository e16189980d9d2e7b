/**
 * The sync engine's drain, against the simulator over real HTTP and a real SQLite file: one drain
 * at a time, grouping per customer, and what each answer of Tigo does to an item.
 */
import Sqlite from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { parseIdType } from '@shared/domain/identification'
import {
  countingClient,
  countingOutbox,
  engineOver,
  engineSuite,
  registerAsEngine,
  paymentsOfOneCustomer,
  states
} from './engine-helpers'
import { drainToQuiescence, planPayments, type World } from '@scripts/lib/sync-world'

const { sim, world } = engineSuite()

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

describe('writing outcomes', () => {
  it("writes a round's registrations in the transaction that claims the next round", async () => {
    const plans = planPayments(sim.dataset, 60, 11)
    // What another connection sees while each claim runs: the previous round, not yet committed.
    const seenByOthers: string[][] = []
    const seenInside: string[][] = []
    let reader: Sqlite.Database | undefined
    const w: World = world({
      settings: { batchSize: 1 },
      wrapOutbox: (outbox) => ({
        ...outbox,
        claimDue(now, limit) {
          const query = 'SELECT state FROM outbox_items ORDER BY id'
          reader ??= new Sqlite(w.file, { readonly: true })
          seenByOthers.push(
            (reader.prepare(query).all() as { state: string }[]).map((r) => r.state)
          )
          seenInside.push(states(w))
          return outbox.claimDue(now, limit)
        }
      })
    })
    await w.warmCache(plans)
    for (const plan of plans) w.take(plan)
    const bills = plans.reduce((n, p) => n + p.bills.length, 0)

    await w.engine.requestDrain('payment')
    reader?.close()

    expect(states(w)).toEqual(Array.from({ length: bills }, () => 'registered'))
    expect(seenInside.length).toBeGreaterThanOrEqual(3)
    const count = (list: string[] | undefined, state: string) =>
      (list ?? []).filter((s) => s === state).length
    // At the second claim the first round is registered inside the transaction only.
    expect(count(seenInside[1], 'registered')).toBeGreaterThan(0)
    expect(count(seenByOthers[1], 'registered')).toBe(0)
    expect(count(seenByOthers[1], 'sending')).toBe(count(seenInside[1], 'registered'))
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

  it("names each payment's own receipt and terminal, one request per terminal", async () => {
    const mine = paymentsOfOneCustomer(sim.dataset, 3).slice(0, 3)
    const w = world({ settings: { batchSize: 50 } })
    await w.warmCache(mine)
    // Payments taken at another till (its database restored here) keep their terminal.
    const here = [w.take(mine[0]!, 'CAJA-1'), w.take(mine[1]!, 'CAJA-1')]
    const there = w.take(mine[2]!, 'CAJA-2')
    expect([...here, there].map((r) => r.receiptNo)).toEqual([1, 2, 1])

    await w.engine.requestDrain('payment')

    const sent = sim
      .ledger()
      .map((entry) => ({
        terminalId: entry.paymentData?.terminalId,
        receiptNumbers: entry.paymentData?.receiptNumbers,
        localPaymentIds: entry.paymentData?.localPaymentIds,
        bills: entry.bills.map((b) => b.billNo)
      }))
      .sort((a, b) => String(a.terminalId).localeCompare(String(b.terminalId)))
    const byId = [...here].sort((a, b) => a.id.localeCompare(b.id))
    expect(sent).toEqual([
      {
        terminalId: 'CAJA-1',
        receiptNumbers: byId.map((r) => r.receiptNo),
        localPaymentIds: byId.map((r) => r.id),
        bills: byId.map((r) => r.bills[0]!.billNo)
      },
      {
        terminalId: 'CAJA-2',
        receiptNumbers: [1],
        localPaymentIds: [there.id],
        bills: [there.bills[0]!.billNo]
      }
    ])
    expect(new Set(states(w))).toEqual(new Set(['registered']))
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

  it('does not resend a bill its own lost attempt registered: the gate asks and settles it', async () => {
    const [plan] = planPayments(sim.dataset, 1, 6)
    const w = world()
    await w.warmCache([plan!])
    w.take(plan!)
    // What a too-early reconcile looks like: our request was lost on the way back (uncertain),
    // Tigo committed it, yet the item went back to the queue.
    const claimed = w.outbox.claimDue(Date.now(), 10)
    const ids = claimed.map((item) => item.id)
    w.outbox.markUncertain(ids, 'may have reached Tigo: timeout')
    await registerAsEngine(w, plan!, claimed)
    w.outbox.markQueued(ids, Date.now(), 'reconciled: Tigo has the bill as unpaid; resending')

    await w.engine.requestDrain('payment')

    expect(new Set(states(w))).toEqual(new Set(['registered']))
    // Only the lost request reached Tigo: the resend gate asked first and found the bills paid.
    expect(sim.ledger()).toHaveLength(1)
    for (const bill of plan!.bills) expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
    const notes = w.outbox.attempts(ids[0]!).map((attempt) => attempt.detail ?? '')
    expect(notes.at(-1)).toMatch(/resend held: Tigo has the bill as paid, by a payment of ours/)
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

describe('the drain log', () => {
  it('logs each round with its reason, what it claimed and registered, the outcome and the time', async () => {
    const w = world()
    const [plan] = planPayments(sim.dataset, 1, 3)
    await w.warmCache([plan!])
    w.take(plan!)
    const lines: Array<{ message: string; details: Record<string, string | number> }> = []
    const engine = engineOver(w, {
      client: w.client,
      log: { info: (message, details) => void lines.push({ message, details }) }
    })

    await engine.requestDrain('manual')

    expect(lines).toEqual([
      {
        message: 'sync drain round',
        details: {
          reason: 'manual',
          claimed: plan!.bills.length,
          registered: plan!.bills.length,
          outcome: 'continue',
          ms: expect.any(Number)
        }
      }
    ])
    await engine.stop()
  })
})
