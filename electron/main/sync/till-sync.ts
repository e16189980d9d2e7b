/**
 * The sync side of the services: the engine over an outbox that reports its changes, the till's
 * reachability that every call to Tigo feeds (reachability.ts), and the status bar's view of both.
 * The offline caps and the status bar read the reachability, not the engine's own belief.
 */
import type { SyncStatus } from '@shared/ipc/views'
import type { EventBus } from '@main/ipc'
import type { Logger } from '@main/log'
import type { SettingsStore } from '@main/settings/settings-store'
import type { AuditLog } from '@main/audit/audit-log'
import type { LookupCache } from '@main/lookups/cache'
import type { Database } from '@main/store/db'
import { writeTransaction } from '@main/store/db'
import type { Outbox } from '@main/outbox/outbox'
import type { Clock, OutboxItem } from '@main/store/types'
import { withSafeReconcileDelay } from './defaults'
import type { SyncEngine, SyncSettings } from './engine'
import { createSyncEngine } from './engine'
import type { TerminalFacts } from './status'
import { buildSyncStatus } from './status'
import type { DrainReason } from './types'
import type { TigoClient } from '@main/tigo/client'
import { createReachability } from './reachability'

export interface TillSyncOptions {
  /** False: no engine (tests that want the outbox to stay put); `requestDrain` only probes. */
  engine: boolean
  client: TigoClient
  outbox: Outbox
  cache: LookupCache
  audit: AuditLog
  clock: Clock
  settings: SettingsStore
  events: EventBus
  log: Pick<Logger, 'error' | 'info'>
  terminal: () => TerminalFacts
  /**
   * Runs store writes as one transaction, `(work) => writeTransaction(db, work)`: without it each
   * outcome of a round commits (and flushes) on its own. Given `db`, that is the default.
   */
  atomically?: <T>(work: () => T) => T
  db?: Database
}

export interface TillSync {
  /** The client everything else calls, so that every answer and failure is evidence. */
  client: TigoClient
  engine: SyncEngine | undefined
  isOnline(): boolean
  /** Probes Tigo now (concurrent callers share one probe); true when it answers. */
  checkReachable(): Promise<boolean>
  status(): SyncStatus
  /** Asks the engine for a drain (probing first when a cashier asks while Tigo is away). */
  requestDrain(reason: DrainReason): Promise<void>
  start(): void
  /** Stops the engine and waits for its request in flight; no status is pushed after this. */
  stop(): Promise<void>
}

export function syncSettingsFrom(settings: SettingsStore): SyncSettings {
  const stored = settings.get()
  // A request the client gave up on may still commit at Tigo: the floor for this timeout (not a
  // fixed margin, which a 60 s or 120 s timeout outgrows) keeps the reconcile from reading
  // "unpaid" too early and sending the money twice.
  return withSafeReconcileDelay(
    {
      batchSize: 20,
      baseBackoffMs: 5_000,
      maxBackoffMs: 5 * 60_000,
      reconcileDelayMs: stored.timeoutMs + 20_000,
      probeIntervalMs: 15_000,
      drainIntervalMs: 60_000,
      maxPendingAgeHours: stored.caps.maxPendingAgeHours
    },
    stored.timeoutMs
  )
}

function atomicWrites(options: Pick<TillSyncOptions, 'atomically' | 'db'>): {
  atomically?: <T>(work: () => T) => T
} {
  if (options.atomically) return { atomically: options.atomically }
  const db = options.db
  if (db) return { atomically: (work) => writeTransaction(db, work) }
  return {}
}

/** The engine's outbox, reporting every state change as `outbox:changed`. */
export function notifyingOutbox(outbox: Outbox, events: EventBus): Outbox {
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
    },
    flagForSupervisor: (ids, note) => {
      const flagged = outbox.flagForSupervisor(ids, note)
      changed(outbox.items(flagged).map((item) => item.paymentId))
      return flagged
    }
  }
}

export function createTillSync(options: TillSyncOptions): TillSync {
  const { outbox, clock, settings, events } = options

  const reachability = createReachability({
    client: options.client,
    clock,
    probeIntervalMs: () => syncSettingsFrom(settings).probeIntervalMs,
    // An engine that knows Tigo is away probes on its own, through the observed client.
    shouldProbe: () => engine?.isOnline() !== false,
    onChange: (online) => {
      events.emit('sync:status', status())
      // Tigo answered someone: what waits need not wait for the engine's own next probe.
      if (online) void engine?.requestDrain('online')
    },
    onDegradedChange: () => events.emit('sync:status', status())
  })
  const client = reachability.client

  /** The engine's status (or the outbox's, without one) with the till's reachability. */
  function withReachability(base: SyncStatus): SyncStatus {
    return {
      ...base,
      online: reachability.isOnline(),
      degraded: reachability.isDegraded(),
      checkedAt: new Date(reachability.checkedAt() ?? clock()).toISOString()
    }
  }

  function status(): SyncStatus {
    if (engine) return withReachability(engine.status())
    return buildSyncStatus({
      summary: outbox.summary(clock()),
      online: reachability.isOnline(),
      checkedAt: reachability.checkedAt(),
      lastSyncAt: null,
      nextAttemptAt: outbox.nextAttemptAt(),
      draining: false,
      terminal: options.terminal(),
      now: clock()
    })
  }

  const engine: SyncEngine | undefined = options.engine
    ? createSyncEngine({
        outbox: notifyingOutbox(outbox, events),
        client,
        cache: options.cache,
        audit: options.audit,
        clock,
        settings: () => syncSettingsFrom(settings),
        terminal: options.terminal,
        ...atomicWrites(options),
        onStatus: (engineStatus) => events.emit('sync:status', withReachability(engineStatus)),
        onError: (error) => options.log.error('sync engine', error),
        log: options.log,
        // A quit waits for a request in flight no longer than the client would.
        stopTimeoutMs: settings.get().timeoutMs + 2_000
      })
    : undefined

  return {
    client,
    engine,
    isOnline: () => reachability.isOnline(),
    checkReachable: () => reachability.check(),
    status,
    async requestDrain(reason) {
      if (!engine) {
        await reachability.check()
        return
      }
      // The engine probes only when it itself saw Tigo fail; a lookup may have seen it first.
      if (reason === 'manual' && !reachability.isOnline()) await reachability.check()
      await engine.requestDrain(reason)
    },
    start: () => engine?.start(),
    async stop() {
      const stopped = engine?.stop()
      reachability.stop()
      await stopped
    }
  }
}
