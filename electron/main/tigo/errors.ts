/**
 * What went wrong talking to Tigo, sorted by what the caller may safely do next.
 *
 * - `not-sent`: the request never left (connection refused, DNS failure): safe to resend.
 * - `uncertain`: it may have been processed (timeout, reset after sending, 5xx): a payment
 *   must be reconciled before any resend.
 * - `rejected`: Tigo answered 4xx: it was not processed and resending the same thing won't help.
 * - `invalid-response`: a 2xx whose body the app does not understand.
 *
 * A TigoError never carries a URL, a header, the token or the client secret: only an
 * endpoint name, the HTTP status and Tigo's own error text.
 */
import type { HTTPError } from 'ky'
import { isForceRetryError, isHTTPError, isTimeoutError } from 'ky'
import { AppError, isAppError } from '@shared/errors'
import { ErrorBody, TokenErrorBody } from '@shared/api/models'
import { readBodyWithin } from './read-body'

export type TigoErrorKind = 'not-sent' | 'uncertain' | 'rejected' | 'invalid-response'

export interface TigoErrorInit {
  kind: TigoErrorKind
  endpoint: string
  status?: number
  apiMessage?: string
  /** Machine code from the error body (`error.code` or Apigee's `ErrorCode`). */
  apiCode?: string
  retryAfterMs?: number
  /** A short technical hint for logs (`ECONNREFUSED`, `timeout`, a zod path); never a URL. */
  detail?: string
}

export class TigoError extends Error {
  readonly kind: TigoErrorKind
  readonly endpoint: string
  readonly status?: number
  readonly apiMessage?: string
  readonly apiCode?: string
  readonly retryAfterMs?: number
  readonly detail?: string

  constructor(init: TigoErrorInit) {
    super(describe(init))
    this.name = 'TigoError'
    this.kind = init.kind
    this.endpoint = init.endpoint
    if (init.status !== undefined) this.status = init.status
    if (init.apiMessage !== undefined) this.apiMessage = init.apiMessage
    if (init.apiCode !== undefined) this.apiCode = init.apiCode
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs
    if (init.detail !== undefined) this.detail = init.detail
  }
}

function describe(init: TigoErrorInit): string {
  const parts = [`Tigo ${init.endpoint}: ${init.kind}`]
  if (init.status !== undefined) parts.push(`HTTP ${init.status}`)
  if (init.detail !== undefined) parts.push(init.detail)
  if (init.apiMessage !== undefined) parts.push(init.apiMessage)
  return parts.join(' - ')
}

/**
 * `apiCode` of the `not-sent` TigoError raised before a request when no client id or secret is
 * configured for a real API (tigo/api-connection.ts): a setup problem, not a network one.
 */
export const CREDENTIALS_MISSING = 'credentials_missing'

export function isTigoError(value: unknown): value is TigoError {
  return value instanceof TigoError
}

/** Connection failures that happen before a single byte of the request is written. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT'
])

const MAX_API_MESSAGE = 300

/** `Retry-After` as milliseconds from `now`: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const date = Date.parse(trimmed)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, date - now)
}

/** Removes every occurrence of the given secrets from a text that came from outside. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join('[redacted]')
  }
  return out.length > MAX_API_MESSAGE ? `${out.slice(0, MAX_API_MESSAGE)}…` : out
}

function networkCode(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined
  const cause: unknown = error.cause
  if (typeof cause !== 'object' || cause === null) return undefined
  const code = (cause as { code?: unknown }).code
  if (typeof code === 'string') return code
  // Happy-eyeballs connects to several addresses and reports them together.
  const inner = (cause as { errors?: unknown }).errors
  if (Array.isArray(inner) && inner.length > 0) {
    const codes = inner.map((e: unknown) =>
      typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined
    )
    if (codes.every((c) => typeof c === 'string' && NOT_SENT_CODES.has(c))) {
      return codes[0] as string
    }
  }
  return undefined
}

/** Tigo answered that what was asked for does not exist (a 404): an answer, not an outage. */
export function isNotFoundAtTigo(error: unknown): boolean {
  return isTigoError(error) && error.kind === 'rejected' && error.status === 404
}

/** Classifies a failure that happened before any HTTP status arrived (or while reading a body). */
export function classifyTransportError(error: unknown, endpoint: string): TigoError {
  if (isTigoError(error)) return error
  if (isTimeoutError(error))
    return new TigoError({ kind: 'uncertain', endpoint, detail: 'timeout' })
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new TigoError({ kind: 'uncertain', endpoint, detail: 'timeout' })
  }
  const code = networkCode(error)
  if (code !== undefined && NOT_SENT_CODES.has(code)) {
    return new TigoError({ kind: 'not-sent', endpoint, detail: code })
  }
  // A reset, a hang-up or anything unknown: the request may have reached Tigo.
  return new TigoError({ kind: 'uncertain', endpoint, detail: code ?? 'network error' })
}

interface ParsedErrorBody {
  message?: string
  code?: string
}

function parseErrorBody(text: string): ParsedErrorBody {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {}
  }
  const body = ErrorBody.safeParse(json)
  if (body.success && body.data.error) {
    const { message, developerMessage, code } = body.data.error
    const parts = [message, developerMessage].filter((p): p is string => !!p && p.length > 0)
    const result: ParsedErrorBody = {}
    if (parts.length > 0) result.message = parts.join(': ')
    if (code !== undefined) result.code = code
    return result
  }
  const apigee = TokenErrorBody.safeParse(json)
  if (apigee.success) {
    const result: ParsedErrorBody = {}
    if (apigee.data.Error !== undefined) result.message = apigee.data.Error
    if (apigee.data.ErrorCode !== undefined) result.code = apigee.data.ErrorCode
    return result
  }
  return {}
}

/** How an error answer's body is read: Tigo's text is a courtesy, never worth a wedge. */
export interface ErrorReading {
  /** Scrubbed from Tigo's text before it is kept. */
  secrets?: readonly string[]
  bodyTimeoutMs?: number
}

const ERROR_BODY_TIMEOUT_MS = 10_000

/** Classifies a non-2xx answer. `secrets` are scrubbed from Tigo's text before it is kept. */
export async function classifyHttpError(
  error: HTTPError,
  endpoint: string,
  now: number,
  { secrets = [], bodyTimeoutMs = ERROR_BODY_TIMEOUT_MS }: ErrorReading = {}
): Promise<TigoError> {
  const { status } = error.response
  let text = ''
  try {
    text = await readBodyWithin(error.response, bodyTimeoutMs)
  } catch {
    // The error body is a courtesy; the status decides.
  }
  const body = parseErrorBody(text)
  const init: TigoErrorInit = {
    endpoint,
    status,
    kind: status >= 500 ? 'uncertain' : status === 429 ? 'not-sent' : 'rejected'
  }
  // 408 from a proxy can come after the origin received the request.
  if (status === 408) init.kind = 'uncertain'
  if (body.message !== undefined) init.apiMessage = redact(body.message, secrets)
  if (body.code !== undefined) init.apiCode = redact(body.code, secrets)
  const retryAfterMs = parseRetryAfter(error.response.headers.get('retry-after'), now)
  if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs
  return new TigoError(init)
}

/** Any failure from a ky call, as a TigoError. */
export async function toTigoError(
  error: unknown,
  endpoint: string,
  now: number,
  reading: ErrorReading = {}
): Promise<TigoError> {
  if (isTigoError(error)) return error
  if (isHTTPError(error)) return classifyHttpError(error, endpoint, now, reading)
  // ky gives up a forced (401-refresh) retry only when the retry budget is spent.
  if (isForceRetryError(error)) {
    return new TigoError({ kind: 'rejected', endpoint, status: 401, detail: 'unauthorized' })
  }
  return classifyTransportError(error, endpoint)
}

function isBadCredentials(e: TigoError): boolean {
  return (
    e.endpoint === 'token' &&
    e.kind === 'rejected' &&
    (e.status === 401 || e.apiCode === 'invalid_client')
  )
}

/** Read-only calls: a failure there never leaves anything half done at Tigo. */
const LOOKUP_ENDPOINTS: ReadonlySet<string> = new Set([
  'getContract',
  'getCustomerContracts',
  'getBills',
  'getBillPayments',
  'getCharacteristics',
  'validateBySignature',
  'validateByCoupon'
])

/** The cashier-facing error for any failure; codes are translated by `shared/i18n`. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e
  if (!isTigoError(e)) return new AppError('internal')
  if (e.apiCode === CREDENTIALS_MISSING) {
    return new AppError('api_credentials_missing', {}, 'Faltan las credenciales de Tigo')
  }
  switch (e.kind) {
    case 'not-sent':
      if (e.status === 429) return new AppError('api_busy', {}, 'Tigo está ocupado')
      return new AppError('api_unreachable', {}, 'No hay conexión con Tigo')
    case 'uncertain':
      // A lookup changes nothing at Tigo: no "may have been processed" for it.
      if (LOOKUP_ENDPOINTS.has(e.endpoint)) {
        return new AppError('lookup_no_answer', {}, 'Tigo no respondió la consulta')
      }
      return new AppError('api_uncertain', {}, 'Tigo no confirmó la operación')
    case 'invalid-response':
      return new AppError('api_invalid_response', {}, 'Respuesta de Tigo no válida')
    case 'rejected':
      if (isBadCredentials(e))
        return new AppError('api_bad_credentials', {}, 'Credenciales rechazadas')
      if (e.status === 401 || e.status === 403) {
        return new AppError('api_unauthorized', {}, 'Tigo rechazó la autorización')
      }
      if (e.status === 404) return new AppError('api_not_found', {}, 'Tigo no encontró el recurso')
      return new AppError(
        'api_rejected',
        { message: e.apiMessage ?? `HTTP ${e.status ?? '?'}` },
        'Tigo rechazó la solicitud'
      )
  }
}
