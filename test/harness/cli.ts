/**
 * `npm run harness`: the cashier app in a plain browser. Env: PORT (default 0 = any),
 * CASHIER_DATA_DIR (default a temp dir), TIGO_* to use a real API instead of the simulator.
 */
import { startHarness } from './server'

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0)
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new Error(`invalid PORT ${process.env.PORT}`)
  const dataDir = process.env.CASHIER_DATA_DIR?.trim() || undefined
  const harness = await startHarness({ port, env: process.env, ...(dataDir ? { dataDir } : {}) })
  console.log(`Cashier harness at ${harness.url}`)
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
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error('harness failed to start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
