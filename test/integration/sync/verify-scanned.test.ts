/**
 * A bill paid offline from its barcode alone (never looked up: the cashier typed the customer)
 * is checked with Tigo by the engine before anything is sent: that customer's contract, that
 * reference, that amount. A match is registered once, under Tigo's bill number; anything else
 * goes to a supervisor and never to Tigo (the simulator's ledger counts every registration).
 */
import { describe, expect, it } from 'vitest'
import type { SimBill } from '@simulator/dataset'
import { parseIdType } from '@shared/domain/identification'
import { TigoError } from '@main/tigo/errors'
import type { SyncClient } from '@main/sync/types'
import { countingClient, engineOver, engineSuite, waitFor } from './engine-helpers'
import { drainToQuiescence, type PlannedPayment, type World } from '@scripts/lib/sync-world'

const suite = engineSuite()
const { sim } = suite

interface Scanned {
  plan: PlannedPayment
  bill: SimBill
}

/** Two one-bill payments of different customers (of the same id type), by their bills. */
function twoScans(seed: number): [Scanned, Scanned] {
  const plans = suite.plans(80, seed).filter((p) => p.bills.length === 1)
  const first = plans[0]
  const second = plans.find(
    (p) => p.idType === first?.idType && p.identification !== first?.identification
  )
  if (!first || !second) throw new Error('no two customers of one id type')
  const scanned = (plan: PlannedPayment): Scanned => {
    const bill = sim.dataset.bills.find((b) => b.billNo === plan.bills[0]?.billNo)
    if (!bill) throw new Error(`no bill ${plan.bills[0]?.billNo}`)
    return { plan, bill }
  }
  return [scanned(first), scanned(second)]
}

/** Taken as the counter takes an uncached scan: reference, amount and due date only. */
function takeScanned(
  w: World,
  bill: SimBill,
  customer: { idType: string; identification: string },
  amount = bill.amount
) {
  return w.payments.registerPayment({
    terminalId: 'T-TEST',
    cashier: { id: 'c1', name: 'Cajera Uno' },
    idType: customer.idType,
    identification: customer.identification,
    bills: [
      {
        billNo: bill.referencePayment,
        contractId: bill.contractId,
        amount,
        unverified: { dueDate: bill.paymentDueDate }
      }
    ],
    method: 'cash',
    tendered: amount
  })
}

function onlyItem(w: World) {
  const [item] = w.outbox.list()[0]?.items ?? []
  if (!item) throw new Error('no outbox item')
  return item
}

describe('a bill paid offline from its barcode alone', () => {
  it('is registered once, under Tigo bill number, when it is that customer bill for that amount', async () => {
    const [{ plan, bill }] = twoScans(41)
    const counter = { register: 0 }
    const w = suite.world({ wrapClient: countingClient(counter) })
    const receipt = takeScanned(w, bill, plan)
    expect(receipt.bills[0]?.unverified).toBe(true)
    expect(receipt.pending).toBe(true)

    await drainToQuiescence(w)

    const item = onlyItem(w)
    expect(item.state).toBe('registered')
    expect(item.unverified).toBe(false)
    expect(item.billNo).toBe(bill.billNo)
    expect(counter.register).toBe(1)
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
    expect(w.outbox.attempts(item.id).map((a) => a.outcome)).toContain('verified')
  })

  it('goes to a supervisor, never to Tigo, when the bill is another customer', async () => {
    const [{ bill }, { plan: other }] = twoScans(42)
    const counter = { register: 0 }
    const w = suite.world({ wrapClient: countingClient(counter) })
    takeScanned(w, bill, other)

    await drainToQuiescence(w)

    const item = onlyItem(w)
    expect(item.state).toBe('rejected')
    expect(item.rejectedReason).toMatch(/^bill_unverified_customer/)
    expect(w.outbox.list()[0]?.supervisorFlaggedAt).not.toBeNull()
    expect(counter.register).toBe(0)
    expect(sim.registrationsByBill()[bill.billNo]).toBeUndefined()
    expect(sim.ledger()).toHaveLength(0)
  })

  it('goes to a supervisor, never to Tigo, when the amount is not the bill amount', async () => {
    const [{ plan, bill }] = twoScans(43)
    const counter = { register: 0 }
    const w = suite.world({ wrapClient: countingClient(counter) })
    takeScanned(w, bill, plan, bill.amount + 1_000)

    await drainToQuiescence(w)

    const item = onlyItem(w)
    expect(item.state).toBe('rejected')
    expect(item.rejectedReason).toMatch(/^bill_unverified_amount/)
    expect(w.outbox.list()[0]?.supervisorFlaggedAt).not.toBeNull()
    expect(counter.register).toBe(0)
    expect(sim.ledger()).toHaveLength(0)
  })

  it('goes to a supervisor, never to Tigo, when the bill was paid elsewhere while the till was offline', async () => {
    const [{ plan, bill }] = twoScans(45)
    const counter = { register: 0 }
    const w = suite.world({ wrapClient: countingClient(counter) })
    takeScanned(w, bill, plan)
    // Paid at another point of payment before this till came back online.
    const idType = parseIdType(plan.idType)
    if (!idType) throw new Error(`unknown id type ${plan.idType}`)
    await w.client.registerPayment(idType, plan.identification, {
      intent: 'sale',
      billsCollection: [
        { billNo: bill.billNo, contractId: bill.contractId, billAmount: String(bill.amount) }
      ]
    })

    await drainToQuiescence(w)

    const item = onlyItem(w)
    expect(item.state).toBe('rejected')
    expect(item.rejectedReason).toMatch(/^bill_unverified_paid/)
    expect(w.outbox.list()[0]?.supervisorFlaggedAt).not.toBeNull()
    expect(counter.register).toBe(0)
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })

  it('waits, unsent, while the bill cannot be looked up, and is registered once it can', async () => {
    const [{ plan, bill }] = twoScans(44)
    const counter = { register: 0 }
    let lookupsFail = true
    const failingLookups = (client: SyncClient): SyncClient => ({
      ...countingClient(counter)(client),
      getBills(...args) {
        if (lookupsFail) {
          return Promise.reject(
            new TigoError({ kind: 'uncertain', endpoint: 'getBills', status: 503 })
          )
        }
        return client.getBills(...args)
      }
    })
    const w = suite.world({ wrapClient: failingLookups })
    takeScanned(w, bill, plan)

    await w.engine.requestDrain('payment')

    const waiting = onlyItem(w)
    expect(waiting.state).toBe('queued')
    expect(waiting.unverified).toBe(true)
    expect(counter.register).toBe(0)
    expect(sim.ledger()).toHaveLength(0)

    lookupsFail = false
    await drainToQuiescence(w)

    expect(onlyItem(w).state).toBe('registered')
    expect(counter.register).toBe(1)
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })

  it('goes back to the queue, not to uncertain, when the app stops while checking it', async () => {
    const [{ plan, bill }] = twoScans(46)
    const w = suite.world()
    takeScanned(w, bill, plan)
    // The lookup never answers, whatever the client's timeout says.
    const hanging: SyncClient = { ...w.client, getBills: () => new Promise(() => undefined) }
    const engine = engineOver(w, { client: hanging, stopTimeoutMs: 200 })
    engine.start()
    await waitFor(() => onlyItem(w).state === 'sending', 'the claim')

    await engine.stop()

    const item = onlyItem(w)
    expect(item.state).toBe('queued')
    expect(item.unverified).toBe(true)
    expect(sim.ledger()).toHaveLength(0)
    // Back online, it is checked and registered once like any other.
    await drainToQuiescence(w)
    expect(onlyItem(w).state).toBe('registered')
    expect(sim.registrationsByBill()[bill.billNo]).toBe(1)
  })
})
