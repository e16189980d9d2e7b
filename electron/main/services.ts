/**
 * Builds every service of the main process with its dependencies passed in, so the Electron app,
 * the browser harness and the tests all run the same wiring against their own data dir.
 * `startServices` adds the Electron-only parts: the secret store adapter and `ipcMain`.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type { SyncStatus } from '../../shared/ipc/views'
import { startSimulator } from '../simulator/server'
import type { SimulatorHandle } from '../simulator/server'
import type { ApiConnection } from './app/api-connection'
import { createApiConnection } from './app/api-connection'
import { auditHandlers } from './app/audit'
import { batchHandlers } from './app/batch'
import type { AppContext, DrainReason } from './app/context'
import { createAppHandlers } from './app'
import { receiptHandlers } from './app/receipts'
import { sessionHandlers } from './app/session'
import { createShiftAccess } from './app/shift-access'
import { shiftHandlers } from './app/shifts'
import { userHandlers } from './app/users'
import type { BatchService } from './batch/batch-service'
import { createBatchService } from './batch/batch-service'
import type { Authorize, Dispatch, EventBus, Handlers } from './ipc'
import { createDispatcher, createEventBus, forwardEventsToWindow, registerIpc } from './ipc'
import type { Logger } from './log'
import type { Printer, PrinterOptions } from './print/printer'
import { createPrinter } from './print/printer'
import type { SecretStore } from './secrets'
import type { ClientSecretStore } from './secrets-node'
import { createMemorySecrets } from './secrets-node'
import type { SettingsStore, StoredSettings } from './settings-store'
import { createSettingsStore } from './settings-store'
import type { ShiftService } from './shifts/shift-service'
import { createShiftService } from './shifts/shift-service'
import type { AuditLog } from './store/audit'
import { createAuditLog } from './store/audit'
import type { LookupCache } from './store/cache'
import { createLookupCache } from './store/cache'
import type { Database } from './store/db'
import { openDatabase } from './store/db'
import type { Outbox } from './store/outbox'
import { createOutbox } from './store/outbox'
import type { PaymentService } from './store/payments'
import { createPaymentService } from './store/payments'
import type { Clock, OutboxItem, Person } from './store/types'
import type { SyncEngine, SyncSettings } from './sync/engine'
import { createSyncEngine } from './sync/engine'
import { createConnectivity } from './sync/connectivity'
import { buildSyncStatus } from './sync/status'
import { toAppError } from './tigo/errors'
import type { ApiEnv } from './tigo/settings'
import type { UserAdmin } from './users/management'
import { createUserAdmin } from './users/management'
import type { PinHashParams } from './users/pin'
import { createAuthorizer } from './users/policy'
import { demoUsersFromEnv, seedUsers } from './users/seed'
import type { SessionService } from './users/sessions'
import { createSessionService } from './users/sessions'

export type ServiceLog = Pick<Logger, 'info' | 'warn' | 'error'>

export interface CreateServicesOptions {
  dataDir: string
  env: ApiEnv
  clock?: Clock
  /** Path to a better_sqlite3.node built for Electron's ABI; undefined = Node's own build. */
  nativeBinding?: string
  /** Default: in memory (secrets-node.ts). The Electron app passes its safeStorage store. */
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
  /**
   * How receipts are printed. Default `{ mode: 'electron' }` (the till's printer); the harness and
   * tests pass `{ mode: 'pdf-file' }` (a PDF under `<dataDir>/prints/`), or their own printer.
   */
  printer?:
    | { mode: 'electron' }
    | Omit<Extract<PrinterOptions, { mode: 'pdf-file' }>, 'dataDir' | 'clock'>
    | Printer
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

function syncSettingsFrom(settings: SettingsStore): SyncSettings {
  const stored = settings.get()
  return {
    batchSize: 20,
    baseBackoffMs: 5_000,
    maxBackoffMs: 5 * 60_000,
    // Longer than the client timeout: see the engine's note on late commits.
    reconcileDelayMs: stored.timeoutMs + 20_000,
    probeIntervalMs: 15_000,
    drainIntervalMs: 60_000,
    maxPendingAgeHours: stored.caps.maxPendingAgeHours
  }
}

/** The engine's outbox, reporting every state change as `outbox:changed`. */
function notifyingOutbox(outbox: Outbox, events: EventBus): Outbox {
  const changed = (paymentIds: string[]) => {
    if (paymentIds.length > 0)
      events.emit('outbox:changed', { paymentIds: [...new Set(paymentIds)] })
  }
  const wrap =
    <A extends unknown[]>(fn: (...args: A) => OutboxItem[]) =>
    (...args: A): OutboxItem[] => {
      const items = fn(...args)
      changed(items.map((item) => item.paymentId))
      return items
    }
  return {
    ...outbox,
    claimDue: wrap(outbox.claimDue),
    markRegistered: wrap(outbox.markRegistered),
    markUncertain: wrap(outbox.markUncertain),
    markQueued: wrap(outbox.markQueued),
    markRejected: wrap(outbox.markRejected),
    recoverInterrupted: wrap(outbox.recoverInterrupted),
    flagStale: (now, maxAgeMs) => {
      const ids = outbox.flagStale(now, maxAgeMs)
      changed(ids)
      return ids
    }
  }
}

function isPrinter(value: CreateServicesOptions['printer']): value is Printer {
  return typeof value === 'object' && 'print' in value
}

function buildPrinter(
  options: CreateServicesOptions,
  settings: SettingsStore,
  clock: Clock
): Printer {
  const chosen = options.printer ?? { mode: 'electron' as const }
  if (isPrinter(chosen)) return chosen
  if (chosen.mode === 'electron') {
    return createPrinter({
      mode: 'electron',
      dataDir: options.dataDir,
      clock,
      printerName: () => settings.get().printerName
    })
  }
  return createPrinter({ ...chosen, dataDir: options.dataDir, clock })
}

function businessOf(stored: StoredSettings) {
  return { name: stored.businessName, nit: stored.businessNit, address: stored.businessAddress }
}

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

  let simulator: SimulatorHandle | undefined
  const api = createApiConnection({
    settings: () => settings.get(),
    env: options.env,
    secrets,
    clock,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    startSimulator: async () => {
      simulator = await (options.startSimulator ?? (() => startSimulator({ port: 0, clock })))()
      log.info('embedded simulator started', { url: simulator.url })
      return simulator
    }
  })
  // Fails here (not at the first lookup) when the env names a bad URL or the simulator cannot start.
  api.resolve()
  await api.warmUp()

  let db: Database
  try {
    db = openDatabase(
      join(options.dataDir, 'caja.db'),
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}
    )
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
    const sessions = createSessionService({
      db,
      clock,
      audit,
      settings: () => ({
        idleLockMinutes: settings.get().idleLockMinutes,
        lockoutAttempts: 5,
        lockoutMinutes: 5
      }),
      ...(options.pinHash ? { hashParams: options.pinHash } : {}),
      onChange: (view) => {
        events.emit('session:changed', view)
        // The status bar names who is at the till.
        events.emit('sync:status', syncStatus())
      }
    })
    stopSessions = () => sessions.stop()
    await seedUsers({
      db,
      audit,
      users: sessions.users,
      demoCashier: options.demoUsers ?? demoUsersFromEnv(),
      ...(options.pinHash ? { hashParams: options.pinHash } : {})
    })
    const userAdmin = createUserAdmin({
      db,
      clock,
      audit,
      users: sessions.users,
      ...(options.pinHash ? { hashParams: options.pinHash } : {})
    })
    const terminal = () => {
      const name = sessions.current().user?.name
      return {
        usesSimulator: api.usesSimulator(),
        terminalId: settings.get().terminalId,
        ...(name !== undefined ? { cashierName: name } : {})
      }
    }

    const sync =
      options.syncEngine === false
        ? undefined
        : createSyncEngine({
            outbox: notifyingOutbox(outbox, events),
            client: api.client,
            cache,
            audit,
            clock,
            settings: () => syncSettingsFrom(settings),
            terminal,
            onStatus: (status) => events.emit('sync:status', status),
            onError: (error) => log.error('sync engine', error)
          })
    // Without the engine, reachability still comes from real answers (and the probe).
    const connectivity = sync ? undefined : createConnectivity({ probe: api.client.probe, clock })
    const isOnline = () => sync?.isOnline() ?? connectivity?.isOnline() ?? false
    const syncStatus = (): SyncStatus =>
      sync?.status() ??
      buildSyncStatus({
        summary: outbox.summary(clock()),
        online: isOnline(),
        checkedAt: connectivity?.checkedAt() ?? null,
        lastSyncAt: null,
        nextAttemptAt: outbox.nextAttemptAt(),
        draining: false,
        terminal: terminal(),
        now: clock()
      })

    const payments = createPaymentService({
      db,
      clock,
      outbox,
      cache,
      audit,
      settings: () => settings.get().caps,
      isOnline
    })

    const cashier = options.cashier ?? (() => sessions.requireUser())
    const shifts = createShiftService({ db, clock, audit })
    const shiftAccess = createShiftAccess({ session: () => sessions.current(), audit })
    const batch = createBatchService({
      db,
      clock,
      outbox,
      cache,
      audit,
      settings: () => settings.get().caps,
      isOnline
    })
    const printer = buildPrinter(options, settings, clock)

    const ctx: AppContext = {
      client: api.client,
      api,
      cache,
      outbox,
      payments,
      audit,
      settings,
      secrets,
      events,
      clock,
      isOnline,
      syncStatus,
      requestDrain: async (reason: DrainReason) => {
        if (sync) await sync.requestDrain(reason)
        else await connectivity?.check()
      },
      cashier,
      sessions
    }
    const handlers: Handlers = {
      ...createAppHandlers(ctx),
      ...sessionHandlers({ sessions }),
      ...userHandlers({ sessions, admin: userAdmin }),
      ...receiptHandlers({
        payments,
        shifts,
        printer,
        audit,
        settings,
        clock,
        cashier,
        business: () => businessOf(settings.get()),
        shiftAccess
      }),
      ...batchHandlers({
        batch,
        settings,
        cashier,
        onProgress: (progress) => events.emit('batch:progress', progress),
        afterConfirm: () => {
          events.emit('sync:status', syncStatus())
          void ctx.requestDrain('payment')
        }
      }),
      ...shiftHandlers({ shifts, settings, cashier, access: shiftAccess }),
      ...auditHandlers({ audit })
    }
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
    sync?.start()

    let stopped: Promise<void> | undefined
    const stop = () =>
      (stopped ??= (async () => {
        try {
          // The engine first: from here no new drain starts, and its request in flight settles
          // (an answer, or `uncertain`; a quit that cannot wait leaves it `sending`, which the
          // next start turns into `uncertain`).
          const engineStopped = sync?.stop()
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
      simulator: () => simulator,
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
      sync,
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

// --- Electron ---

export interface ServicesOptions {
  /** Electron's user-data dir: the database, logs and secrets live here. */
  userDataDir: string
  /** Pass to `new Database(file, { nativeBinding })`; undefined = better-sqlite3's own build. */
  nativeBinding: string | undefined
  logger: Logger
  secrets: SecretStore
  /** The IPC layer drops every message for which this is false. */
  isTrustedSender: (
    event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>
  ) => boolean
  /** For pushed events (sync status) and printing; undefined before the window opens. */
  getMainWindow: () => BrowserWindow | undefined
  /** Default `process.env` (`TIGO_API_BASE_URL`…; none set = the embedded simulator). */
  env?: ApiEnv
}

export interface RunningServices {
  /** The client secret in use (environment or secret store), for the log redactor. */
  secretsInUse(): string[]
  /** Called once on quit: stop IPC and the sync engine, then close the database. */
  stop(): Promise<void>
}

/**
 * What the Electron log must never show, known before the services start: the secret store's
 * values and a `TIGO_CLIENT_SECRET` from the environment (which the store never sees).
 */
export function secretsToRedact(store: Pick<SecretStore, 'knownValues'>, env: ApiEnv): string[] {
  const fromEnv = env.TIGO_CLIENT_SECRET?.trim()
  return fromEnv ? [...store.knownValues(), fromEnv] : store.knownValues()
}

/** The safeStorage-backed store (secrets.ts) as the services see a secret store. */
export function clientSecretsFrom(store: SecretStore): ClientSecretStore {
  return {
    getClientSecret: () => store.get('clientSecret'),
    setClientSecret: (secret) => {
      if (secret === null || secret === '') store.delete('clientSecret')
      else store.set('clientSecret', secret)
    },
    protection: () => {
      if (!store.isPersistent()) return 'memory'
      return store.getBackendWarning() === 'weak' ? 'weak' : 'strong'
    },
    knownValues: () => store.knownValues()
  }
}

export async function startServices(opts: ServicesOptions): Promise<RunningServices> {
  // Loaded here, not at the top: the harness and tests import this file without Electron.
  const { ipcMain } = await import('electron')
  const services = await createServices({
    dataDir: opts.userDataDir,
    env: opts.env ?? process.env,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    secrets: clientSecretsFrom(opts.secrets),
    log: opts.logger,
    printer: { mode: 'electron' }
  })
  const unregister = registerIpc({
    ipcMain,
    dispatch: services.dispatch,
    isTrustedSender: opts.isTrustedSender,
    log: opts.logger
  })
  const unforward = forwardEventsToWindow(services.events, () => {
    const window = opts.getMainWindow()
    return window && !window.isDestroyed() ? window.webContents : undefined
  })
  return {
    secretsInUse: () => services.secretsInUse(),
    async stop() {
      // No new call from the window; the ones running finish inside services.stop().
      unregister()
      await services.stop()
      unforward()
    }
  }
}
