import { describe, expect, it } from 'vitest'
import { backoffCeiling, backoffDelay, MAX_RETRY_AFTER_MS } from '@main/sync/backoff'
import {
  DEFAULT_SYNC_SETTINGS,
  minReconcileDelayMs,
  withSafeReconcileDelay
} from '@main/sync/defaults'

const policy = { baseMs: 100, capMs: 5_000 }

describe('backoff with full jitter', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([0, 1, 2, 3, 5, 6, 50].map((n) => backoffCeiling(n, policy))).toEqual([
      100, 200, 400, 800, 3_200, 5_000, 5_000
    ])
  })

  it('draws anywhere from zero to the ceiling', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0)
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400)
    expect(backoffDelay(3, policy, () => 0.999999)).toBe(799)
    expect(backoffDelay(1_000, policy, () => 0.999999)).toBeLessThanOrEqual(5_000)
  })

  it('never comes back earlier than Retry-After, even above the cap', () => {
    expect(backoffDelay(1, policy, () => 0, 1_000)).toBe(1_000)
    expect(backoffDelay(1, policy, () => 0.99, 10)).toBe(198)
    expect(backoffDelay(1, policy, () => 0, 60_000)).toBe(60_000)
  })

  it('does not let a broken Retry-After stall the till for days', () => {
    expect(backoffDelay(1, policy, () => 0, 30 * MAX_RETRY_AFTER_MS)).toBe(MAX_RETRY_AFTER_MS)
  })
})

describe('sync defaults', () => {
  it('never lets the reconcile delay fall below what the client timeout requires', () => {
    expect(DEFAULT_SYNC_SETTINGS.reconcileDelayMs).toBeGreaterThanOrEqual(
      minReconcileDelayMs(10_000)
    )
    const risky = { ...DEFAULT_SYNC_SETTINGS, reconcileDelayMs: 5_000 }
    expect(withSafeReconcileDelay(risky, 10_000).reconcileDelayMs).toBe(25_000)
    expect(withSafeReconcileDelay(DEFAULT_SYNC_SETTINGS, 10_000)).toBe(DEFAULT_SYNC_SETTINGS)
  })
})
