/**
 * The offline per-payment cap right after Tigo goes down: the sync engine has sent nothing yet, so
 * it still believes Tigo is there, but the payment's own bill fetch was refused. That refusal is
 * what counts: the payment is held to the offline cap and the status bar shows offline.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BillListView, PaymentReceipt, SyncStatus } from '@shared/ipc/views'
import { refuseConnections, registration, useAppTest, valueOf } from './fixtures'

const app = useAppTest(2, { syncEngine: true })
const statuses: SyncStatus[] = []

beforeAll(async () => {
  // Every sample is over this cap.
  app.services.settings.update({ caps: { maxPaymentAmount: 1_000 } })
  app.services.events.subscribe((event, payload) => {
    if (event === 'sync:status') statuses.push(payload as SyncStatus)
  })
  await app.signIn('cashier')
  await app.openShift()
  for (const sample of app.samples) await app.cacheLookups(sample)
})

afterAll(async () => {
  await refuseConnections(app.sim, false)
})

describe('offline cap right after Tigo goes down', () => {
  it('takes an over-cap payment while Tigo answers', async () => {
    const receipt = valueOf<PaymentReceipt>(
      await app.services.dispatch('payments:register', registration(app.samples[0]!))
    )
    expect(receipt.total).toBe(app.samples[0]!.amount)
  })

  it('refuses it with over_offline_cap once the fresh bill fetch is refused', async () => {
    await refuseConnections(app.sim, true)
    // The engine has not tried to send since: it still believes Tigo is there.
    expect(app.services.sync?.isOnline()).toBe(true)
    statuses.length = 0

    expect(
      await app.services.dispatch('payments:register', registration(app.samples[1]!))
    ).toMatchObject({ ok: false, error: { code: 'over_offline_cap' } })
    expect(app.services.outbox.activeItemForBill(app.samples[1]!.billNo)).toBeUndefined()
    expect(app.services.syncStatus().online).toBe(false)
    expect(statuses.some((status) => !status.online)).toBe(true)
  })

  it('goes back online at the next answer from Tigo', async () => {
    await refuseConnections(app.sim, false)
    const bills = valueOf<BillListView>(
      await app.services.dispatch('bills:list', { contractId: app.samples[1]!.contractId })
    )
    expect(bills.source).toBe('live')
    expect(app.services.syncStatus().online).toBe(true)
  })
})
