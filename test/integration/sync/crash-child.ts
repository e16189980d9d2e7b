/**
 * The process the crash test kills. It opens the payment database, starts the real sync engine
 * (which first recovers whatever the previous, killed, process left in `sending`), takes a burst
 * of payments and drains, until SIGKILL arrives.
 *
 * Prints `READY` once the engine started, and `ACK <paymentId>` only AFTER registerPayment
 * returned, i.e. after the payment's transaction committed with synchronous=FULL: every id it
 * printed must be in the database after the kill.
 *
 * argv: <dbDir> <baseUrl> <tokenUrl> <plansJsonFile> <cycle> <burst>
 */
import fs from 'node:fs'
import { isAppError } from '@shared/errors'
import { openWorld, type PlannedPayment } from '@scripts/lib/sync-world'

async function main(): Promise<void> {
  const [dir, baseUrl, tokenUrl, plansFile, cycleArg, burstArg] = process.argv.slice(2)
  if (!dir || !baseUrl || !tokenUrl || !plansFile) {
    throw new Error('usage: crash-child <dir> <baseUrl> <tokenUrl> <plans.json> <cycle> <burst>')
  }
  const cycle = Number(cycleArg)
  const burst = Number(burstArg)
  const plans = JSON.parse(fs.readFileSync(plansFile, 'utf8')) as PlannedPayment[]
  const mine = plans.slice(cycle * burst, (cycle + 1) * burst)

  const world = openWorld({
    sim: { baseUrl, tokenUrl },
    dir,
    timeoutMs: 250,
    // Longer than the client timeout and the injected latency (see the crash test).
    settings: { reconcileDelayMs: 400, drainIntervalMs: 200 }
  })
  world.engine.start()
  process.stdout.write('READY\n')
  for (const plan of mine) {
    try {
      await world.warmCache([plan])
    } catch {
      // The network is faulty on purpose; a bill that cannot be looked up is not taken.
      continue
    }
    try {
      const receipt = world.take(plan)
      process.stdout.write(`ACK ${receipt.id}\n`)
    } catch (error) {
      // An earlier, killed, cycle may have taken the same bill before printing its ACK.
      if (!isAppError(error)) throw error
      continue
    }
    void world.engine.requestDrain('payment')
  }
  process.stdout.write('TAKEN\n')
  // Keep draining until killed.
  setInterval(() => void world.engine.requestDrain('timer'), 100)
}

main().catch((error: unknown) => {
  process.stderr.write(`crash-child failed: ${String(error)}\n`)
  process.exit(2)
})
