/**
 * A supervisor's decision on an item the engine cannot settle, through the real dispatcher,
 * services and simulator: supervisor only, a note required, only for flagged uncertain items
 * (or bills rejected as paid elsewhere), and a resend only after Tigo says unpaid right now.
 */
import { describe, expect, it } from 'vitest'
import type { StoredReceipt } from '@main/store/types'
import { refuseConnections, registration, useAppTest, valueOf } from './fixtures'

const app = useAppTest(8)
const { dispatch } = app

/** One supervisor decision on several items; the result of each. */
async function decideMany(itemIds: number[], decision: string, note: string): Promise<unknown[]> {
  const answer = await dispatch('outbox:decideMany', { itemIds, decision, note })
  return valueOf<{ results: unknown[] }>(answer).results
}

/** A payment whose one bill went out and was lost: uncertain, and flagged when `flag`. */
async function lostPayment(index: number, flag: boolean): Promise<number> {
  const sample = app.samples[index]!
  await app.signIn('cashier')
  await app.openShift()
  await app.cacheLookups(sample)
  const receipt = valueOf<StoredReceipt>(await dispatch('payments:register', registration(sample)))
  const itemId = receipt.bills[0]!.itemId
  const { outbox } = app.services
  outbox.claimDue(Date.now(), 100)
  outbox.markUncertain([itemId], 'may have reached Tigo: timeout')
  if (flag)
    expect(outbox.flagForSupervisor([itemId], '5 reconciles could not decide')).toEqual([itemId])
  return itemId
}

describe('outbox:decide', () => {
  it('is for supervisors, on flagged items, with a note, and resends only what Tigo has unpaid', async () => {
    const unflagged = await lostPayment(0, false)
    const flagged = await lostPayment(1, true)
    const decide = (itemId: number, decision: string, note = 'revisado con Tigo') =>
      dispatch('outbox:decide', { itemId, decision, note })

    expect(await decide(flagged, 'resend')).toMatchObject({ ok: false })
    await app.signIn('supervisor')
    expect(await decide(flagged, 'resend', '   ')).toMatchObject({ ok: false })
    expect(await decide(unflagged, 'registered')).toMatchObject({
      ok: false,
      error: { code: 'outbox_decision_not_allowed' }
    })

    await refuseConnections(app.sim, true)
    expect(await decide(flagged, 'resend')).toMatchObject({
      ok: false,
      error: { code: 'outbox_resend_unverified' }
    })
    await refuseConnections(app.sim, false)
    expect(app.services.outbox.items([flagged])[0]?.state).toBe('uncertain')

    expect(valueOf(await decide(flagged, 'resend'))).toEqual({ state: 'queued' })
    const audit = app.services.audit.list({ action: 'outbox.supervisor_decision' })
    expect(audit).toHaveLength(1)
    expect(audit[0]?.details).toMatchObject({ decision: 'resend', note: 'revisado con Tigo' })
  })

  it('refuses to resend a flagged item whose bill Tigo has as paid; registering it is allowed', async () => {
    const itemId = await lostPayment(2, true)
    const sample = app.samples[2]!
    // The lost request did reach Tigo after all.
    const [item] = app.services.outbox.items([itemId])
    await app.services.api.client.registerPayment('NIT', sample.identification, {
      billsCollection: [
        { billNo: item!.billNo, contractId: item!.contractId, billAmount: String(item!.amount) }
      ]
    })
    await app.signIn('supervisor')
    expect(
      await dispatch('outbox:decide', { itemId, decision: 'resend', note: 'sin evidencia' })
    ).toMatchObject({ ok: false, error: { code: 'outbox_resend_bill_paid' } })
    expect(
      valueOf(
        await dispatch('outbox:decide', {
          itemId,
          decision: 'registered',
          note: 'Tigo muestra el pago del 27/11 con nuestro recibo'
        })
      )
    ).toEqual({ state: 'registered' })
  })
})

/** Our lost request did reach Tigo: the bill is registered once, the item still uncertain. */
async function landedAnyway(itemId: number, index: number): Promise<void> {
  const [item] = app.services.outbox.items([itemId])
  await app.services.api.client.registerPayment('NIT', app.samples[index]!.identification, {
    billsCollection: [
      { billNo: item!.billNo, contractId: item!.contractId, billAmount: String(item!.amount) }
    ]
  })
}

describe('outbox:retry', () => {
  it('does not queue again a rejected bill Tigo has as paid, asked live', async () => {
    app.sim.setFaults({ acceptDuplicates: true })
    const itemId = await lostPayment(3, false)
    await landedAnyway(itemId, 3)
    app.services.outbox.markRejected([itemId], 'bill_paid_elsewhere: reconciled')
    const billNo = app.services.outbox.items([itemId])[0]!.billNo
    await app.signIn('supervisor')

    expect(valueOf(await dispatch('outbox:retry', { itemIds: [itemId] }))).toEqual({
      retried: 0,
      billPaid: [itemId]
    })
    expect(app.services.outbox.items([itemId])[0]?.state).toBe('rejected')
    expect(app.sim.registrationsByBill()[billNo]).toBe(1)
    app.sim.setFaults({ acceptDuplicates: false })
  })
})

describe('outbox:decideMany', () => {
  it('settles several items with one note, each on its own, and resends only what Tigo has unpaid', async () => {
    const a = await lostPayment(4, true)
    const b = await lostPayment(5, true)
    const c = await lostPayment(6, true)
    const d = await lostPayment(7, false)
    await landedAnyway(c, 6)
    await app.signIn('cashier')
    expect(
      await dispatch('outbox:decideMany', { itemIds: [a, b], decision: 'registered', note: 'x' })
    ).toMatchObject({ ok: false })
    await app.signIn('supervisor')

    const registered = await decideMany(
      [a, d],
      'registered',
      'Tigo confirma por teléfono los pagos del lote'
    )
    expect(registered).toEqual([
      { itemId: a, state: 'registered' },
      { itemId: d, error: 'outbox_decision_not_allowed' }
    ])

    const resent = await decideMany([b, c], 'resend', 'revisado con Tigo')
    expect(resent).toEqual([
      { itemId: b, state: 'queued' },
      { itemId: c, error: 'outbox_resend_bill_paid' }
    ])
    const audit = app.services.audit
      .list({ action: 'outbox.supervisor_decision' })
      .filter((entry) => [a, b].includes((entry.details as { item: { id: number } }).item.id))
    expect(audit).toHaveLength(2)
  })
})
