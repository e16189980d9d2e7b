/**
 * The soak script, run small as the child process a person would run, and its one-line verdict
 * parsed: the numbers come from the simulator's ledger and the database, not from the engine.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(__dirname, '../../..')
const LINE =
  /^payments: (\d+), registered once: (\d+), duplicates: (\d+), lost: (\d+), uncertain left: (\d+)$/

function runSoak(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/soak.ts', ...args], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('soak script', () => {
  it('registers 60 payments exactly once through switching faults', async () => {
    const result = await runSoak(['--payments', '60', '--fault-rate', '0.2', '--seed', '11'])

    const lines = result.stdout.trim().split('\n')
    expect(lines, result.stderr).toHaveLength(1)
    const match = LINE.exec(lines[0]!)
    expect(match, lines[0]).not.toBeNull()
    const [, payments, once, duplicates, lost, uncertain] = match!.map(Number)
    expect({ payments, once, duplicates, lost, uncertain }).toEqual({
      payments: 60,
      once: 60,
      duplicates: 0,
      lost: 0,
      uncertain: 0
    })
    expect(result.code).toBe(0)
  })
})
