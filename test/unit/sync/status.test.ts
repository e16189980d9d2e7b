import { describe, expect, it } from 'vitest'
import { buildSyncStatus } from '@main/sync/status'

describe('sync status', () => {
  it('sums what waits and what needs a human', () => {
    const status = buildSyncStatus({
      summary: {
        states: {
          queued: { count: 2, amount: 3_000 },
          sending: { count: 1, amount: 500 },
          registered: { count: 9, amount: 90_000 },
          rejected: { count: 1, amount: 100 },
          uncertain: { count: 3, amount: 7_000 }
        },
        waiting: { count: 6, amount: 10_500 },
        oldestWaitingAgeMs: 1_000,
        flaggedPayments: 2
      },
      online: false,
      checkedAt: Date.UTC(2025, 0, 1),
      lastSyncAt: null,
      nextAttemptAt: Date.UTC(2025, 0, 1, 0, 1),
      draining: false,
      terminal: { usesSimulator: true, terminalId: 'T-9' },
      now: Date.UTC(2025, 0, 1)
    })
    expect(status).toEqual({
      online: false,
      checkedAt: '2025-01-01T00:00:00.000Z',
      counts: { queued: 2, sending: 1, registered: 9, rejected: 1, uncertain: 3 },
      sums: { queued: 3_000, sending: 500, registered: 90_000, rejected: 100, uncertain: 7_000 },
      pendingCount: 6,
      pendingSum: 10_500,
      problemCount: 6,
      flaggedCount: 2,
      nextAttemptAt: '2025-01-01T00:01:00.000Z',
      draining: false,
      usesSimulator: true,
      terminalId: 'T-9'
    })
  })
})
