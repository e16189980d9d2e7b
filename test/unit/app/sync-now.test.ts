import { describe, expect, it } from 'vitest'
import { syncHandlers } from '@main/sync/handlers'
import type { SyncStatus } from '@shared/ipc/views'

describe('sync:now', () => {
  it('answers at once with the status while the drain it asked for is wedged', async () => {
    const status = { online: true, draining: true } as SyncStatus
    let asked = 0
    const handler = syncHandlers({
      syncStatus: () => status,
      requestDrain: () => {
        asked++
        return new Promise<void>(() => undefined)
      }
    })['sync:now']
    const answer = await Promise.race([
      Promise.resolve(handler({})),
      new Promise((resolve) => setTimeout(() => resolve('no answer'), 5_000))
    ])
    expect(answer).toBe(status)
    expect(asked).toBe(1)
  })
})
