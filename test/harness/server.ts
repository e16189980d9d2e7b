/**
 * The browser harness: the main-process services in plain Node, the built renderer served
 * statically, and the IPC contract carried over loopback HTTP (`POST /rpc/<channel>`,
 * `GET /events` as server-sent events). The renderer cannot tell it from Electron.
 *
 * Every request must carry the per-run token: `x-harness-token` header, `?token=` (the first page
 * load and EventSource, which cannot set headers), or the cookie the first page load sets (so the
 * page's own scripts and styles load).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createServices } from '@main/services'
import type { ServiceLog, Services } from '@main/services'
import { buildCsp } from '@main/shell/security'
import type { SimulatorHandle } from '@simulator/server'
import type { ApiEnv } from '@main/tigo/settings'
import type { PinHashParams } from '@main/users/pin'
import { DEMO_CASHIER, FIRST_SUPERVISOR } from '@main/users/seed'
import { EVENTS_PATH, RPC_PATH, TOKEN_HEADER } from '@shared/ipc/http-transport'
import { serveStatic } from './static-files'

export interface HarnessOptions {
  /** 0 = any free port. */
  port?: number
  /** Default: a temp dir, removed on close. */
  dataDir?: string
  env?: ApiEnv
  /** Default: `out/renderer` under the current directory. */
  rendererDir?: string
  log?: ServiceLog
  /** Default true. */
  syncEngine?: boolean
  /** Seed the demo cashier too (`DEMO_CREDENTIALS`). Default: `CAJA_DEMO_USERS=1`. */
  demoUsers?: boolean
  /** Tests lower the scrypt cost of PINs. */
  pinHash?: PinHashParams
  /** Tests move time forward (idle lock) without waiting. Default: Date.now. */
  clock?: () => number
}

export interface Harness {
  /** `http://127.0.0.1:<port>/?token=<token>` */
  url: string
  origin: string
  token: string
  services: Services
  /** The embedded simulator, unless `TIGO_API_BASE_URL` points elsewhere. */
  simulator: SimulatorHandle | undefined
  dataDir: string
  close(): Promise<void>
}

/** What `npm run harness` prints under its URL when the demo users are on. */
export const DEMO_CREDENTIALS =
  `Demo users: cashier "${DEMO_CASHIER.name}" PIN ${DEMO_CASHIER.pin}; ` +
  `supervisor "${FIRST_SUPERVISOR.name}" PIN ${FIRST_SUPERVISOR.pin} on a new data dir ` +
  '(a new PIN is asked at first sign-in)'

const COOKIE = 'caja_harness'
// Large enough for the biggest input the contract accepts (a batch CSV of up to 20 M chars).
const MAX_BODY_BYTES = 25_000_000
/** How much of an oversized body is read (and dropped) before the connection is cut. */
const MAX_DISCARDED_BYTES = 4 * MAX_BODY_BYTES
const KEEPALIVE_MS = 15_000

function sameToken(given: string | undefined, token: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieToken(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === COOKIE) return rest.join('=')
  }
  return undefined
}

/** A body past `MAX_BODY_BYTES`: answered 413, not a reset connection. */
class BodyTooLarge extends Error {}

/**
 * The request body as text. Past the limit the rest is read and dropped, so the client, still
 * writing, gets the 413 instead of a reset; a client that goes on far past even that is cut off.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    let size = 0
    let tooLarge = declared > MAX_BODY_BYTES
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES && !tooLarge) {
        tooLarge = true
        chunks.length = 0
      }
      if (size > MAX_DISCARDED_BYTES) {
        reject(new BodyTooLarge())
        req.destroy()
        return
      }
      if (!tooLarge) chunks.push(chunk)
    })
    req.on('end', () => {
      if (tooLarge) reject(new BodyTooLarge())
      else resolveBody(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

/** `%ff` and other escapes that are not UTF-8 make decodeURIComponent throw. */
function decodePath(encoded: string): string | undefined {
  try {
    return decodeURIComponent(encoded)
  } catch {
    return undefined
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store'
  })
  res.end(JSON.stringify(body))
}

const consoleLog: ServiceLog = {
  info: (message) => console.log(`[harness] ${message}`),
  warn: (message) => console.warn(`[harness] ${message}`),
  // Never the error object itself: it may quote a request; the code and message are enough here.
  error: (message, details) =>
    console.error(
      `[harness] ${message}`,
      details instanceof Error ? `${details.name}: ${details.message}` : ''
    )
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const ownDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'caja-harness-'))
  const rendererDir = resolve(options.rendererDir ?? 'out/renderer')
  const log = options.log ?? consoleLog
  const token = randomBytes(24).toString('base64url')
  const csp = buildCsp({ devServerOrigin: undefined })

  const services = await createServices({
    dataDir,
    env: options.env ?? process.env,
    log,
    // Receipts become PDF files under <dataDir>/prints/: there is no Electron to print with.
    printer: { mode: 'pdf-file' },
    ...(options.syncEngine === false ? { syncEngine: false } : {}),
    ...(options.demoUsers !== undefined ? { demoUsers: options.demoUsers } : {}),
    ...(options.pinHash ? { pinHash: options.pinHash } : {}),
    ...(options.clock ? { clock: options.clock } : {})
  })

  const streams = new Set<ServerResponse>()
  let port = 0

  function authorized(req: IncomingMessage, url: URL): boolean {
    const header = req.headers[TOKEN_HEADER]
    return (
      sameToken(typeof header === 'string' ? header : undefined, token) ||
      sameToken(url.searchParams.get('token') ?? undefined, token) ||
      sameToken(cookieToken(req), token)
    )
  }

  /** Only our own origin: a page on another site (or a rebound DNS name) gets nothing. */
  function expectedHost(req: IncomingMessage): boolean {
    const host = req.headers.host
    return host === `127.0.0.1:${port}` || host === `localhost:${port}`
  }

  async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string) {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST only' })
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(res, 415, { error: 'application/json only' })
    }
    let input: unknown
    try {
      const text = await readBody(req)
      input = text.trim() === '' ? {} : (JSON.parse(text) as unknown)
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendJson(res, 413, { error: `body over ${MAX_BODY_BYTES} bytes` })
      }
      return sendJson(res, 400, { error: 'invalid JSON body' })
    }
    sendJson(res, 200, await services.dispatch(channel, input))
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse) {
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive'
    })
    res.write('retry: 2000\n: connected\n\n')
    streams.add(res)
    const unsubscribe = services.events.subscribe((event, payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`)
    })
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
    keepalive.unref()
    const done = () => {
      clearInterval(keepalive)
      unsubscribe()
      streams.delete(res)
    }
    req.on('close', done)
    res.on('error', done)
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (!expectedHost(req)) return sendJson(res, 403, { error: 'unexpected host' })
    if (!authorized(req, url)) return sendJson(res, 401, { error: 'token required' })

    if (url.pathname.startsWith(RPC_PATH)) {
      const channel = decodePath(url.pathname.slice(RPC_PATH.length))
      // `/rpc/%ff` is the caller's mistake, not ours.
      if (channel === undefined) return sendJson(res, 400, { error: 'malformed channel path' })
      return handleRpc(req, res, channel)
    }
    if (url.pathname === EVENTS_PATH) return handleEvents(req, res)
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return sendJson(res, 405, { error: 'GET only' })
    return serveStatic(rendererDir, url.pathname, res, {
      'content-security-policy': csp,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'set-cookie': `${COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`
    })
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error('harness request failed', error)
      if (!res.headersSent) sendJson(res, 500, { error: 'internal' })
      else res.end()
    })
  })

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject)
        resolveListen()
      })
    })
  } catch (error) {
    await services.stop()
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
    throw error
  }
  port = (server.address() as AddressInfo).port
  const origin = `http://127.0.0.1:${port}`

  let closing: Promise<void> | undefined
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    simulator: services.simulator(),
    dataDir,
    close: () =>
      (closing ??= (async () => {
        for (const stream of streams) stream.end()
        server.closeAllConnections()
        await new Promise<void>((done) => server.close(() => done()))
        await services.stop()
        if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
      })())
  }
}
