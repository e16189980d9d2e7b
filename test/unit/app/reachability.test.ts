import { describe, expect, it } from 'vitest'
import { createReachability, failureEvidence } from '@main/sync/reachability'
import type { TigoClient } from '@main/tigo/client'
import { TigoError } from '@main/tigo/errors'

const refused = new TigoError({ kind: 'not-sent', endpoint: 'getBills', detail: 'ECONNREFUSED' })
const timedOut = new TigoError({ kind: 'uncertain', endpoint: 'getBills', detail: 'timeout' })
const serverError = new TigoError({ kind: 'uncertain', endpoint: 'getBills', status: 503 })
const notFound = new TigoError({ kind: 'rejected', endpoint: 'getBills', status: 404 })

describe('failureEvidence', () => {
  it('reads a call with no HTTP answer as unreachable and any answer as reachable', () => {
    expect(failureEvidence(refused)).toBe('unreachable')
    expect(failureEvidence(timedOut)).toBe('unreachable')
    expect(failureEvidence(serverError)).toBe('reachable')
    expect(failureEvidence(notFound)).toBe('reachable')
    expect(failureEvidence(new Error('a bug'))).toBe('none')
  })
})

describe('createReachability', () => {
  // Only getBills and probe are called here; the rest would fail the test if they were.
  function clientFailingWith(failure: { current: unknown }): TigoClient {
    const unused = () => Promise.reject(new Error('not called in this test'))
    return {
      getContract: unused,
      getCustomerContracts: unused,
      getBills: () => (failure.current ? Promise.reject(failure.current) : Promise.resolve([])),
      getBillPayments: unused,
      getCharacteristics: unused,
      checkout: unused,
      registerPayment: unused,
      validateBySignature: unused,
      validateByCoupon: unused,
      probe: () => Promise.resolve(!failure.current)
    }
  }

  it('follows every observed call and reports each change once', async () => {
    const failure: { current: unknown } = { current: undefined }
    const changes: boolean[] = []
    const reach = createReachability({
      client: clientFailingWith(failure),
      clock: () => 1_000,
      probeIntervalMs: () => 60_000,
      onChange: (online) => changes.push(online)
    })
    try {
      expect(reach.isOnline()).toBe(true)
      failure.current = refused
      await expect(reach.client.getBills('1')).rejects.toBe(refused)
      expect(reach.isOnline()).toBe(false)
      await expect(reach.client.getBills('1')).rejects.toBe(refused)
      expect(reach.checkedAt()).toBe(1_000)

      failure.current = notFound
      await expect(reach.client.getBills('1')).rejects.toBe(notFound)
      expect(reach.isOnline()).toBe(true)
      expect(changes).toEqual([false, true])
    } finally {
      reach.stop()
    }
  })

  it('ignores calls after stop', async () => {
    const failure: { current: unknown } = { current: refused }
    const reach = createReachability({
      client: clientFailingWith(failure),
      clock: () => 0,
      probeIntervalMs: () => 60_000
    })
    reach.stop()
    await expect(reach.client.getBills('1')).rejects.toBe(refused)
    expect(reach.isOnline()).toBe(true)
  })
})
