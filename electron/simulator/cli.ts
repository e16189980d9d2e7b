/**
 * `npm run simulator`: the Tigo simulator on its own.
 * Env: PORT (default 8787, 0 = any free port), ADMIN_PORT, TOKEN_LIFETIME_SECONDS, SIM_SEED,
 * SIM_PROFILE (`default` | `conventions`; or `--profile conventions`).
 */
import { isSimProfile, SIM_PROFILES, startSimulator, type SimProfile } from './server'

function profileOption(): SimProfile | undefined {
  const at = process.argv.indexOf('--profile')
  const raw = at >= 0 ? process.argv[at + 1] : process.env.SIM_PROFILE
  if (raw === undefined || raw === '') return undefined
  if (!isSimProfile(raw)) throw new Error(`profile must be one of ${SIM_PROFILES.join(', ')}`)
  return raw
}

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name]
  if (raw === undefined || raw === '') return undefined
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a non-negative integer, got "${raw}"`)
  return Number(raw)
}

async function main(): Promise<void> {
  const adminPort = intFromEnv('ADMIN_PORT')
  const tokenLifetimeSeconds = intFromEnv('TOKEN_LIFETIME_SECONDS')
  const seed = intFromEnv('SIM_SEED')
  const profile = profileOption()
  const simulator = await startSimulator({
    port: intFromEnv('PORT') ?? 8787,
    ...(adminPort !== undefined ? { adminPort } : {}),
    ...(tokenLifetimeSeconds !== undefined ? { tokenLifetimeSeconds } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(profile !== undefined ? { profile } : {})
  })
  console.log(`Tigo simulator listening on ${simulator.url}`)
  if (simulator.adminUrl !== simulator.url)
    console.log(`Tigo simulator admin on ${simulator.adminUrl}`)
  const stop = (): void => {
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1)
    )
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
