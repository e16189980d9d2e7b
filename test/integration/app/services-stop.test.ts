import { describe, expect, it } from 'vitest'
import { createServices } from '@main/services'
import type { OutboxPaymentView, PaymentReceipt } from '@shared/ipc/views'
import { FAST_HASH } from '@support/fast-hash'
import { useTempDir } from '@support/temp-dir'
import { openShift, signIn, unpaidSamples, valueOf } from './fixtures'

// Quitting while the cashier's payment is still waiting for Tigo: the services must let that
// call write before the database closes, so the payment is on disk after the restart.
const tempDir = useTempDir('caja-stop-')

describe('services stop', () => {
  it('lets a payment in flight finish writing before the database closes', async () => {
    const options = {
      dataDir: tempDir(),
      env: {},
      syncEngine: false,
      demoUsers: true,
      pinHash: FAST_HASH
    }
    const first = await createServices(options)
    await signIn(first.dispatch, 'cashier')
    await openShift(first.dispatch)
    const sim = first.simulator()!
    const [sample] = unpaidSamples(sim.dataset, 1)
    if (!sample) throw new Error('no sample')
    // payments:register re-reads the bills first; a slow answer keeps the call in flight.
    sim.setFaults({ latencyMs: 300, paths: '/bills' })

    const registering = first.dispatch('payments:register', {
      idType: 'NIT',
      identification: sample.identification,
      bills: [{ billNo: sample.billNo, contractId: sample.contractId, amount: sample.amount }],
      method: 'cash',
      tendered: sample.amount
    })
    await first.stop()
    const receipt = valueOf<PaymentReceipt>(await registering)

    const second = await createServices(options)
    try {
      await signIn(second.dispatch, 'cashier')
      expect(
        valueOf<PaymentReceipt>(await second.dispatch('payments:get', { paymentId: receipt.id }))
      ).toMatchObject({ id: receipt.id })
      const waiting = valueOf<OutboxPaymentView[]>(await second.dispatch('outbox:list', {}))
      expect(waiting.map((payment) => payment.id)).toContain(receipt.id)
    } finally {
      await second.stop()
    }
  })
})
