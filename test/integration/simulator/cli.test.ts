import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'

describe('npm run simulator (cli.ts)', () => {
  it('prints its URL, serves the API and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/simulator/cli.ts'], {
      env: { ...process.env, PORT: '0', ADMIN_PORT: '0', SIM_SEED: '3' },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
      const first = String((await lines.next()).value)
      const second = String((await lines.next()).value)
      const match = /^Tigo simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first)
      expect(match).not.toBeNull()
      expect(second).toMatch(/^Tigo simulator admin on http:\/\/127\.0\.0\.1:\d+$/)
      const response = await fetch(
        `${match![1]}/oauth/client_credential/accesstoken?grant_type=client_credentials`,
        {
          method: 'POST',
          headers: {
            authorization: `Basic ${Buffer.from('caja-demo:caja-demo-secret').toString('base64')}`
          },
          body: 'grant_type=client_credentials'
        }
      )
      expect(response.status).toBe(200)
      child.kill('SIGTERM')
      const [code] = (await once(child, 'exit')) as [number | null]
      expect(code).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
