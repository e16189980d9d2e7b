/**
 * The Tigo B2B CO Billing v2 API, one typed function per endpoint.
 *
 * Every answer is validated with the zod models before it reaches the app, and every failure
 * is a TigoError whose `kind` says whether a payment may have gone through. GETs are retried
 * a little, but not when the connection was refused (offline: the caller's cache should answer
 * at once); a POST is sent once, except the single resend after a 401 (a 401 means Tigo did
 * not process it) with a fresh token.
 */
import ky, { isHTTPError } from 'ky'
import type {
  AfterResponseHook,
  BeforeRequestHook,
  BeforeRetryHook,
  KyInstance,
  Options,
  ShouldRetryState
} from 'ky'
import type { z } from 'zod'
import {
  BillPayments,
  BillsCollection,
  CheckoutPaymentRequest,
  CheckoutPaymentResponse,
  ContractsDetails,
  PartyCharacteristics,
  RegisterPaymentResponse,
  ValidatePaymentResponse
} from '@shared/api/models'
import { AppError, isAppError } from '@shared/errors'
import { isWellFormedText } from '@shared/ipc/well-formed'
import { toApiIdType } from '@shared/domain/identification'
import type { ApiIdTypeStyle, IdType } from '@shared/domain/identification'
import { classifyTransportError, parseRetryAfter, TigoError, toTigoError } from './errors'
import { discardBody, readBodyWithin } from './read-body'
import type { TokenProvider } from './token'

export type CharacteristicField = 'role' | 'plus'

export interface TigoClient {
  getContract(contractId: string): Promise<ContractsDetails>
  getCustomerContracts(
    idType: IdType,
    identification: string,
    page?: { regIni?: number; numReg?: number }
  ): Promise<ContractsDetails>
  getBills(contractId: string, options?: { quantity?: number }): Promise<BillsCollection>
  getBillPayments(contractId: string, billNo: string): Promise<BillPayments>
  getCharacteristics(
    idType: IdType,
    identification: string,
    contractId: string,
    fields?: CharacteristicField[]
  ): Promise<PartyCharacteristics>
  checkout(
    idType: IdType,
    identification: string,
    body: CheckoutPaymentRequest
  ): Promise<CheckoutPaymentResponse>
  registerPayment(
    idType: IdType,
    identification: string,
    body: CheckoutPaymentRequest
  ): Promise<RegisterPaymentResponse>
  validateBySignature(signature: string): Promise<ValidatePaymentResponse>
  validateByCoupon(couponType: string, couponNumber: string): Promise<ValidatePaymentResponse>
  /** True when the API answers HTTP at all (even 401/404): for online detection. */
  probe(): Promise<boolean>
}

export interface TigoClientOptions {
  baseUrl: string
  tokens: TokenProvider
  fetch?: typeof globalThis.fetch
  timeoutMs?: number
  idTypeStyle?: ApiIdTypeStyle
  clock?: () => number
}

const DEFAULT_TIMEOUT_MS = 10_000
const GET_RETRY_LIMIT = 2
const BACKOFF_LIMIT_MS = 2_000

type Method = 'get' | 'post'

/** The last path segment of each payment endpoint. */
const PAYMENT_ACTIONS = { checkout: 'checkout', registerPayment: 'register' } as const

interface CallSpec<S extends z.ZodType> {
  endpoint: string
  method: Method
  path: string[]
  schema: S
  searchParams?: Record<string, string | number | undefined>
  json?: unknown
}

function bearer(token: string): string {
  return `Bearer ${token}`
}

function tokenOf(request: Request): string | undefined {
  const header = request.headers.get('authorization')
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined
}

/**
 * One URL path segment; `.` and `..` would be collapsed by URL parsing, and text that is not
 * well-formed Unicode makes `encodeURIComponent` throw a URIError, so they are refused.
 */
function segment(value: string, name: string): string {
  if (value === '' || value === '.' || value === '..' || !isWellFormedText(value)) {
    throw new AppError('invalid_input', { detail: name }, `invalid ${name}`)
  }
  return encodeURIComponent(value)
}

function searchParamsOf(params: Record<string, string | number | undefined> = {}): {
  searchParams?: Record<string, string>
} {
  const defined = Object.entries(params).filter(
    (entry): entry is [string, string | number] => entry[1] !== undefined
  )
  if (defined.length === 0) return {}
  return { searchParams: Object.fromEntries(defined.map(([k, v]) => [k, String(v)])) }
}

function schemaProblem(error: z.ZodError): string {
  const paths = error.issues.map((issue) => issue.path.join('.') || '(root)')
  return `schema: ${[...new Set(paths)].slice(0, 5).join(', ')}`
}

export function createTigoClient(options: TigoClientOptions): TigoClient {
  const { tokens } = options
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const style = options.idTypeStyle ?? 'letters'
  const clock = options.clock ?? Date.now
  const prefixUrl = options.baseUrl.replace(/\/+$/, '')

  const authorize: BeforeRequestHook = async (request) => {
    request.headers.set('authorization', bearer(await tokens.getToken()))
  }

  const api: KyInstance = ky.create({
    prefixUrl,
    timeout: timeoutMs,
    throwHttpErrors: true,
    headers: { accept: 'application/json' },
    hooks: { beforeRequest: [authorize] },
    ...(options.fetch ? { fetch: options.fetch } : {})
  })

  /** A 401 means the request was not processed: drop that token and send once more. */
  function refreshOnce(): AfterResponseHook {
    let refreshed = false
    return (request, _options, response) => {
      discardBody(response)
      if (response.status !== 401 || refreshed) return undefined
      refreshed = true
      const used = tokenOf(request)
      if (used !== undefined) tokens.invalidate(used)
      return ky.retry({ code: 'TOKEN_REFRESHED', delay: 0 })
    }
  }

  function shouldRetryGet({ error }: ShouldRetryState): boolean | undefined {
    // Token failures were already classified; retrying them only multiplies token requests.
    if (error instanceof TigoError || isAppError(error)) return false
    // Refused or unresolvable: nobody is there now, and waiting out the backoff only delays the
    // offline answer from the cache by seconds.
    if (!isHTTPError(error) && classifyTransportError(error, 'retry').kind === 'not-sent') {
      return false
    }
    if (isHTTPError(error)) {
      const wait = parseRetryAfter(error.response.headers.get('retry-after'), clock())
      // Waiting longer than a request may take is the caller's decision (it gets retryAfterMs).
      if (wait !== undefined && wait > timeoutMs) return false
    }
    return undefined
  }

  /**
   * The failed attempt's body is never read: drop it before the next attempt, or the next
   * attempt's timeout aborts the shared signal and errors that stream with nobody listening
   * (an unhandled AbortError that kills a plain Node process).
   */
  const dropFailedBody: BeforeRetryHook = ({ error }) => {
    if (isHTTPError(error)) discardBody(error.response)
  }

  function retryFor(method: Method): Options['retry'] {
    if (method === 'post') return { limit: 1, methods: [] }
    return {
      limit: GET_RETRY_LIMIT,
      methods: ['get'],
      retryOnTimeout: false,
      maxRetryAfter: timeoutMs,
      backoffLimit: BACKOFF_LIMIT_MS,
      shouldRetry: shouldRetryGet
    }
  }

  async function call<S extends z.ZodType>(spec: CallSpec<S>): Promise<z.output<S>> {
    const { endpoint } = spec
    let sentToken: string | undefined
    let text: string
    try {
      // Headers are bounded by ky's per-attempt timeout; the body by readBodyWithin.
      const response = await api(spec.path.join('/'), {
        method: spec.method,
        retry: retryFor(spec.method),
        hooks: {
          beforeRetry: [dropFailedBody],
          afterResponse: [
            refreshOnce(),
            (request, _options, response) => {
              discardBody(response)
              sentToken = tokenOf(request)
            }
          ]
        },
        ...searchParamsOf(spec.searchParams),
        ...(spec.json !== undefined ? { json: spec.json } : {})
      })
      text = await readBodyWithin(response, timeoutMs)
    } catch (error) {
      // A local problem (say, the secret store is locked) is not a network outcome.
      if (isAppError(error)) throw error
      throw await toTigoError(error, endpoint, clock(), {
        secrets: sentToken ? [sentToken] : [],
        bodyTimeoutMs: timeoutMs
      })
    }
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new TigoError({ kind: 'invalid-response', endpoint, detail: 'not JSON' })
    }
    const parsed = spec.schema.safeParse(json)
    if (!parsed.success) {
      throw new TigoError({
        kind: 'invalid-response',
        endpoint,
        detail: schemaProblem(parsed.error)
      })
    }
    return parsed.data
  }

  function customerPath(idType: IdType, identification: string): string[] {
    return [
      'customers',
      segment(toApiIdType(idType, style), 'idType'),
      segment(identification, 'identification')
    ]
  }

  function paymentBody(body: CheckoutPaymentRequest): CheckoutPaymentRequest {
    const checked = CheckoutPaymentRequest.safeParse(body)
    if (!checked.success) {
      throw new AppError('invalid_input', { detail: schemaProblem(checked.error) })
    }
    return body
  }

  /** Checkout and registration post the same checked body under the customer's payments. */
  function postPayment<S extends z.ZodType>(
    endpoint: keyof typeof PAYMENT_ACTIONS,
    schema: S,
    idType: IdType,
    identification: string,
    body: CheckoutPaymentRequest
  ): Promise<z.output<S>> {
    return call({
      endpoint,
      method: 'post',
      path: [...customerPath(idType, identification), 'payments', PAYMENT_ACTIONS[endpoint]],
      schema,
      json: paymentBody(body)
    })
  }

  return {
    getContract: async (contractId) =>
      call({
        endpoint: 'getContract',
        method: 'get',
        path: ['contracts', segment(contractId, 'contractId')],
        schema: ContractsDetails
      }),

    getCustomerContracts: async (idType, identification, page = {}) =>
      call({
        endpoint: 'getCustomerContracts',
        method: 'get',
        path: [...customerPath(idType, identification), 'contracts'],
        schema: ContractsDetails,
        searchParams: { reg_ini: page.regIni, num_reg: page.numReg }
      }),

    getBills: async (contractId, { quantity } = {}) =>
      call({
        endpoint: 'getBills',
        method: 'get',
        path: ['customers', 'contracts', segment(contractId, 'contractId'), 'bills'],
        schema: BillsCollection,
        searchParams: { quantity }
      }),

    getBillPayments: async (contractId, billNo) =>
      call({
        endpoint: 'getBillPayments',
        method: 'get',
        path: [
          'customers',
          'contracts',
          segment(contractId, 'contractId'),
          'bills',
          segment(billNo, 'billNo'),
          'payments'
        ],
        schema: BillPayments
      }),

    getCharacteristics: async (idType, identification, contractId, fields = ['role', 'plus']) => {
      if (fields.length === 0)
        throw new AppError('invalid_input', { detail: 'fields' }, 'no fields')
      return call({
        endpoint: 'getCharacteristics',
        method: 'get',
        path: [
          ...customerPath(idType, identification),
          'contracts',
          segment(contractId, 'contractId'),
          'characteristics'
        ],
        schema: PartyCharacteristics,
        searchParams: { fields: [...new Set(fields)].join(',') }
      })
    },

    checkout: async (idType, identification, body) =>
      postPayment('checkout', CheckoutPaymentResponse, idType, identification, body),

    registerPayment: async (idType, identification, body) =>
      postPayment('registerPayment', RegisterPaymentResponse, idType, identification, body),

    validateBySignature: async (signature) =>
      call({
        endpoint: 'validateBySignature',
        method: 'get',
        path: ['payments', segment(signature, 'signature'), 'validate'],
        schema: ValidatePaymentResponse
      }),

    validateByCoupon: async (couponType, couponNumber) =>
      call({
        endpoint: 'validateByCoupon',
        method: 'get',
        path: [
          'payments',
          segment(couponType, 'couponType'),
          segment(couponNumber, 'couponNumber'),
          'validate'
        ],
        schema: ValidatePaymentResponse
      }),

    probe: async () => {
      try {
        // Unauthenticated on purpose: it must not spend token requests, and a 401 still
        // proves the API is there.
        const response = await ky.get(`${prefixUrl}/`, {
          retry: 0,
          timeout: Math.min(timeoutMs, 5_000),
          throwHttpErrors: false,
          ...(options.fetch ? { fetch: options.fetch } : {})
        })
        await response.body?.cancel()
        return true
      } catch {
        return false
      }
    }
  }
}
