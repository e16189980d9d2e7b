/**
 * The embedded Tigo Billing v2 simulator: the app's default API and the outbox engine's test bed.
 * Built on node:http because fault injection needs the socket (drop it before processing or after
 * committing) and the listener (really close it so clients get ECONNREFUSED).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createBillingState } from './billing-state'
import type { Route } from './context'
import { bogotaDate } from './dates'
import { buildDataset, type Dataset } from './dataset'
import {
  BILLING_PREFIX,
  createFaults,
  type Faults,
  type FaultsPatch,
  type SimProfile
} from './faults'
import {
  errorReply,
  matchPath,
  notAuthorized,
  readBody,
  send,
  type Reply,
  type RouteRequest
} from './http-util'
import { createLedger, type LedgerEntry } from './ledger'
import { createListener, type Listener } from './listener'
import { adminRoutes, type AdminContext } from './routes/admin'
import { billRoutes } from './routes/bills'
import { CONTRACTS_PAGING, customerRoutes } from './routes/customers'
import { paymentRoutes } from './routes/payments'
import { bearerToken, issueToken, TOKEN_PATH } from './routes/tokens'
import { createTokenStore } from './token-store'

export type { Faults, FaultsPatch, SimProfile } from './faults'
export { NO_FAULTS, NO_NETWORK_FAULTS, SIM_PROFILES, isSimProfile } from './faults'
export type { LedgerEntry } from './ledger'
export type { Dataset } from './dataset'
export { CONTRACTS_PAGING } from './routes/customers'

export const DEMO_CLIENT_ID = 'caja-demo'
export const DEMO_CLIENT_SECRET = 'caja-demo-secret'
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 172_799

export interface SimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number
  host?: string
  /** A second listener serving only `/__admin/*`; it stays up while the API refuses connections. */
  adminPort?: number
  tokenLifetimeSeconds?: number
  /** Dataset seed (default 1). */
  seed?: number
  /** ISO date the dataset is built around (default: today in Bogotá). */
  today?: string
  /** Seed of the fault PRNG (default 1). */
  faultSeed?: number
  clientId?: string
  clientSecret?: string
  /** Epoch ms; drives token expiry, payment days and ledger timestamps. */
  clock?: () => number
  /** How the API books and answers payments (faults.ts); `reset()` keeps it. Default `default`. */
  profile?: SimProfile
}

export interface SimulatorHandle {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** `url + '/v2/tigo/b2b/co/billing'` */
  baseUrl: string
  tokenUrl: string
  /** Where `/__admin/*` is served: the admin listener when `adminPort` is set, else `url`. */
  adminUrl: string
  /** `reg_ini` is a 1-based page index, `num_reg` a page size (default 50). */
  paging: typeof CONTRACTS_PAGING
  setFaults(patch: FaultsPatch): Faults
  /** Resolves once a refuse/restore of the API listener (from setFaults or reset) has finished. */
  settled(): Promise<void>
  reset(): void
  ledger(): LedgerEntry[]
  registrationsByBill(): Record<string, number>
  stats(): { tokenRequests: number; apiRequests: number }
  readonly dataset: Dataset
  close(): Promise<void>
}

const BILLING_ROUTES: Route[] = [...customerRoutes, ...billRoutes, ...paymentRoutes]

/** A clock that starts at 10:00 in Bogotá on `today` and ticks with the real one. */
function clockFrom(today: string): () => number {
  const start = Date.parse(`${today}T10:00:00-05:00`)
  if (Number.isNaN(start)) throw new Error(`today must be an ISO date, got ${today}`)
  const origin = Date.now()
  return () => start + (Date.now() - origin)
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const host = options.host ?? '127.0.0.1'
  // One day for the data and the clock: a fixed `today` also moves the clock that dates payments
  // and expires tokens, and a given clock decides the dataset's day.
  const clock = options.clock ?? (options.today ? clockFrom(options.today) : Date.now)
  const dataset = buildDataset({
    seed: options.seed ?? 1,
    today: options.today ?? bogotaDate(clock())
  })
  const stats = { tokenRequests: 0, apiRequests: 0 }
  let transition: Promise<void> = Promise.resolve()
  const enqueue = (step: () => Promise<void>): void => {
    transition = transition.then(step, step)
  }

  const tokens = createTokenStore(
    options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    clock
  )
  const api: Listener = createListener(
    (req, res) => serve(req, res, 'api'),
    host,
    options.port ?? 0
  )
  const faults = createFaults(
    options.faultSeed ?? 1,
    {
      onExpireTokens: () => tokens.expireAll(),
      onRefuseConnections(refuse) {
        if (refuse && api.isListening()) {
          // Close right now, not on a later tick: the very next connect must be refused.
          const closed = api.stop()
          enqueue(() => closed)
        } else enqueue(refuse ? () => api.stop() : () => api.start())
      }
    },
    options.profile ?? 'default'
  )
  const ctx: AdminContext = {
    state: createBillingState(dataset),
    ledger: createLedger(),
    faults,
    tokens,
    clock,
    credentials: {
      clientId: options.clientId ?? DEMO_CLIENT_ID,
      clientSecret: options.clientSecret ?? DEMO_CLIENT_SECRET
    },
    stats,
    resetAll() {
      ctx.state.reset()
      ctx.ledger.reset()
      tokens.reset()
      faults.reset()
      stats.tokenRequests = 0
      stats.apiRequests = 0
    },
    settled: () => transition
  }

  function serve(req: IncomingMessage, res: ServerResponse, surface: 'api' | 'admin'): void {
    res.on('error', () => undefined)
    handle(req, res, surface).catch((error: unknown) => {
      console.error('[simulator] request failed', error)
      send(res, errorReply(500, 'Simulator error'))
    })
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    surface: 'api' | 'admin'
  ): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator')
    const path = url.pathname
    const body = await readBody(req)
    if (body === undefined) return send(res, errorReply(413, 'Request body too large'))
    const request = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body
    }
    if (path.startsWith('/__admin/'))
      return send(res, await dispatch(adminRoutes, '', request, (route, r) => route.handle(r, ctx)))
    if (surface === 'admin')
      return send(res, errorReply(404, 'The admin port serves only /__admin/*'))

    if (path === TOKEN_PATH) stats.tokenRequests++
    else if (path.startsWith(`${BILLING_PREFIX}/`)) stats.apiRequests++
    if (!faults.appliesTo(path)) return send(res, await answerApi(request))

    const { latencyMs } = faults.current()
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    if (faults.roll(faults.current().dropBeforeProcessingRate)) return void req.socket.destroy()
    if (faults.roll(faults.current().serverErrorRate)) {
      const injected = faults.serverError()
      return send(
        res,
        errorReply(injected.status, 'Service temporarily unavailable', injected.headers)
      )
    }
    const reply = await answerApi(request)
    if (faults.roll(faults.current().dropAfterCommitRate)) return void req.socket.destroy()
    if (faults.roll(faults.current().errorAfterCommitRate)) {
      return send(res, errorReply(503, 'Service temporarily unavailable'))
    }
    if (faults.roll(faults.current().stallAfterCommitRate)) {
      // Committed; the headers are sent and the body never ends (closed with the listener).
      const status = faults.current().stallStatus
      res.writeHead(status, { 'Content-Type': 'application/json' })
      res.write(status < 300 ? '{"' : '{"code":"503","message":"Service')
      return
    }
    send(res, reply)
  }

  function answerApi(request: Omit<RouteRequest, 'params'>): Reply | Promise<Reply> {
    if (request.path === TOKEN_PATH) {
      if (request.method !== 'POST') return errorReply(405, 'Use POST', { Allow: 'POST' })
      return issueToken({ ...request, params: {} }, ctx)
    }
    if (!request.path.startsWith(`${BILLING_PREFIX}/`)) return errorReply(404, 'Unknown resource')
    return dispatch(BILLING_ROUTES, BILLING_PREFIX, request, (route, r) => {
      const token = bearerToken(r.headers.authorization)
      if (!token || !tokens.isValid(token)) return notAuthorized()
      return route.handle(r, ctx)
    })
  }

  await api.start()
  let admin: Listener | undefined
  if (options.adminPort !== undefined) {
    admin = createListener((req, res) => serve(req, res, 'admin'), host, options.adminPort)
    await admin.start()
  }
  const url = `http://${host}:${api.port()}`
  return {
    url,
    baseUrl: `${url}${BILLING_PREFIX}`,
    tokenUrl: `${url}${TOKEN_PATH}?grant_type=client_credentials`,
    adminUrl: admin ? `http://${host}:${admin.port()}` : url,
    paging: CONTRACTS_PAGING,
    setFaults: (patch) => faults.set(patch),
    settled: () => transition,
    reset: () => ctx.resetAll(),
    ledger: () => ctx.ledger.entries(),
    registrationsByBill: () => ctx.ledger.registrationsByBill(),
    stats: () => ({ ...stats }),
    dataset,
    async close() {
      await transition
      await Promise.all([api.stop(), admin?.stop()])
    }
  }
}

/** Finds the route for a path: unknown path → 404, known path with another method → 405. */
async function dispatch<R extends { method: string; pattern: string }>(
  routes: readonly R[],
  prefix: string,
  request: Omit<RouteRequest, 'params'>,
  run: (route: R, request: RouteRequest) => Reply | Promise<Reply>
): Promise<Reply> {
  const relative = request.path.slice(prefix.length)
  const allowed: string[] = []
  for (const route of routes) {
    const raw = matchPath(route.pattern, relative)
    if (!raw) continue
    if (route.method !== request.method) {
      allowed.push(route.method)
      continue
    }
    const params: Record<string, string> = {}
    try {
      for (const [name, value] of Object.entries(raw)) params[name] = decodeURIComponent(value)
    } catch {
      return errorReply(400, 'Malformed path encoding')
    }
    return run(route, { ...request, params })
  }
  if (allowed.length > 0)
    return errorReply(405, `Method ${request.method} not allowed`, { Allow: allowed.join(', ') })
  return errorReply(404, 'Unknown resource')
}
