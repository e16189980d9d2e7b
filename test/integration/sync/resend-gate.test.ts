/**
 * The one resend gate, path by path, against the simulator in duplicate-accepting mode and its
 * conventions profile (its own words for our payments, one Payment per bill): whatever puts a
 * bill back in the queue — a supervisor's retry, a supervisor's resend, a batch re-import, a
 * restart — the engine sends it again only after Tigo, asked live, said unpaid. The ledger
 * counts every registration Tigo took.
 */
import fs from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { createBatchService } from '@main/batch/batch-service'
import { createAuditLog } from '@main/audit/audit-log'
import { createLookupCache } from '@main/lookups/cache'
import { countingClient, engineSuite, registerAsEngine, states } from './engine-helpers'
import { drainToQuiescence, type PlannedPayment, type World } from '@scripts/lib/sync-world'
import { makeTempDir } from '@support/temp-dir'

const suite = engineSuite()
const { sim } = suite
beforeEach(() => {
  sim.setFaults({ acceptDuplicates: true, profile: 'conventions' })
})

/** A one-bill payment of a customer of the given id type (a CC for the batch file). */
function onePlan(seed: number, idType?: string): PlannedPayment {
  const plan = suite
    .plans(60, seed)
    .find((p) => p.bills.length === 1 && (idType === undefined || p.idType === idType))
  if (!plan) throw new Error('no plan')
  return plan
}

/**
 * Takes the payment and sends it as the engine would; Tigo commits it and the answer is lost:
 * the item is uncertain, the bill registered once.
 */
async function lostButRegistered(w: World, plan: PlannedPayment): Promise<number> {
  await w.warmCache([plan])
  w.take(plan)
  const claimed = w.outbox.claimDue(Date.now(), 10)
  await registerAsEngine(w, plan, claimed)
  const ids = claimed.map((item) => item.id)
  w.outbox.markUncertain(ids, 'may have reached Tigo: timeout')
  expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
  return ids[0]!
}

/** What an attribution that did not recognise the API's words left behind. */
function rejectAsPaidElsewhere(w: World, itemId: number): void {
  w.outbox.markRejected([itemId], 'bill_paid_elsewhere: reconciled: by no payment of ours')
}

function countedWorld(counter: { register: number }, dir?: string): World {
  return suite.world({ wrapClient: countingClient(counter), ...(dir ? { dir } : {}) })
}

describe('the resend gate', () => {
  it("a supervisor's retry of a bill Tigo has as paid sends nothing", async () => {
    const plan = onePlan(201)
    const counter = { register: 0 }
    const w = countedWorld(counter)
    const itemId = await lostButRegistered(w, plan)
    rejectAsPaidElsewhere(w, itemId)

    w.outbox.retry([itemId], 's1')
    await drainToQuiescence(w)

    expect(counter.register).toBe(0)
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
    // Asked again, the evidence (unpaid when sent, paid since, our amount) says ours.
    expect(states(w)).toEqual(['registered'])
  })

  it("a supervisor's resend decided on an old 'unpaid' is asked again before it goes", async () => {
    const plan = onePlan(202)
    const counter = { register: 0 }
    const w = countedWorld(counter)
    const itemId = await lostButRegistered(w, plan)
    w.outbox.flagForSupervisor([itemId], '5 reconciles could not decide')
    // The supervisor's check read unpaid; the lost request committed after it.
    w.outbox.decide({
      itemId,
      decision: 'resend',
      supervisor: { id: 's1', name: 'Supervisora' },
      note: 'Tigo decía sin pagar',
      billUnpaid: true
    })
    await drainToQuiescence(w)

    expect(counter.register).toBe(0)
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
    expect(states(w)).toEqual(['registered'])
  })

  it('a batch re-import of a bill whose earlier item was rejected sends nothing while Tigo has it paid', async () => {
    const plan = onePlan(203, 'CC')
    const bill = plan.bills[0]!
    const counter = { register: 0 }
    const w = countedWorld(counter)
    const itemId = await lostButRegistered(w, plan)
    rejectAsPaidElsewhere(w, itemId)

    const batch = createBatchService({
      db: w.db,
      clock: Date.now,
      outbox: w.outbox,
      cache: createLookupCache({ db: w.db, clock: Date.now }),
      audit: createAuditLog({ db: w.db, clock: Date.now }),
      settings: () => ({
        maxPaymentAmount: Number.MAX_SAFE_INTEGER,
        maxPendingTotal: Number.MAX_SAFE_INTEGER,
        maxPendingAgeHours: 24
      }),
      isOnline: () => true
    })
    // An hour ago in Bogotá (UTC−5), as the file writes local times.
    const paidAt = new Date(Date.now() - 6 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
    const csv =
      'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago;referencia_externa\r\n' +
      `${plan.idType};${plan.identification};${bill.contractId};${bill.billNo};${bill.amount};efectivo;${paidAt};REIMPORT-1\r\n`
    const preview = await batch.preview(csv, { fileName: 'reimportado.csv' })
    const result = batch.confirm(preview, {
      actor: { id: 's1', name: 'Supervisora' },
      terminalId: 'T-TEST'
    })
    expect(result.accepted, JSON.stringify(result).slice(0, 600)).toBe(1)
    await drainToQuiescence(w)

    expect(counter.register).toBe(0)
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
    expect(states(w)).toEqual(['rejected', 'registered'])
  })

  it('a restart after a crash mid-send resends only what Tigo has unpaid', async () => {
    const [landed, lost] = suite.plans(60, 204).filter((p) => p.bills.length === 1)
    const dir = makeTempDir('caja-sync-')
    const first = countedWorld({ register: 0 }, dir)
    await first.warmCache([landed!, lost!])
    first.take(landed!)
    first.take(lost!)
    // Both claimed (sending); only the first request reached Tigo before the crash.
    const claimed = first.outbox.claimDue(Date.now(), 10)
    const sent = claimed.filter((item) => item.billNo === landed!.bills[0]!.billNo)
    await registerAsEngine(first, landed!, sent)
    suite.forget(first)
    first.db.close()

    const counter = { register: 0 }
    const again = countedWorld(counter, dir)
    again.engine.start()
    await drainToQuiescence(again)

    expect(counter.register).toBe(1)
    expect(sim.registrationsByBill()).toEqual({
      [landed!.bills[0]!.billNo]: 1,
      [lost!.bills[0]!.billNo]: 1
    })
    expect(states(again)).toEqual(['registered', 'registered'])
    expect(fs.existsSync(path.join(dir, 'caja.db'))).toBe(true)
  })

  it('holds the resend, unsent, while Tigo cannot say whether the bill is unpaid', async () => {
    const plan = onePlan(205)
    const counter = { register: 0 }
    const w = countedWorld(counter)
    const itemId = await lostButRegistered(w, plan)
    rejectAsPaidElsewhere(w, itemId)
    w.outbox.retry([itemId], 's1')
    sim.setFaults({ serverErrorRate: 1, paths: 'bills' })

    await w.engine.requestDrain('manual')

    expect(counter.register).toBe(0)
    expect(states(w)).toEqual(['queued'])
    const last = w.outbox.attempts(itemId).at(-1)
    expect(last?.detail).toMatch(/not sent: Tigo could not say whether the bill is unpaid/)

    sim.setFaults({ serverErrorRate: 0, paths: null })
    await drainToQuiescence(w)
    expect(counter.register).toBe(0)
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
    expect(states(w)).toEqual(['registered'])
  })

  it('sends again, once, a bill Tigo says is unpaid', async () => {
    const plan = onePlan(206)
    const counter = { register: 0 }
    const w = countedWorld(counter)
    await w.warmCache([plan])
    w.take(plan)
    // Lost before Tigo processed it: uncertain, and the bill still unpaid.
    const ids = w.outbox.claimDue(Date.now(), 10).map((item) => item.id)
    w.outbox.markUncertain(ids, 'may have reached Tigo: reset')
    w.outbox.markRejected(ids, 'api_rejected: HTTP 400')
    w.outbox.retry(ids, 's1')

    await drainToQuiescence(w)

    expect(counter.register).toBe(1)
    expect(sim.registrationsByBill()[plan.bills[0]!.billNo]).toBe(1)
    expect(states(w)).toEqual(['registered'])
  })
})
