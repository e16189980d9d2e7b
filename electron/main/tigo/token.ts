/**
 * OAuth 2.0 client_credentials tokens for the Tigo API (Apigee flavour).
 *
 * One token request at a time: every caller waiting for a token shares it. Expiry is
 * counted from the local receive time because the server clock may differ.
 */
import ky from 'ky'
import { TokenResponse } from '@shared/api/models'
import { TigoError, toTigoError } from './errors'
import { readBodyWithin } from './read-body'

export interface TokenProvider {
  /** A valid access token, fetched or refreshed when needed. */
  getToken(): Promise<string>
  /** Forgets `token` if it is still the cached one (a 401 proved it dead). */
  invalidate(token: string): void
}

export interface TokenProviderOptions {
  tokenUrl: string
  clientId: string
  /** Read at each token request so a rotated secret takes effect without a restart. */
  clientSecret: () => string
  fetch?: typeof globalThis.fetch
  clock?: () => number
  refreshMarginMs?: number
  timeoutMs?: number
}

interface CachedToken {
  token: string
  /** Local time after which the token is no longer handed out. */
  refreshAt: number
}

const ENDPOINT = 'token'
const DEFAULT_MARGIN_MS = 60_000
const DEFAULT_TIMEOUT_MS = 10_000

function basicAuth(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${clientId}:${secret}`, 'utf8').toString('base64')}`
}

export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  const clock = options.clock ?? Date.now
  const marginMs = options.refreshMarginMs ?? DEFAULT_MARGIN_MS
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  let cached: CachedToken | undefined
  let inFlight: Promise<string> | undefined

  async function requestToken(): Promise<string> {
    const secret = options.clientSecret()
    const authorization = basicAuth(options.clientId, secret)
    // Scrubbed from anything the server says back, in case it echoes the request.
    const secrets = [secret, authorization.slice('Basic '.length)]
    let text: string
    try {
      const response = await ky.post(options.tokenUrl, {
        body: new URLSearchParams({ grant_type: 'client_credentials' }),
        headers: {
          authorization,
          accept: 'application/json'
        },
        retry: 0,
        timeout: timeoutMs,
        ...(options.fetch ? { fetch: options.fetch } : {})
      })
      text = await readBodyWithin(response, timeoutMs)
    } catch (error) {
      throw await toTigoError(error, ENDPOINT, clock(), { secrets, bodyTimeoutMs: timeoutMs })
    }
    const receivedAt = clock()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new TigoError({ kind: 'invalid-response', endpoint: ENDPOINT, detail: 'not JSON' })
    }
    const parsed = TokenResponse.safeParse(json)
    if (!parsed.success) {
      const paths = parsed.error.issues.map((issue) => issue.path.join('.') || '(root)')
      throw new TigoError({
        kind: 'invalid-response',
        endpoint: ENDPOINT,
        detail: `schema: ${[...new Set(paths)].join(', ')}`
      })
    }
    const lifetimeMs = Number(parsed.data.expires_in) * 1000
    // A token shorter-lived than the margin would otherwise be refetched on every call.
    const effectiveMargin = Math.min(marginMs, lifetimeMs / 2)
    cached = {
      token: parsed.data.access_token,
      refreshAt: receivedAt + lifetimeMs - effectiveMargin
    }
    return parsed.data.access_token
  }

  return {
    getToken(): Promise<string> {
      if (cached && clock() < cached.refreshAt) return Promise.resolve(cached.token)
      if (!inFlight) {
        cached = undefined
        inFlight = requestToken().finally(() => {
          inFlight = undefined
        })
      }
      return inFlight
    },
    invalidate(token: string): void {
      if (cached?.token === token) cached = undefined
    }
  }
}
