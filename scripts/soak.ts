/**
 * Soak: many payments through the real sync engine while the simulated network misbehaves.
 *
 *   npm run soak -- --payments 2000 --fault-rate 0.2 --seed 7 [--profile conventions]
 *
 * Starts the simulator (127.0.0.1, port 0), a temp SQLite database and the real engine; takes the
 * payments in small bursts while faults switch every phase (each fault on with probability
 * `fault-rate`, drawn from a PRNG seeded with `seed`; duplicate acceptance always on, so a blind
 * resend would be counted); then heals the network, drains to quiescence and compares the
 * simulator's ledger with the database. Progress goes to stderr; stdout gets exactly one line:
 *
 *   payments: N, registered once: N, duplicates: 0, lost: 0, uncertain left: 0
 *
 * Exit code 1 when any of those numbers is not what it must be. With `--profile <name>` the
 * simulator runs that profile (`conventions`: an API that books our payments in its own words,
 * answers one Payment, and in every phase drops answers after committing at `fault-rate` and
 * answers 503 after committing at half that) and the line ends with
 * `, needed a supervisor: N of B bills (P %)` (items rejected or flagged; also on stderr always).
 *
 * The seeded dataset holds about 1,300 unpaid bills, so a long soak runs in epochs: each epoch
 * resets the simulator (every bill unpaid again, empty ledger) and uses a fresh database; the
 * line adds the epochs up.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import {
  isSimProfile,
  startSimulator,
  type FaultsPatch,
  type SimProfile,
  type SimulatorHandle
} from '@simulator/server'
import { createRandom, type Random } from '@simulator/prng'
import { failOnUnhandledRejection } from './lib/fail-on-unhandled'
import { makeTempDir, removeDir } from './lib/temp-dir'
import {
  checkAgainstLedger,
  drainToQuiescence,
  openWorld,
  planPayments,
  type LedgerCheck
} from './lib/sync-world'

interface Options {
  payments: number
  faultRate: number
  seed: number
  perEpoch: number
  profile?: SimProfile
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { payments: 2000, faultRate: 0.2, seed: 1, perEpoch: 600 }
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]
    const value = Number(argv[i + 1])
    if (name === '--profile') {
      const profile = argv[i + 1] ?? ''
      if (!isSimProfile(profile)) throw new Error('--profile')
      options.profile = profile
    } else if (name === '--payments') options.payments = value
    else if (name === '--fault-rate') options.faultRate = value
    else if (name === '--seed') options.seed = value
    else if (name === '--per-epoch') options.perEpoch = value
    else throw new Error(`unknown argument ${String(name)}`)
    i++
  }
  if (!Number.isInteger(options.payments) || options.payments < 1) throw new Error('--payments')
  if (!(options.faultRate >= 0 && options.faultRate <= 1)) throw new Error('--fault-rate')
  if (!Number.isInteger(options.seed)) throw new Error('--seed')
  return options
}

const CLIENT_TIMEOUT_MS = 300
const SLOW_MS = 600
const BURST = 10
const PHASE_MS = 150

/** One phase of weather: each fault on with probability `rate`. */
function weather(random: Random, rate: number): FaultsPatch {
  const on = (): boolean => random.chance(rate)
  return {
    latencyMs: on() ? SLOW_MS : 0,
    serverErrorRate: on() ? rate : 0,
    dropBeforeProcessingRate: on() ? rate : 0,
    dropAfterCommitRate: on() ? rate : 0,
    refuseConnections: on() && random.chance(0.5),
    expireTokens: on()
  }
}

const GOOD: FaultsPatch = {
  latencyMs: 0,
  serverErrorRate: 0,
  dropBeforeProcessingRate: 0,
  dropAfterCommitRate: 0,
  errorAfterCommitRate: 0,
  refuseConnections: false
}

function log(message: string): void {
  process.stderr.write(`[soak] ${message}\n`)
}

async function runEpoch(
  sim: SimulatorHandle,
  epoch: number,
  count: number,
  options: Options
): Promise<LedgerCheck & { acknowledged: number; supervisor: number }> {
  sim.reset()
  await sim.settled()
  sim.setFaults({ acceptDuplicates: true })
  const dir = makeTempDir('caja-soak-')
  const seed = options.seed * 1_000 + epoch
  const random = createRandom(seed)
  const engineRandom = createRandom(seed + 7)
  const world = openWorld({
    sim,
    dir,
    timeoutMs: CLIENT_TIMEOUT_MS,
    random: () => engineRandom.next(),
    settings: { batchSize: 10, reconcileDelayMs: 1_000, probeIntervalMs: 100 }
  })
  try {
    const includeLarge = count > 250
    const plans = planPayments(sim.dataset, count, seed, { includeLarge })
    await world.warmCache(plans)
    world.engine.start()
    let acknowledged = 0
    for (let start = 0; start < plans.length; start += BURST) {
      const phase = weather(random, options.faultRate)
      // Like the independent API of issue 11: it loses answers after committing in every phase
      // (dropped, or a 503), on top of the weather.
      if (options.profile === 'conventions') {
        phase.dropAfterCommitRate = Math.max(phase.dropAfterCommitRate ?? 0, options.faultRate)
        phase.errorAfterCommitRate = options.faultRate / 2
      }
      sim.setFaults(phase)
      await sim.settled()
      for (const plan of plans.slice(start, start + BURST)) {
        world.take(plan)
        acknowledged++
        void world.engine.requestDrain('payment')
      }
      await sleep(PHASE_MS)
      if (start % (BURST * 20) === 0) {
        const waiting = world.outbox.summary(Date.now()).waiting.count
        log(`epoch ${epoch}: ${acknowledged}/${plans.length} taken, ${waiting} bills waiting`)
      }
    }
    sim.setFaults(GOOD)
    await sim.settled()
    log(`epoch ${epoch}: network healed, draining to quiescence`)
    try {
      await drainToQuiescence(world, 300_000)
    } catch (error) {
      log(String(error))
    }
    // A request the client gave up on in the last slow phase must have landed before judging.
    await sleep(SLOW_MS + 200)
    await world.engine.requestDrain('manual')
    // Bills a supervisor had to look at: rejected, or flagged as undecidable.
    const supervisor = (
      world.db
        .prepare(
          `SELECT COUNT(DISTINCT item_id) AS n FROM outbox_attempts
           WHERE to_state = 'rejected' OR outcome = 'needs_supervisor'`
        )
        .get() as { n: number }
    ).n
    const attributed = (
      world.db
        .prepare(
          `SELECT COUNT(DISTINCT item_id) AS n FROM outbox_attempts
           WHERE detail LIKE '%Tigo has the bill as paid, by a payment of ours%'`
        )
        .get() as { n: number }
    ).n
    log(
      `epoch ${epoch}: ${attributed} bills settled as ours after a lost answer, ${supervisor} for a supervisor`
    )
    return {
      ...checkAgainstLedger(world.db, sim.registrationsByBill()),
      acknowledged,
      supervisor
    }
  } finally {
    await world.close()
    removeDir(dir)
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2))
  const sim = await startSimulator({
    port: 0,
    faultSeed: options.seed,
    ...(options.profile ? { profile: options.profile } : {})
  })
  const totals = { payments: 0, registeredOnce: 0, duplicates: 0, lost: 0, uncertain: 0, acked: 0 }
  const bills = { total: 0, supervisor: 0 }
  try {
    let left = options.payments
    for (let epoch = 0; left > 0; epoch++) {
      const count = Math.min(left, options.perEpoch)
      const check = await runEpoch(sim, epoch, count, options)
      totals.payments += check.payments
      totals.registeredOnce += check.registeredOnce
      totals.duplicates += check.duplicates
      totals.lost += check.lostPayments + Math.max(0, check.acknowledged - check.payments)
      totals.uncertain += check.uncertainLeft
      totals.acked += check.acknowledged
      bills.total += check.bills
      bills.supervisor += check.supervisor
      left -= count
    }
  } finally {
    await sim.close()
  }
  const share = bills.total === 0 ? 0 : (100 * bills.supervisor) / bills.total
  const supervisor = `needed a supervisor: ${bills.supervisor} of ${bills.total} bills (${share.toFixed(1)} %)`
  log(supervisor)
  process.stdout.write(
    `payments: ${totals.payments}, registered once: ${totals.registeredOnce}, ` +
      `duplicates: ${totals.duplicates}, lost: ${totals.lost}, uncertain left: ${totals.uncertain}` +
      `${options.profile ? `, ${supervisor}` : ''}\n`
  )
  const ok =
    totals.payments === options.payments &&
    totals.acked === options.payments &&
    totals.registeredOnce === options.payments &&
    totals.duplicates === 0 &&
    totals.lost === 0 &&
    totals.uncertain === 0
  return ok ? 0 : 1
}

failOnUnhandledRejection('soak')
main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(
      `[soak] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
    )
    process.exitCode = 1
  }
)
