/**
 * `npm run harness`: the cashier app in a plain browser. Env: PORT (default 0 = any),
 * CASHIER_DATA_DIR (default a temp dir), TIGO_* to use a real API instead of the simulator,
 * CAJA_DEMO_USERS=0 to start without the demo cashier (on by default: this is a demo tool).
 */
import { failOnUnhandledRejection } from '@scripts/lib/fail-on-unhandled'
import { DEMO_CREDENTIALS, startHarness } from './server'

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`invalid PORT ${process.env.PORT}`)
  const dataDir = process.env.CASHIER_DATA_DIR?.trim() || undefined
  const demoUsers = process.env.CAJA_DEMO_USERS !== '0'
  const harness = await startHarness({
    port,
    env: process.env,
    demoUsers,
    ...(dataDir ? { dataDir } : {})
  })
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('harness close failed', error)
        process.exit(1)
      }
    )
  }
  // Before the URL is printed: whoever reads it may stop the harness at once.
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  console.log(`Cashier harness at ${harness.url}`)
  if (demoUsers) console.log(DEMO_CREDENTIALS)
}

failOnUnhandledRejection('harness')
main().catch((error: unknown) => {
  console.error('harness failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
