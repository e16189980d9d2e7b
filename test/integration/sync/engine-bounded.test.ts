/**
 * A wedged request never wedges the engine: a register Tigo committed and answered with headers
 * and a body that never ends (2xx and 5xx) becomes `uncertain` within the client timeout, later
 * payments go out, and a stop does not wait on a request that never settles.
 */
import { describe, expect, it } from 'vitest'
import type { SyncClient } from '@main/sync/types'
import { engineOver, engineSuite, states, waitFor } from './engine-helpers'
import { drainToQuiescence, planPayments } from '@scripts/lib/sync-world'

const suite = engineSuite()
const { sim } = suite

function twoPlans(seed: number) {
  const [first, second] = planPayments(sim.dataset, 2, seed)
  return [first!, second!] as const
}

describe('a wedged request', () => {
  for (const stallStatus of [503, 200]) {
    it(`with a stalled ${stallStatus} body becomes uncertain, and the engine goes on`, async () => {
      const [first, second] = twoPlans(300 + stallStatus)
      const w = suite.world()
      await w.warmCache([first, second])
      w.take(first)
      sim.setFaults({ stallAfterCommitRate: 1, stallStatus, paths: 'register' })
      // Bounded by the client timeout (300 ms): this drain returns.
      await w.engine.requestDrain('payment')
      expect(new Set(states(w))).toEqual(new Set(['uncertain']))
      expect(w.engine.status().draining).toBe(false)

      sim.setFaults({ stallAfterCommitRate: 0, paths: null })
      w.take(second)
      await drainToQuiescence(w)

      expect(new Set(states(w))).toEqual(new Set(['registered']))
      const ledger = sim.registrationsByBill()
      for (const bill of [...first.bills, ...second.bills]) expect(ledger[bill.billNo]).toBe(1)
    })
  }

  it('does not hold up a stop: what was out becomes uncertain', async () => {
    const [plan] = twoPlans(310)
    const w = suite.world()
    await w.warmCache([plan])
    w.take(plan)
    // A request that never settles, whatever the client's timeout says.
    const wedged: SyncClient = { ...w.client, registerPayment: () => new Promise(() => undefined) }
    const engine = engineOver(w, { client: wedged, stopTimeoutMs: 200 })
    engine.start()
    await waitFor(() => states(w).every((state) => state === 'sending'), 'the claim')

    const stopped = await Promise.race([
      engine.stop().then(() => 'stopped'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 10_000))
    ])

    expect(stopped).toBe('stopped')
    expect(new Set(states(w))).toEqual(new Set(['uncertain']))
  })
})
