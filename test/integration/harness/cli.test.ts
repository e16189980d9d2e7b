import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS } from '../../harness/server'

describe('npm run harness (cli.ts)', () => {
  it('prints its URL, then the demo users on the next line, and stops on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0' }
    // The embedded simulator and the default demo users, whatever the calling shell has set.
    for (const name of Object.keys(env)) {
      if (name.startsWith('TIGO_') || name === 'CAJA_DEMO_USERS' || name === 'CASHIER_DATA_DIR') {
        delete env[name]
      }
    }
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/cli.ts'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit']
    })
    try {
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
      let line = ''
      while (!line.startsWith('Cashier harness at ')) {
        const next = await lines.next()
        if (next.done) throw new Error('the harness exited before printing its URL')
        line = String(next.value)
      }
      expect(line).toMatch(/^Cashier harness at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/)
      expect(String((await lines.next()).value)).toBe(DEMO_CREDENTIALS)
      child.kill('SIGTERM')
      const [code] = (await once(child, 'exit')) as [number | null]
      expect(code).toBe(0)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  })
})
