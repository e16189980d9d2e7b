/**
 * The API the services start with: the configured Tigo API, or the embedded simulator on
 * 127.0.0.1 when none is configured. Checked and started here, so a bad URL in the environment or
 * a simulator that cannot start fails the start rather than the cashier's first lookup.
 */
import { startSimulator } from '@simulator/server'
import type { SimulatorHandle } from '@simulator/server'
import type { Logger } from '@main/log'
import type { ClientSecretStore } from '@main/secrets/secret-store'
import type { SettingsStore } from '@main/settings/settings-store'
import type { Clock } from '@main/store/types'
import type { ApiEnv } from './settings'
import type { ApiConnection } from './api-connection'
import { createApiConnection } from './api-connection'

export interface ConnectApiOptions {
  settings: SettingsStore
  env: ApiEnv
  secrets: ClientSecretStore
  clock: Clock
  log: Pick<Logger, 'info'>
  /** Default: the embedded simulator on 127.0.0.1, any free port, demo credentials. */
  startSimulator?: () => Promise<SimulatorHandle>
  fetch?: typeof globalThis.fetch
}

export interface ConnectedApi {
  api: ApiConnection
  /** The embedded simulator while it runs (only when no API is configured). */
  simulator(): SimulatorHandle | undefined
}

export async function connectApi(options: ConnectApiOptions): Promise<ConnectedApi> {
  const { settings, clock } = options
  let simulator: SimulatorHandle | undefined
  const api = createApiConnection({
    settings: () => settings.get(),
    env: options.env,
    secrets: options.secrets,
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    startSimulator: async () => {
      simulator = await (options.startSimulator ?? (() => startSimulator({ port: 0, clock })))()
      options.log.info('embedded simulator started', { url: simulator.url })
      return simulator
    }
  })
  api.resolve()
  await api.warmUp()
  return { api, simulator: () => simulator }
}
