/**
 * The Tigo client the rest of main holds on to. It stays the same object while the settings
 * behind it change: each call goes to a client built for the current API settings (rebuilt when
 * they change), and when no API is configured, to the embedded simulator, started on first use.
 */
import type { TigoClient } from './client'
import { createTigoClient } from './client'
import { CREDENTIALS_MISSING, TigoError } from './errors'
import type { ApiEnv, ApiSettings, ResolvedApiSettings } from './settings'
import { resolveApiSettings, SIMULATOR_CREDENTIALS, simulatorApiSettings } from './settings'
import { createTokenProvider } from './token'
import type { ClientSecretStore } from '@main/secrets/secret-store'
import type { StoredSettings } from '@main/settings/settings-store'

/** What we need of the embedded simulator (electron/simulator/server.ts). */
export interface EmbeddedApi {
  baseUrl: string
  tokenUrl: string
  close(): Promise<void>
}

export interface ApiConnectionOptions {
  settings: () => StoredSettings
  env: ApiEnv
  secrets: ClientSecretStore
  startSimulator: () => Promise<EmbeddedApi>
  clock: () => number
  fetch?: typeof globalThis.fetch
}

export interface ApiConnection {
  readonly client: TigoClient
  /** Throws an AppError when the environment or settings name an invalid URL. */
  resolve(): ResolvedApiSettings
  usesSimulator(): boolean
  /** Starts the simulator now if it will be used (so startup fails early, not at the first call). */
  warmUp(): Promise<void>
  simulator(): EmbeddedApi | undefined
  /** Every secret in use now (for log redaction). */
  secretsInUse(): string[]
  close(): Promise<void>
}

export function createApiConnection(options: ApiConnectionOptions): ApiConnection {
  let simulator: EmbeddedApi | undefined
  let starting: Promise<EmbeddedApi> | undefined
  let built: { key: string; client: TigoClient } | undefined
  let closed = false

  function resolve(): ResolvedApiSettings {
    const stored = options.settings()
    return resolveApiSettings(
      {
        baseUrl: stored.apiBaseUrl,
        tokenUrl: stored.tokenUrl,
        clientId: stored.clientId,
        timeoutMs: stored.timeoutMs,
        idTypeStyle: stored.idTypeStyle
      },
      options.env
    )
  }

  async function ensureSimulator(): Promise<EmbeddedApi> {
    if (simulator) return simulator
    starting ??= options.startSimulator().then((handle) => {
      simulator = handle
      return handle
    })
    try {
      return await starting
    } finally {
      starting = undefined
    }
  }

  function clientSecret(resolved: ResolvedApiSettings): string {
    if (resolved.usesSimulator) return SIMULATOR_CREDENTIALS.clientSecret
    return resolved.clientSecret ?? options.secrets.getClientSecret() ?? ''
  }

  async function current(endpoint: string): Promise<TigoClient> {
    if (closed) throw new TigoError({ kind: 'not-sent', endpoint, detail: 'shutting down' })
    const resolved = resolve()
    let settings: ApiSettings = resolved.settings
    if (resolved.usesSimulator) {
      try {
        settings = simulatorApiSettings(settings, await ensureSimulator())
      } catch {
        throw new TigoError({ kind: 'not-sent', endpoint, detail: 'simulator did not start' })
      }
    } else if (clientSecret(resolved) === '' || settings.clientId === '') {
      throw new TigoError({ kind: 'not-sent', endpoint, apiCode: CREDENTIALS_MISSING })
    }
    const key = JSON.stringify(settings)
    if (built?.key !== key) {
      const fetchOption = options.fetch ? { fetch: options.fetch } : {}
      const tokens = createTokenProvider({
        tokenUrl: settings.tokenUrl,
        clientId: settings.clientId,
        // Read per token request, so a rotated secret is used without rebuilding anything.
        clientSecret: () => clientSecret(resolve()),
        clock: options.clock,
        timeoutMs: settings.timeoutMs,
        ...fetchOption
      })
      const client = createTigoClient({
        baseUrl: settings.baseUrl,
        tokens,
        timeoutMs: settings.timeoutMs,
        idTypeStyle: settings.idTypeStyle,
        clock: options.clock,
        ...fetchOption
      })
      built = { key, client }
    }
    return built.client
  }

  const client: TigoClient = {
    getContract: async (...args) => (await current('getContract')).getContract(...args),
    getCustomerContracts: async (...args) =>
      (await current('getCustomerContracts')).getCustomerContracts(...args),
    getBills: async (...args) => (await current('getBills')).getBills(...args),
    getBillPayments: async (...args) => (await current('getBillPayments')).getBillPayments(...args),
    getCharacteristics: async (...args) =>
      (await current('getCharacteristics')).getCharacteristics(...args),
    checkout: async (...args) => (await current('checkout')).checkout(...args),
    registerPayment: async (...args) => (await current('registerPayment')).registerPayment(...args),
    validateBySignature: async (...args) =>
      (await current('validateBySignature')).validateBySignature(...args),
    validateByCoupon: async (...args) =>
      (await current('validateByCoupon')).validateByCoupon(...args),
    probe: async () => {
      try {
        return await (await current('probe')).probe()
      } catch {
        return false
      }
    }
  }

  return {
    client,
    resolve,
    usesSimulator: () => resolve().usesSimulator,
    async warmUp() {
      if (resolve().usesSimulator) await ensureSimulator()
    },
    simulator: () => simulator,
    secretsInUse() {
      const resolved = resolve()
      const secret = resolved.usesSimulator ? '' : clientSecret(resolved)
      return secret ? [secret] : []
    },
    async close() {
      closed = true
      const sim = simulator ?? (starting ? await starting.catch(() => undefined) : undefined)
      simulator = undefined
      await sim?.close()
    }
  }
}
