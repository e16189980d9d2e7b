/**
 * Lookups while Tigo is known to be away (issue 13): once a call got no answer, the next lookups
 * answer from the cache at once, without a request to Tigo (so without waiting for a timeout),
 * and a lookup with nothing cached says so at once. Requests are counted at the client's fetch:
 * the reachability probe (the API root) is not a lookup and is left out of the count.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { BILLING_PREFIX } from '@simulator/faults'
import type { BillListView, CustomerView } from '@shared/ipc/views'
import {
  cacheLookups,
  refuseConnections,
  signIn,
  useAppTest,
  valueOf,
  type UnpaidSample
} from './fixtures'

/** The lookup requests that reached the network, by path (probes and token calls left out). */
const lookupRequests: string[] = []

const countingFetch: typeof fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  const path = url.pathname
  if (path.startsWith(`${BILLING_PREFIX}/`) && path !== `${BILLING_PREFIX}/`) {
    lookupRequests.push(path)
  }
  return fetch(input, init)
}

// The shortest client timeout the settings allow: the latency case waits it out once.
const dataDir = mkdtempSync(join(tmpdir(), 'caja-lookups-offline-'))
writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ timeoutMs: 1_000 }))

const app = useAppTest(4, { dataDir, fetch: countingFetch })

beforeAll(async () => {
  await signIn(app.services.dispatch, 'cashier')
})

function customerOf(sample: UnpaidSample) {
  return app.services.dispatch('customers:contracts', {
    idType: sample.idType,
    identification: sample.identification
  })
}

/** Asks until a lookup of `sample` is answered live again (Tigo back), a bounded number of times. */
async function untilLive(sample: UnpaidSample): Promise<void> {
  for (let tries = 0; tries < 100; tries++) {
    const result = await customerOf(sample)
    if (result.ok && (result.value as CustomerView).source === 'live') return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error('Tigo never answered live again')
}

/**
 * With Tigo known to be away: the cached customer and bills come from the cache and an unseen
 * customer gets the offline message, all without a single lookup request.
 */
async function expectAnsweredWithoutTigo(cached: UnpaidSample, unseen: UnpaidSample) {
  const dispatch = app.services.dispatch
  const before = lookupRequests.length
  const customer = valueOf<CustomerView>(await customerOf(cached))
  expect(customer.source).toBe('cache')
  expect(customer.contracts.map((c) => c.contractId)).toContain(cached.contractId)
  const bills = valueOf<BillListView>(
    await dispatch('bills:list', { contractId: cached.contractId })
  )
  expect(bills.source).toBe('cache')
  expect(bills.bills.map((b) => b.billNo)).toContain(cached.billNo)
  expect(await customerOf(unseen)).toMatchObject({
    ok: false,
    error: { code: 'lookup_offline' }
  })
  expect(lookupRequests.slice(before)).toEqual([])
}

describe('lookups with Tigo known to be away', () => {
  it('answer from the cache without asking Tigo when its port refuses connections', async () => {
    const [cached, unseen] = app.samples as [UnpaidSample, UnpaidSample]
    await cacheLookups(app.services.dispatch, cached)
    await refuseConnections(app.sim, true)
    try {
      // The first call finds Tigo away (and is answered from the cache).
      expect(valueOf<CustomerView>(await customerOf(cached)).source).toBe('cache')
      await expectAnsweredWithoutTigo(cached, unseen)
    } finally {
      await refuseConnections(app.sim, false)
    }
    // Back: a lookup is live again, the customer never seen before included.
    await untilLive(unseen)
  })

  it('answer from the cache without waiting for a timeout once a slow Tigo has timed out', async () => {
    // Two customers the first test never looked up.
    const [cached, unseen] = app.samples.slice(2) as [UnpaidSample, UnpaidSample]
    await cacheLookups(app.services.dispatch, cached)
    app.sim.setFaults({ latencyMs: 3_000 })
    try {
      // This one waits for the client's timeout; Tigo then counts as away.
      const before = lookupRequests.length
      expect(valueOf<CustomerView>(await customerOf(cached)).source).toBe('cache')
      expect(lookupRequests.length - before).toBe(1)
      await expectAnsweredWithoutTigo(cached, unseen)
    } finally {
      app.sim.setFaults({ latencyMs: 0 })
    }
    await untilLive(cached)
  })
})
