/**
 * Where the Tigo API is and how to talk to it: stored settings, overridden by environment
 * variables. The client secret is returned apart from the settings object so that the object
 * can be shown, saved and sent to the renderer without ever carrying it.
 */
import { AppError } from '@shared/errors'
import type { ApiIdTypeStyle } from '@shared/domain/identification'
import { DEMO_CLIENT_ID, DEMO_CLIENT_SECRET } from '@simulator/server'

export interface ApiSettings {
  /** Empty when no API is configured: the app then runs the embedded simulator. */
  baseUrl: string
  tokenUrl: string
  clientId: string
  timeoutMs: number
  idTypeStyle: ApiIdTypeStyle
}

export interface ResolvedApiSettings {
  settings: ApiSettings
  /** From `TIGO_CLIENT_SECRET`, when set; otherwise the caller reads its encrypted store. */
  clientSecret?: string
  usesSimulator: boolean
}

export type ApiEnv = Readonly<Record<string, string | undefined>>

export const DEFAULT_TIMEOUT_MS = 10_000
const MIN_TIMEOUT_MS = 1_000
const MAX_TIMEOUT_MS = 120_000
/** Tigo's Apigee token path, relative to the API host (see the seed's security section). */
const TOKEN_PATH = '/oauth/client_credential/accesstoken?grant_type=client_credentials'

/** The embedded simulator's demo client; real credentials never have a default. */
export const SIMULATOR_CREDENTIALS = Object.freeze({
  clientId: DEMO_CLIENT_ID,
  clientSecret: DEMO_CLIENT_SECRET
})

function pick(...values: (string | undefined)[]): string {
  for (const value of values) {
    const trimmed = value?.trim()
    if (trimmed) return trimmed
  }
  return ''
}

/** Accepts only plain http(s) URLs without embedded user:password. */
export function checkApiUrl(value: string, field: 'API' | 'token'): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new AppError('settings_invalid_url', { field }, `invalid ${field} URL`)
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) {
    throw new AppError('settings_invalid_url', { field }, `invalid ${field} URL`)
  }
  return value
}

function timeoutOf(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_TIMEOUT_MS
  return Math.min(MAX_TIMEOUT_MS, Math.max(MIN_TIMEOUT_MS, Math.round(value)))
}

export function resolveApiSettings(
  stored: Partial<ApiSettings>,
  env: ApiEnv = process.env
): ResolvedApiSettings {
  const baseUrl = pick(env.TIGO_API_BASE_URL, stored.baseUrl).replace(/\/+$/, '')
  const usesSimulator = baseUrl === ''
  let tokenUrl = ''
  if (!usesSimulator) {
    checkApiUrl(baseUrl, 'API')
    tokenUrl =
      pick(env.TIGO_TOKEN_URL, stored.tokenUrl) || `${new URL(baseUrl).origin}${TOKEN_PATH}`
    checkApiUrl(tokenUrl, 'token')
  }
  const settings: ApiSettings = {
    baseUrl,
    tokenUrl,
    clientId: pick(env.TIGO_CLIENT_ID, stored.clientId),
    timeoutMs: timeoutOf(stored.timeoutMs),
    idTypeStyle: stored.idTypeStyle === 'dian' ? 'dian' : 'letters'
  }
  const clientSecret = pick(env.TIGO_CLIENT_SECRET)
  return { settings, usesSimulator, ...(clientSecret ? { clientSecret } : {}) }
}

/** The settings to use once the embedded simulator is listening. */
export function simulatorApiSettings(
  settings: ApiSettings,
  simulator: { baseUrl: string; tokenUrl: string }
): ApiSettings {
  return {
    ...settings,
    baseUrl: simulator.baseUrl,
    tokenUrl: simulator.tokenUrl,
    clientId: SIMULATOR_CREDENTIALS.clientId
  }
}
