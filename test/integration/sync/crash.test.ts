/**
 * Power-cut test: a child process takes payments and drains while this test kills it with
 * SIGKILL at random (seeded) moments, over and over, on one database file. The simulator runs
 * here, so it outlives every kill, with latency (requests are in flight when the kill lands),
 * lost answers and duplicate acceptance on: a blind resend would show up in its ledger.
 *
 * After every kill: every payment the child acknowledged is in the database with all its bills,
 * and `PRAGMA integrity_check` is ok. At the end, on a good network, one more engine drains to
 * quiescence and each bill is in Tigo's ledger exactly once.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '@main/store/db'
import { createRandom } from '@simulator/prng'
import { startSimulator, type SimulatorHandle } from '@simulator/server'
import {
  checkAgainstLedger,
  drainToQuiescence,
  openWorld,
  planPayments,
  type PlannedPayment
} from '@scripts/lib/sync-world'
import { useTempDir } from '@support/temp-dir'

const CYCLES = 110
const BURST = 3
const SEED = 20_251
const CHILD_SOURCE = path.join(__dirname, 'crash-child.ts')
const ROOT = path.resolve(__dirname, '../../..')

interface ChildCommand {
  command: string
  args: string[]
  env: NodeJS.ProcessEnv
}

/**
 * One bundled file starts in a fraction of the time tsx needs to load every module through its
 * loader, which is what lets more than a hundred kills fit in the test. tsx is the fallback.
 */
async function childCommand(dir: string): Promise<ChildCommand> {
  try {
    const esbuild = await import('esbuild')
    const outfile = path.join(dir, 'crash-child.cjs')
    await esbuild.build({
      entryPoints: [CHILD_SOURCE],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['better-sqlite3'],
      logLevel: 'silent'
    })
    return {
      command: process.execPath,
      args: [outfile],
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }
    }
  } catch {
    return { command: process.execPath, args: ['--import', 'tsx', CHILD_SOURCE], env: process.env }
  }
}

interface CycleResult {
  acked: string[]
  exit: number | null
  stderr: string
}

function runCycle(
  child: ChildCommand,
  args: string[],
  killAfterReadyMs: number
): Promise<CycleResult> {
  return new Promise((resolve) => {
    const proc = spawn(child.command, [...child.args, ...args], {
      env: child.env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const acked: string[] = []
    let stdout = ''
    let stderr = ''
    let timer: NodeJS.Timeout | undefined
    proc.stdout.setEncoding('utf8')
    proc.stdout.on('data', (chunk: string) => {
      stdout += chunk
      let newline = stdout.indexOf('\n')
      while (newline >= 0) {
        const line = stdout.slice(0, newline)
        stdout = stdout.slice(newline + 1)
        if (line.startsWith('ACK ')) acked.push(line.slice(4))
        if (line === 'READY' && !timer) {
          timer = setTimeout(() => proc.kill('SIGKILL'), killAfterReadyMs)
        }
        newline = stdout.indexOf('\n')
      }
    })
    proc.stderr.setEncoding('utf8')
    proc.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    // A child that never gets ready must not hang the test.
    const guard = setTimeout(() => proc.kill('SIGKILL'), 15_000)
    proc.once('exit', (code) => {
      clearTimeout(timer)
      clearTimeout(guard)
      resolve({ acked, exit: code, stderr })
    })
  })
}

describe('crash: SIGKILL at random moments', () => {
  let sim: SimulatorHandle
  let dir: string
  const tempDir = useTempDir('caja-crash-')

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, faultSeed: SEED })
    dir = tempDir()
  })

  afterAll(async () => {
    await sim.close()
  })

  it(`keeps every acknowledged payment through ${CYCLES} kills and registers each bill once`, async () => {
    const plans: PlannedPayment[] = planPayments(sim.dataset, CYCLES * BURST, SEED, {
      includeLarge: true
    })
    const plansFile = path.join(dir, 'plans.json')
    fs.writeFileSync(plansFile, JSON.stringify(plans))
    // The cashier looked the bills up before the faults began (the cache persists in the db).
    const setup = openWorld({ sim, dir })
    await setup.warmCache(plans)
    await setup.close()
    const child = await childCommand(dir)
    sim.setFaults({
      acceptDuplicates: true,
      latencyMs: 40,
      dropAfterCommitRate: 0.1,
      dropBeforeProcessingRate: 0.05,
      serverErrorRate: 0.05
    })

    const random = createRandom(SEED)
    const acked: string[] = []
    let kills = 0
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const result = await runCycle(
        child,
        [dir, sim.baseUrl, sim.tokenUrl, plansFile, String(cycle), String(BURST)],
        random.int(0, 300)
      )
      expect(result.stderr).toBe('')
      expect(result.exit).toBeNull()
      kills++
      acked.push(...result.acked)

      const db = openDatabase(path.join(dir, 'caja.db'))
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
        const count = db.prepare('SELECT COUNT(*) AS n FROM outbox_items WHERE payment_id = ?')
        for (const id of result.acked) {
          const row = count.get(id) as { n: number }
          expect(row.n, `payment ${id} of cycle ${cycle} is in the database`).toBeGreaterThan(0)
        }
      } finally {
        db.close()
      }
    }
    expect(kills).toBe(CYCLES)
    expect(acked.length).toBeGreaterThan(CYCLES)

    sim.setFaults({
      latencyMs: 0,
      dropAfterCommitRate: 0,
      dropBeforeProcessingRate: 0,
      serverErrorRate: 0
    })
    // Let requests of the last killed child finish on the server before judging.
    await sleep(100)
    const world = openWorld({ sim, dir })
    try {
      world.engine.start()
      await drainToQuiescence(world, 60_000)
      const byBill = sim.registrationsByBill()
      const check = checkAgainstLedger(world.db, byBill)
      expect(check.payments).toBeGreaterThanOrEqual(acked.length)
      expect(check).toMatchObject({
        registeredOnce: check.payments,
        duplicates: 0,
        lost: 0,
        uncertainLeft: 0,
        notRegistered: 0,
        mismatched: 0
      })
      expect(Object.values(byBill).every((n) => n === 1)).toBe(true)
      // The kills did land while requests were in flight.
      const interrupted = world.db
        .prepare(`SELECT COUNT(*) AS n FROM outbox_attempts WHERE outcome = 'interrupted'`)
        .get() as { n: number }
      expect(interrupted.n).toBeGreaterThan(0)
    } finally {
      await world.close()
    }
  }, 240_000)
})
