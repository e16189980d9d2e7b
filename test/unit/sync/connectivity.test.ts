import { describe, expect, it } from 'vitest'
import { createConnectivity } from '@main/sync/connectivity'

describe('connectivity', () => {
  it('follows the evidence of real calls and reports each change once', () => {
    const changes: boolean[] = []
    const link = createConnectivity({
      probe: () => Promise.resolve(true),
      clock: () => 1_000,
      onChange: (online) => changes.push(online)
    })
    expect(link.isOnline()).toBe(true)
    expect(link.checkedAt()).toBeNull()
    link.unreachable()
    link.unreachable()
    expect(link.isOnline()).toBe(false)
    link.reachable()
    expect(changes).toEqual([false, true])
    expect(link.checkedAt()).toBe(1_000)
  })

  it('shares one probe among concurrent checks, and a throwing probe means offline', async () => {
    let probes = 0
    let answer: (value: boolean) => void = () => undefined
    const link = createConnectivity({
      probe: () => {
        probes++
        return new Promise<boolean>((resolve) => {
          answer = resolve
        })
      },
      clock: () => 0
    })
    const both = Promise.all([link.check(), link.check()])
    answer(false)
    expect(await both).toEqual([false, false])
    expect(probes).toBe(1)
    expect(link.isOnline()).toBe(false)

    const failing = createConnectivity({
      probe: () => Promise.reject(new Error('x')),
      clock: () => 0
    })
    expect(await failing.check()).toBe(false)
  })
})
