/**
 * Builds every service of the main process with its dependencies passed in, so the Electron app,
 * the browser harness and the tests all run the same wiring against their own data dir.
 * `startServices` (start-services.ts) adds the Electron-only parts: the secret store and `ipcMain`.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { SyncStatus } from '@shared/ipc/views'
import type { SimulatorHandle } from '@simulator/server'
import { createAppHandlers } from './app'
import type { ApiConnection } from './tigo/api-connection'
import { currentApiIdentity, withApiIdentity } from './tigo/api-identity'
import { connectApi } from './tigo/connect-api'
import type { AppContext } from './app/context'
import { createShiftAccess } from './shifts/shift-access'
import { createTillSync } from './sync/till-sync'
import type { BatchService } from './batch/batch-service'
import { createBatchService } from './batch/batch-service'
import type { Authorize, Dispatch, EventBus, Handlers } from './ipc'
import { createDispatcher, createEventBus } from './ipc'
import type { Logger } from './log'
import type { ClientSecretStore } from './secrets/secret-store'
import { createMemorySecrets } from './secrets/secret-store'
import type { SettingsStore } from './settings/settings-store'
import { createSettingsStore } from './settings/settings-store'
import type { ShiftService } from './shifts/shift-service'
import { createShiftService } from './shifts/shift-service'
import type { AuditLog } from './audit/audit-log'
import { createAuditLog } from './audit/audit-log'
import type { LookupCache } from './lookups/cache'
import { createLookupCache } from './lookups/cache'
import type { Database } from './store/db'
import { openDatabase } from './store/db'
import type { Outbox } from './outbox/outbox'
import { createOutbox } from './outbox/outbox'
import type { PaymentService } from './payments/payment-service'
import { createPaymentService } from './payments/payment-service'
import type { Clock, Person } from './store/types'
import type { SyncEngine } from './sync/engine'
import { toAppError } from './tigo/errors'
import type { ApiEnv } from './tigo/settings'
import type { UserAdmin } from './users/management'
import { wireUsers } from './users/wire-users'
import { buildPrinter, type PrinterChoice } from './print/build-printer'
import type { Printer } from './print/printer'
import type { PinHashParams } from './users/pin'
import { createAuthorizer } from './users/policy'
import type { SessionService } from './users/sessions'

export type ServiceLog = Pick<Logger, 'info' | 'warn' | 'error'>

export interface CreateServicesOptions {
  dataDir: string
  env: ApiEnv
  clock?: Clock
  /** Path to a better_sqlite3.node built for Electron's ABI; undefined = Node's own build. */
  nativeBinding?: string
  /** Default: in memory (secrets/secret-store.ts). The Electron app passes its safeStorage store. */
  secrets?: ClientSecretStore
  log?: ServiceLog
  /** Default true. Tests that want the outbox to stay put pass false. */
  syncEngine?: boolean
  /** Default: the signed-in user's role decides (users/policy.ts). */
  authorize?: Authorize
  /** Default: the signed-in user. Tests that skip sign-in pass a fixed person. */
  cashier?: () => Person
  /** Also seed the demo cashier (`Cajero Demo`, PIN 1234). Default: `CAJA_DEMO_USERS=1`. */
  demoUsers?: boolean
  /** Tests lower the scrypt cost of PINs; the app keeps the default. */
  pinHash?: PinHashParams
  /** How receipts are printed (print/build-printer.ts). */
  printer?: PrinterChoice
  /** Default: the embedded simulator on 127.0.0.1, any free port, demo credentials. */
  startSimulator?: () => Promise<SimulatorHandle>
  fetch?: typeof globalThis.fetch
}

export interface Services {
  handlers: Handlers
  dispatch: Dispatch
  events: EventBus
  api: ApiConnection
  /** The embedded simulator while it runs (only when no API is configured). */
  simulator(): SimulatorHandle | undefined
  db: Database
  cache: LookupCache
  outbox: Outbox
  payments: PaymentService
  audit: AuditLog
  settings: SettingsStore
  secrets: ClientSecretStore
  sessions: SessionService
  users: UserAdmin
  shifts: ShiftService
  batch: BatchService
  printer: Printer
  sync: SyncEngine | undefined
  syncStatus(): SyncStatus
  /** The client secret in use (environment or secret store), for the log redactor. */
  secretsInUse(): string[]
  /**
   * Stops the sync engine and lets the calls in flight settle (a registration Tigo may have
   * received ends `uncertain`, never half-written), then the printer, the simulator, the idle
   * lock timer and the database.
   */
  stop(): Promise<void>
}

const silentLog: ServiceLog = { info: () => {}, warn: () => {}, error: () => {} }

export async function createServices(options: CreateServicesOptions): Promise<Services> {
  const clock = options.clock ?? Date.now
  const log = options.log ?? silentLog
  const secrets = options.secrets ?? createMemorySecrets()
  mkdirSync(options.dataDir, { recursive: true })

  const settings = createSettingsStore({
    file: join(options.dataDir, 'settings.json'),
    onReadError: (error) => log.warn('settings.json unreadable; using defaults', error)
  })
  const events = createEventBus(log)

  const { api, simulator } = await connectApi({
    settings,
    env: options.env,
    secrets,
    clock,
    log,
    ...(options.startSimulator ? { startSimulator: options.startSimulator } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {})
  })

  let db: Database
  try {
    db = openDatabase(join(options.dataDir, 'caja.db'), {
      log,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
  } catch (error) {
    // The simulator warmUp started must not outlive a database that would not open.
    await api.close().catch(() => undefined)
    throw error
  }
  // Its idle timer must not outlive a start that fails after it was built.
  let stopSessions = () => {}
  try {
    const cache = createLookupCache({ db, clock })
    const outbox = createOutbox({ db, clock })
    const audit = createAuditLog({ db, clock })
    const { sessions, admin: userAdmin } = await wireUsers({
      db,
      clock,
      audit,
      settings,
      pinHash: options.pinHash,
      demoUsers: options.demoUsers,
      onChange: (view) => {
        events.emit('session:changed', view)
        // The status bar names who is at the till.
        events.emit('sync:status', syncStatus())
      }
    })
    stopSessions = () => sessions.stop()
    const terminal = () => {
      const name = sessions.current().user?.name
      return {
        usesSimulator: api.usesSimulator(),
        terminalId: settings.get().terminalId,
        ...(name !== undefined ? { cashierName: name } : {})
      }
    }

    const till = createTillSync({
      engine: options.syncEngine !== false,
      client: api.client,
      // One transaction per drain round: its outcomes and the next claim share one disk flush.
      db,
      outbox,
      cache,
      audit,
      clock,
      settings,
      events,
      log,
      terminal
    })
    const syncStatus = () => till.status()
    // The offline caps go by every answer or failure seen, not only the engine's own sends.
    const takingPayments = {
      db,
      clock,
      outbox,
      cache,
      audit: withApiIdentity(audit, () => currentApiIdentity(api, () => settings.get())),
      settings: () => settings.get().caps,
      isOnline: () => till.isOnline()
    }
    const payments = createPaymentService(takingPayments)

    const cashier = options.cashier ?? (() => sessions.requireUser())
    const shifts = createShiftService({ db, clock, audit })
    const shiftAccess = createShiftAccess({ session: () => sessions.current(), audit })
    const batch = createBatchService(takingPayments)
    const printer = buildPrinter(options.printer, { dataDir: options.dataDir, settings, clock })

    const ctx: AppContext = {
      client: till.client,
      api,
      cache,
      outbox,
      payments,
      audit,
      settings,
      secrets,
      events,
      clock,
      isOnline: () => till.isOnline(),
      checkReachable: () => till.checkReachable(),
      syncStatus,
      requestDrain: (reason) => till.requestDrain(reason),
      cashier,
      sessions,
      shifts
    }
    const handlers: Handlers = createAppHandlers(ctx, {
      sessions,
      users: userAdmin,
      shifts,
      shiftAccess,
      printer,
      batch
    })
    const dispatchNow = createDispatcher(handlers, {
      authorize:
        options.authorize ?? createAuthorizer({ session: () => sessions.current(), audit }),
      log,
      toAppError
    })
    // A call still running at quit (a payment waiting for Tigo's fresh bills) gets to write
    // before the database closes, rather than failing half-way on a closed handle.
    const inFlight = new Set<Promise<unknown>>()
    const dispatch: Dispatch = (channel, input) => {
      const call = dispatchNow(channel, input)
      inFlight.add(call)
      void call.finally(() => inFlight.delete(call))
      return call
    }
    till.start()

    let stopped: Promise<void> | undefined
    const stop = () =>
      (stopped ??= (async () => {
        try {
          // The engine first: from here no new drain starts, and its request in flight settles
          // (an answer, or `uncertain`; a quit that cannot wait leaves it `sending`, which the
          // next start turns into `uncertain`).
          const engineStopped = till.stop()
          await Promise.allSettled([...inFlight])
          await engineStopped
        } finally {
          await printer.close().catch((error: unknown) => log.error('printer close', error))
          await api.close().catch((error: unknown) => log.error('simulator close', error))
          sessions.stop()
          db.close()
        }
      })())

    return {
      handlers,
      dispatch,
      events,
      api,
      simulator,
      db,
      cache,
      outbox,
      payments,
      audit,
      settings,
      secrets,
      sessions,
      users: userAdmin,
      shifts,
      batch,
      printer,
      sync: till.engine,
      syncStatus,
      secretsInUse: () => [...new Set([...secrets.knownValues(), ...api.secretsInUse()])],
      stop
    }
  } catch (error) {
    stopSessions()
    db.close()
    await api.close()
    throw error
  }
}
