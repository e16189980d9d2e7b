/**
 * Money-losing paths a review found in the engine, each against the simulator over real HTTP and
 * a real SQLite file: a payments answer of `{}` read as paid, another office's payment read as
 * ours, a wall-clock jump cutting a reconcile wait short, a stuck uncertain item, one bad bill
 * taking its request group down, and Retry-After ignored for the rest of a round.
 */
import { describe, expect, it } from 'vitest'
import { BillPayments } from '@shared/api/models'
import { parseIdType } from '@shared/domain/identification'
import { TigoError, type TigoErrorInit } from '@main/tigo/errors'
import type { SyncClient } from '@main/sync/types'
import { countingClient, engineSuite, states } from './engine-helpers'
import {
  drainToQuiescence,
  planPayments,
  sleep,
  type PlannedPayment,
  type World
} from '@scripts/lib/sync-world'

const suite = engineSuite()
const { sim, world } = suite

function itemRows(w: World) {
  return w.db
    .prepare(
      'SELECT id, bill_no AS billNo, state, rejected_reason AS reason, next_attempt_at AS nextAt FROM outbox_items ORDER BY id'
    )
    .all() as { id: number; billNo: string; state: string; reason: string | null; nextAt: number }[]
}

/** The first register request dies before Tigo processes it; everything else is normal. */
async function loseFirstRegister(w: World, plan: PlannedPayment): Promise<void> {
  await w.warmCache([plan])
  w.take(plan)
  sim.setFaults({ dropBeforeProcessingRate: 1, paths: 'register' })
  await w.engine.requestDrain('payment')
  sim.setFaults({ dropBeforeProcessingRate: 0, paths: null })
  expect(states(w).slice(-plan.bills.length)).toEqual(plan.bills.map(() => 'uncertain'))
}

function onePlan(seed: number, bills = 1): PlannedPayment {
  const plan = planPayments(sim.dataset, 40, seed).find((p) => p.bills.length >= bills)
  if (!plan) throw new Error('no plan')
  return { ...plan, bills: plan.bills.slice(0, bills) }
}

describe('finding 1: an empty payments answer is not a payment', () => {
  it('resends (once) a lost request whose bill is off the bills list and has `{}` as payments', async () => {
    const plan = onePlan(101)
    const bill = plan.bills[0]!
    const w = world({
      wrapClient: (client): SyncClient => ({
        ...client,
        // The list cut to recent bills, and an API that answers a lone empty object.
        async getBills(contractId) {
          return (await client.getBills(contractId)).filter((b) => b.billNo !== bill.billNo)
        },
        getBillPayments: () => Promise.resolve(BillPayments.parse({}))
      })
    })
    await loseFirstRegister(w, plan)

    await drainToQuiescence(w)

    // Read as paid, the item was "registered" with nothing at Tigo: the money was lost.
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
    expect(states(w)).toEqual(['registered'])
  })
})

describe('finding 2: a paid bill is ours only if a payment on it may be ours', () => {
  it('rejects as paid elsewhere when another office paid the bill our lost request was for', async () => {
    const [plan, earlier] = planPayments(sim.dataset, 40, 102).filter((p) => p.bills.length === 1)
    const bill = plan!.bills[0]!
    const w = world()
    // A registration Tigo confirmed teaches the engine that this Tigo echoes our words.
    await w.warmCache([earlier!])
    w.take(earlier!)
    await w.engine.requestDrain('payment')
    expect(states(w)).toEqual(['registered'])
    await loseFirstRegister(w, plan!)
    // Another office registers the same bill while ours is uncertain.
    const other = await w.client.registerPayment(parseIdType(plan!.idType)!, plan!.identification, {
      intent: 'register',
      billsCollection: [
        { billNo: bill.billNo, contractId: bill.contractId, billAmount: String(bill.amount) }
      ],
      paymentData: { method: 'cash', terminalId: 'OTRA-OFICINA' }
    })
    expect(other[bill.billNo]).toBe(true)

    await drainToQuiescence(w)

    const [, row] = itemRows(w)
    expect(row?.state).toBe('rejected')
    expect(row?.reason).toMatch(/^bill_paid_elsewhere/)
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })

  it('registers when the lost request did reach Tigo (the payment names this terminal)', async () => {
    const plan = onePlan(103)
    const w = world()
    await w.warmCache([plan])
    w.take(plan)
    sim.setFaults({ dropAfterCommitRate: 1, paths: 'register' })
    await w.engine.requestDrain('payment')
    sim.setFaults({ dropAfterCommitRate: 0, paths: null })
    expect(states(w)).toEqual(['uncertain'])

    await drainToQuiescence(w)

    expect(states(w)).toEqual(['registered'])
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
  })
})

describe('finding 3: reconcile waits run on a clock that does not jump', () => {
  it('does not reconcile or resend when the wall clock jumps forward an hour', async () => {
    const plan = onePlan(104)
    let jump = 0
    const counter = { register: 0 }
    const w = world({
      clock: () => Date.now() + jump,
      settings: { reconcileDelayMs: 60_000 },
      wrapClient: countingClient(counter)
    })
    await loseFirstRegister(w, plan)
    expect(counter.register).toBe(1)

    jump = 3_600_000
    await w.engine.requestDrain('manual')
    await w.engine.requestDrain('manual')

    expect(states(w)).toEqual(['uncertain'])
    expect(counter.register).toBe(1)
  })
})

describe('finding 6: an item no reconcile can decide is flagged for a supervisor', () => {
  it('flags it after N undecided reconciles, and a supervisor can resend it', async () => {
    const plan = onePlan(105)
    const w = world({ settings: { reconcileDelayMs: 1_000, supervisorAfterReconciles: 2 } })
    await loseFirstRegister(w, plan)
    const [item] = itemRows(w)
    sim.setFaults({ serverErrorRate: 1, paths: 'bills' })

    const until = Date.now() + 20_000
    while (!w.outbox.needsSupervisor(item!.id)) {
      if (Date.now() > until) throw new Error('never flagged for a supervisor')
      await w.engine.requestDrain('manual')
      await sleep(20)
    }
    sim.setFaults({ serverErrorRate: 0, paths: null })

    expect(states(w)).toEqual(['uncertain'])
    const payment = w.outbox.list({ paymentId: w.outbox.items([item!.id])[0]!.paymentId })[0]
    expect(payment?.supervisorFlaggedAt).not.toBeNull()
    const supervisor = { id: 's1', name: 'Supervisora' }
    expect(() =>
      w.outbox.decide({ itemId: item!.id, decision: 'resend', supervisor, note: ' ' })
    ).toThrow(/supervisor_note_required|nota/i)
    expect(() =>
      w.outbox.decide({ itemId: item!.id, decision: 'resend', supervisor, note: 'lo llamé' })
    ).toThrow()
    const decided = w.outbox.decide({
      itemId: item!.id,
      decision: 'resend',
      supervisor,
      note: 'Tigo dice sin pagar',
      billUnpaid: true
    })
    expect(decided.state).toBe('queued')
    await drainToQuiescence(w)
    expect(states(w)).toEqual(['registered'])
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
    const audit = w.db
      .prepare(`SELECT actor, details FROM audit_log WHERE action = 'outbox.supervisor_decision'`)
      .all() as { actor: string; details: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]?.actor).toBe('s1')
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      supervisor,
      decision: 'resend',
      note: 'Tigo dice sin pagar'
    })
  })
})

describe('finding 7: a 4xx for several bills rejects only the bad one', () => {
  it('sends each bill alone after a group 4xx and rejects only the bill Tigo refuses', async () => {
    const plan = onePlan(106, 2)
    const bad = plan.bills[1]!.billNo
    const bodies: string[][] = []
    const w = world({
      wrapClient: (client): SyncClient => ({
        ...client,
        registerPayment(idType, identification, body) {
          const bills = (body.billsCollection ?? []).map((b) => b.billNo)
          bodies.push(bills)
          if (bills.includes(bad)) {
            return Promise.reject(
              new TigoError({
                kind: 'rejected',
                endpoint: 'registerPayment',
                status: 400,
                apiMessage: 'invalid bill'
              })
            )
          }
          return client.registerPayment(idType, identification, body)
        }
      })
    })
    await w.warmCache([plan])
    w.take(plan)

    await drainToQuiescence(w)

    expect(bodies[0]).toHaveLength(2)
    const rows = itemRows(w)
    expect(rows.map((r) => r.state)).toEqual(['registered', 'rejected'])
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
  })
})

describe('finding 8: Retry-After holds for the rest of the round', () => {
  function twoCustomers(): PlannedPayment[] {
    const plans = planPayments(sim.dataset, 30, 107)
    const first = plans[0]!
    const second = plans.find((p) => p.identification !== first.identification)!
    return [first, second]
  }

  /** Two customers' payments, one drain whose first request fails so; the items after it. */
  async function drainFailingFirst(failure: TigoErrorInit) {
    const { w, counter } = await suite.worldFailingFirst(failure, twoCustomers())
    const before = Date.now()
    await w.engine.requestDrain('payment')
    expect(counter.register).toBe(1)
    return { rows: itemRows(w), before }
  }

  it('keeps the unsent groups back as long as a 429 says', async () => {
    const { rows, before } = await drainFailingFirst({
      kind: 'not-sent',
      endpoint: 'registerPayment',
      status: 429,
      retryAfterMs: 120_000
    })

    for (const row of rows) {
      expect(row.state).toBe('queued')
      expect(row.nextAt).toBeGreaterThanOrEqual(before + 120_000)
    }
  })

  it('stops the round on a 5xx with Retry-After', async () => {
    const { rows, before } = await drainFailingFirst({
      kind: 'uncertain',
      endpoint: 'registerPayment',
      status: 503,
      retryAfterMs: 60_000
    })

    expect(rows.some((row) => row.state === 'uncertain')).toBe(true)
    for (const row of rows.filter((r) => r.state === 'queued')) {
      expect(row.nextAt).toBeGreaterThanOrEqual(before + 60_000)
    }
    expect(rows.some((row) => row.state === 'queued')).toBe(true)
  })
})
