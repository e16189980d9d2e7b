/**
 * "The client secret never appears in a log, a crash report or an export": the app is used for
 * real (lookups, payments, sync, a failing token request, settings, outbox, audit, exports)
 * against a simulator that only accepts a distinctive secret, then every byte it left behind is
 * searched for that secret and for every access token Tigo issued: each file under the data dir
 * (SQLite db and WAL included, logs, settings.json, the encrypted secret, any CSV/PDF), every IPC
 * answer, the harness's HTTP answers and its server-sent events, and the console.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { format, inspect } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createLogger } from '@main/log'
import type { Logger } from '@main/log'
import { openSecretStore } from '@main/secrets/safe-storage-store'
import type { SafeStorageLike } from '@main/secrets/safe-storage-store'
import { createServices } from '@main/services'
import { clientSecretsFrom, secretsToRedact } from '@main/shell/start-services'
import type { Services } from '@main/services'
import type { SimulatorHandle } from '@simulator/server'
import { startSimulator } from '@simulator/server'
import { TOKEN_HEADER } from '@shared/ipc/http-transport'
import type { IpcResult } from '@shared/ipc/result'
import type { AttemptView, OutboxPaymentView, PaymentReceipt } from '@shared/ipc/views'
import type { Harness } from '../../harness/server'
import { startHarness } from '../../harness/server'
import type { UnpaidSample } from './fixtures'
import { FAST_HASH } from '@support/fast-hash'
import { openShift, registration as paying, signIn, unpaidSamples, valueOf } from './fixtures'

const CLIENT_ID = 'caja-leak-test'
const SECRET = `cs-LEAKCHECK-${randomBytes(8).toString('hex')}`
const WRONG_SECRET = `cs-WRONGLEAK-${randomBytes(8).toString('hex')}`

/** Everything the app said to anyone: IPC answers, HTTP bodies, SSE, console, crash output. */
const outputs: Array<{ where: string; text: string }> = []
/** Every access token the simulator handed out or the app sent. */
const tokens = new Set<string>()

let sim: SimulatorHandle
let dataDir: string
let rendererDir: string
let samples: UnpaidSample[]

// safeStorage needs the binary and a keyring: a reversible stand-in that, like the real one,
// never leaves the plaintext in what it writes.
const safeStorage: SafeStorageLike = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (text) => Buffer.from(Buffer.from(text).map((byte) => byte ^ 0xa5)),
  decryptStringAsync: async (data) => ({
    result: Buffer.from(data.map((byte) => byte ^ 0xa5)).toString(),
    shouldReEncrypt: false
  })
}

/** Records the tokens on the way out (Bearer) and in (the token endpoint's answer). */
function recordingFetch(inner: typeof globalThis.fetch): typeof globalThis.fetch {
  return async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init)
    const authorization = request.headers.get('authorization') ?? ''
    if (authorization.startsWith('Bearer ')) tokens.add(authorization.slice('Bearer '.length))
    const response = await inner(input, init)
    if (request.url.startsWith(sim.tokenUrl.split('?')[0]!)) {
      const text = await response.clone().text()
      try {
        const token = (JSON.parse(text) as { access_token?: unknown }).access_token
        if (typeof token === 'string') tokens.add(token)
      } catch {
        // An error page: nothing issued.
      }
    }
    return response
  }
}

function basic(secret: string): string {
  return Buffer.from(`${CLIENT_ID}:${secret}`).toString('base64')
}

/** The needles: both secrets (plain, URL-encoded, inside a Basic header) and every token. */
function needles(): Array<{ name: string; value: string }> {
  const list = [
    { name: 'secret', value: SECRET },
    { name: 'secret (Basic)', value: basic(SECRET) },
    { name: 'wrong secret', value: WRONG_SECRET },
    { name: 'wrong secret (Basic)', value: basic(WRONG_SECRET) }
  ]
  for (const token of tokens) list.push({ name: `token ${token.slice(0, 4)}…`, value: token })
  return list
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** Where each needle occurs, as `needle in place`. */
function leaks(): string[] {
  const found: string[] = []
  const places = [
    ...filesUnder(dataDir).map((file) => ({
      where: `file ${relative(dataDir, file)}`,
      bytes: readFileSync(file)
    })),
    ...outputs.map((output) => ({ where: output.where, bytes: Buffer.from(output.text) }))
  ]
  for (const place of places) {
    for (const needle of needles()) {
      if (
        place.bytes.includes(needle.value) ||
        place.bytes.includes(encodeURIComponent(needle.value))
      )
        found.push(`${needle.name} in ${place.where}`)
    }
  }
  return found
}

function record(where: string, value: unknown): void {
  outputs.push({ where, text: typeof value === 'string' ? value : JSON.stringify(value) })
}

/** Calls a channel and keeps its answer (ok or not) among the outputs. */
/** `sync:now` answers at once; this also waits for the drain it started. */
async function syncNow(services: Services): Promise<void> {
  await call(services, 'sync:now', {})
  await services.sync?.requestDrain('manual')
}

async function call(services: Services, channel: string, input: unknown): Promise<IpcResult> {
  const result = await services.dispatch(channel, input)
  record(`ipc ${channel}`, result)
  return result
}

function loggerFor(dir: string, secrets: () => readonly string[]): Logger {
  return createLogger({
    dir: join(dir, 'logs'),
    maxBytes: 1_000_000,
    files: 3,
    secrets,
    echo: (line) => record('log echo', line)
  })
}

/** Paid in cash, exactly. */
function registration(sample: UnpaidSample) {
  return paying(sample, { method: 'cash', tendered: sample.amount })
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'caja-leak-'))
  rendererDir = mkdtempSync(join(tmpdir(), 'caja-leak-renderer-'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Caja</title>')
  sim = await startSimulator({ port: 0, clientId: CLIENT_ID, clientSecret: SECRET })
  samples = unpaidSamples(sim.dataset, 6)
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) =>
      record(`console.${method}`, format(...args))
    )
  }
})

afterAll(async () => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  await sim?.close()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(rendererDir, { recursive: true, force: true })
})

describe('the client secret and the access tokens', () => {
  it('never leave the secret store: Electron wiring, settings:set, sync, failures, exports', async () => {
    const env = {
      TIGO_API_BASE_URL: sim.baseUrl,
      TIGO_TOKEN_URL: sim.tokenUrl,
      TIGO_CLIENT_ID: CLIENT_ID
    }
    const store = await openSecretStore({ dir: dataDir, safeStorage })
    // As electron/main/index.ts builds its logger.
    const logger = loggerFor(dataDir, () => secretsToRedact(store, env))
    const services = await createServices({
      dataDir,
      env,
      secrets: clientSecretsFrom(store),
      log: logger,
      fetch: recordingFetch(globalThis.fetch),
      pinHash: FAST_HASH,
      printer: { mode: 'pdf-file' }
    })
    services.events.subscribe((event, payload) => record(`event ${event}`, payload))
    try {
      // A supervisor may call every channel below (settings, outbox retry, audit, batch).
      await signIn(services.dispatch, 'supervisor')
      await openShift(services.dispatch)
      const [a, b, c] = samples as [UnpaidSample, UnpaidSample, UnpaidSample]
      const lookup = { idType: 'NIT', identification: a.identification }
      // No secret yet: nothing is sent at all, and the cashier is told what is missing.
      expect(await call(services, 'customers:contracts', lookup)).toMatchObject({
        ok: false,
        error: { code: 'api_credentials_missing' }
      })

      // A wrong secret: the token request fails, and neither secret shows in the answer.
      await call(services, 'settings:set', { clientSecret: WRONG_SECRET })
      const refused = await call(services, 'customers:contracts', lookup)
      expect(refused.ok).toBe(false)
      const tokenFailure = await services.api.client.getBills(a.contractId).catch((e: unknown) => e)
      // What Node prints for an unhandled rejection, and what index.ts logs for one.
      record('crash report (inspect)', inspect(tokenFailure, { depth: 10 }))
      record('crash report (stack)', String((tokenFailure as Error).stack))
      logger.error('unhandled rejection', tokenFailure)

      await call(services, 'settings:set', { clientSecret: SECRET })
      expect(await call(services, 'customers:contracts', lookup)).toMatchObject({ ok: true })
      await call(services, 'contracts:get', { contractId: a.contractId })
      await call(services, 'bills:list', { contractId: a.contractId })
      await call(services, 'bills:payments', { contractId: a.contractId, billNo: a.billNo })
      await call(services, 'bills:byBarcode', { raw: a.barcode })
      await call(services, 'customers:characteristics', { ...lookup, contractId: a.contractId })
      await call(services, 'payments:checkout', {
        ...lookup,
        bills: [{ billNo: a.billNo, contractId: a.contractId, amount: a.amount }]
      })

      // Tokens die server-side: the app fetches another (two tokens to look for).
      sim.setFaults({ expireTokens: true })
      const paid = valueOf<PaymentReceipt>(
        await call(services, 'payments:register', registration(a))
      )
      await syncNow(services)

      // A registration that fails at Tigo: its attempt is stored with the failure's detail.
      sim.setFaults({ serverErrorRate: 1, paths: 'payments/register' })
      await call(services, 'payments:register', registration(b))
      await syncNow(services)
      sim.setFaults({ serverErrorRate: 0, paths: null })

      // Offline: a payment from the cache waits in the outbox; its retry meets a wrong secret.
      await call(services, 'bills:list', { contractId: c.contractId })
      await call(services, 'customers:contracts', {
        idType: 'NIT',
        identification: c.identification
      })
      sim.setFaults({ refuseConnections: true })
      await sim.settled()
      const offline = valueOf<PaymentReceipt>(
        await call(services, 'payments:register', registration(c))
      )
      await syncNow(services)
      sim.setFaults({ refuseConnections: false, expireTokens: true })
      await sim.settled()
      await call(services, 'settings:set', { clientSecret: WRONG_SECRET })
      const offlineItems = offline.bills.map((bill) => bill.itemId)
      expect(await call(services, 'outbox:retry', { itemIds: offlineItems })).toMatchObject({
        ok: true
      })
      await syncNow(services)
      await call(services, 'settings:set', { clientSecret: SECRET })

      await call(services, 'settings:get', {})
      await call(services, 'outbox:summary', {})
      const attempts: AttemptView[] = []
      for (const payment of valueOf<OutboxPaymentView[]>(await call(services, 'outbox:list', {}))) {
        for (const item of payment.items) {
          const result = await call(services, 'outbox:attempts', { itemId: item.itemId })
          attempts.push(...valueOf<AttemptView[]>(result))
        }
      }
      // The failures were recorded with their details: 5xx, refused, and the token rejection.
      expect(attempts.some((attempt) => (attempt.httpStatus ?? 0) >= 500)).toBe(true)
      expect(attempts.some((attempt) => /token/i.test(attempt.detail))).toBe(true)
      await call(services, 'audit:list', {})
      // Exports and prints (the receipt as a real PDF file under the data dir, scanned too).
      await call(services, 'receipts:preview', { paymentId: paid.id })
      expect(await call(services, 'receipts:savePdf', { paymentId: paid.id })).toMatchObject({
        ok: true
      })
      await call(services, 'shifts:history', {})
      await call(services, 'shifts:exportCsv', { shiftId: 1 })
      await call(services, 'batch:list', {})
      await call(services, 'batch:results', { batchId: 1 })

      expect(tokens.size).toBeGreaterThanOrEqual(2)
      expect(sim.ledger().length).toBeGreaterThan(0)
      // While the database is open its WAL holds the latest writes.
      expect(leaks()).toEqual([])
    } finally {
      await services.stop()
      await store.flush() // as the quit guard does: the encrypted files are on disk too
    }
    expect(store.get('clientSecret')).toBe(SECRET)
    expect(leaks()).toEqual([])
  })

  it('never reach the harness’s HTTP answers or events, with the secret from the environment', async () => {
    vi.stubGlobal('fetch', recordingFetch(globalThis.fetch))
    const env = {
      TIGO_API_BASE_URL: sim.baseUrl,
      TIGO_TOKEN_URL: sim.tokenUrl,
      TIGO_CLIENT_ID: CLIENT_ID,
      TIGO_CLIENT_SECRET: SECRET
    }
    // The logger exists before the services it redacts for, as in electron/main/index.ts.
    const running: { harness?: Harness } = {}
    const logger = loggerFor(dataDir, () => [
      ...secretsToRedact({ knownValues: () => [] }, env),
      ...(running.harness?.services.secretsInUse() ?? [])
    ])
    const harness = await startHarness({
      port: 0,
      dataDir,
      env,
      rendererDir,
      log: logger,
      pinHash: FAST_HASH
    })
    running.harness = harness
    const origin = new URL(harness.origin)
    const http = (method: string, path: string, body?: unknown) =>
      new Promise<string>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port: origin.port,
            method,
            path,
            headers: { [TOKEN_HEADER]: harness.token, 'content-type': 'application/json' }
          },
          (res) => {
            let text = JSON.stringify(res.headers)
            res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
            res.on('end', () => {
              record(`http ${method} ${path}`, text)
              resolve(text)
            })
          }
        )
        req.on('error', reject)
        req.end(body === undefined ? undefined : JSON.stringify(body))
      })
    try {
      const events = http('GET', `/events?token=${harness.token}`)
      await http('GET', `/?token=${harness.token}`)
      const [, , , d] = samples as [UnpaidSample, UnpaidSample, UnpaidSample, UnpaidSample]
      const rpc = (channel: string, input: unknown) => http('POST', `/rpc/${channel}`, input)
      await signIn(harness.services.dispatch, 'supervisor')
      await openShift(harness.services.dispatch)
      await rpc('settings:get', {})
      await rpc('customers:contracts', { idType: 'NIT', identification: d.identification })
      await rpc('bills:list', { contractId: d.contractId })
      const paid = await rpc('payments:register', registration(d))
      expect(paid).toContain('"ok":true')
      await rpc('sync:now', {})
      await rpc('outbox:list', {})
      await rpc('outbox:summary', {})
      // Settings with a secret from the environment: still only a flag.
      const settings = await rpc('settings:set', { clientSecret: `${SECRET}-ignored` })
      expect(settings).toContain('"hasClientSecret":true')

      expect(leaks()).toEqual([])
      await harness.close()
      await events
    } finally {
      await harness.close()
      vi.unstubAllGlobals()
    }
    expect(outputs.some((output) => output.where.startsWith('http GET /events'))).toBe(true)
    expect(leaks()).toEqual([])
  })

  it('would be caught: the search finds what is there (db contents, a planted secret or token)', () => {
    // The scan reads the database: a bill number the cashier paid is in its bytes.
    const paidBill = (samples[0] as UnpaidSample).billNo
    const inDb = filesUnder(dataDir)
      .filter((file) => file.includes('caja.db'))
      .some((file) => readFileSync(file).includes(paidBill))
    expect(inDb).toBe(true)
    expect(filesUnder(dataDir).some((file) => file.includes(join('logs', 'caja')))).toBe(true)

    const planted = join(dataDir, 'exports', 'planted.csv')
    mkdirSync(join(dataDir, 'exports'), { recursive: true })
    writeFileSync(planted, `billNo;secret\n1;${encodeURIComponent(SECRET)}\n`)
    expect(leaks()).toEqual(['secret in file exports/planted.csv'])
    const [token] = tokens
    writeFileSync(planted, `Authorization: Bearer ${token}`)
    expect(leaks()).toEqual([expect.stringMatching(/^token .* in file exports\/planted\.csv$/)])
    rmSync(planted)
    record('planted output', `{"basic":"${basic(WRONG_SECRET)}"}`)
    expect(leaks()).toEqual(['wrong secret (Basic) in planted output'])
    outputs.pop()
    expect(leaks()).toEqual([])
  })
})
