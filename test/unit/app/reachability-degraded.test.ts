/**
 * The status bar's "Tigo con fallas": over real HTTP to a server that stalls the bodies of 2xx
 * and non-2xx answers, and for a call that hangs longer than `hangMs` whatever the client timeout.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { createReachability } from '@main/sync/reachability'
import { createTigoClient } from '@main/tigo/client'
import type { TokenProvider } from '@main/tigo/token'
import { startScriptedServer, type Script, type ScriptedServer } from '../tigo/scripted-server'

const tokens: TokenProvider = {
  getToken: () => Promise.resolve('tok'),
  invalidate: () => undefined
}
const bill = { billNo: '909501941', billAmount: '125000', billStatus: false }

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function reachabilityOver(script: Script, timeoutMs: number, hangMs = 60_000) {
  server = await startScriptedServer(script)
  const client = createTigoClient({
    baseUrl: `${server.url}/v2/tigo/b2b/co/billing/`,
    tokens,
    timeoutMs
  })
  const changes: boolean[] = []
  const reach = createReachability({
    client,
    clock: Date.now,
    probeIntervalMs: () => 60_000,
    hangMs,
    onDegradedChange: (degraded) => changes.push(degraded)
  })
  return { reach, changes }
}

describe('degraded', () => {
  for (const status of [200, 503]) {
    it(`shows Tigo failing when a ${status} answer's body stalls, and clears on the next good answer`, async () => {
      let stall = true
      const { reach, changes } = await reachabilityOver(
        () => (stall ? { stallBody: true, status } : { status: 200, body: [bill] }),
        300
      )
      await expect(reach.client.getBills('1')).rejects.toThrow()
      // A stalled 5xx is an answer (online) from a Tigo that is failing; a stalled 200 is a cut
      // answer: the status bar reads it as failing or offline, never plainly "En línea".
      expect(reach.isDegraded() || !reach.isOnline()).toBe(true)
      stall = false
      await expect(reach.client.getBills('1')).resolves.toHaveLength(1)
      expect(reach.isOnline()).toBe(true)
      expect(reach.isDegraded()).toBe(false)
      expect(changes.at(-1) ?? false).toBe(false)
      reach.stop()
    })
  }

  it('reports a hanging call before the client gives up on it', async () => {
    const { reach, changes } = await reachabilityOver(
      () => ({ stallBody: true, status: 200 }),
      30_000,
      100
    )
    const call = reach.client.getBills('1').catch(() => undefined)
    const until = Date.now() + 10_000
    while (!reach.isDegraded() && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    expect(reach.isDegraded()).toBe(true)
    expect(changes).toEqual([true])
    reach.stop()
    await server?.close()
    server = undefined
    await call
  })
})
