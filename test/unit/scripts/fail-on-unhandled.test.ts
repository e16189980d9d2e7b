import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { UNHANDLED_EXIT_CODE } from '@scripts/lib/fail-on-unhandled'

const ROOT = path.resolve(__dirname, '../../..')

describe('failOnUnhandledRejection', () => {
  it('says BUG on stderr and exits non-zero instead of carrying on', () => {
    const script = [
      "const { failOnUnhandledRejection } = require('./scripts/lib/fail-on-unhandled.ts')",
      "failOnUnhandledRejection('probe')",
      "void Promise.reject(new Error('nobody listens'))",
      "setTimeout(() => console.log('still running'), 1000)"
    ].join('\n')
    const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000
    })
    expect(result.status).toBe(UNHANDLED_EXIT_CODE)
    expect(result.stderr).toContain(
      '[probe] BUG: unhandled promise rejection: Error: nobody listens'
    )
    expect(result.stdout).not.toContain('still running')
  })
})
