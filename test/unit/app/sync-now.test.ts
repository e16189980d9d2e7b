import { describe, expect, it } from 'vitest'
import { outboxHandlers } from '../../../electron/main/app/outbox'
import type { AppContext } from '../../../electron/main/app/context'
import type { SyncStatus } from '../../../shared/ipc/views'

describe('sync:now', () => {
  it('answers at once with the status while the drain it asked for is wedged', async () => {
    const status = { online: true, draining: true } as SyncStatus
    let asked = 0
    const ctx = {
      syncStatus: () => status,
      requestDrain: () => {
        asked++
        return new Promise<void>(() => undefined)
      }
    } as unknown as AppContext
    const handler = outboxHandlers(ctx)['sync:now']!
    const answer = await Promise.race([
      Promise.resolve(handler({})),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 5_000))
    ])
    expect(answer).toBe(status)
    expect(asked).toBe(1)
  })
})
