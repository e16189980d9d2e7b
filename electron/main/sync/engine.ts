/**
 * The sync engine: gets every bill a cashier took registered with Tigo exactly once, whatever the
 * network does.
 *
 * - One drain at a time. Whatever asks for one (a new payment, the timer, the network coming
 *   back, the cashier) joins the drain that is running; a request that arrives after the drain
 *   last looked at the outbox earns exactly one follow-up pass.
 * - A request that may have reached Tigo (timeout, reset, 5xx, an answer we cannot read) makes
 *   its items `uncertain`. Nothing uncertain is ever resent blind: after `reconcileDelayMs` the
 *   engine asks Tigo whether each bill is paid (see reconcile.ts) and only an unpaid bill goes
 *   back to the queue. `reconcileDelayMs` must be longer than the API request timeout: a request
 *   the client gave up on can still be sitting in a server queue and commit later; asking before
 *   it had time to finish would read "unpaid", resend, and register the money twice.
 * - A request that certainly never left (connection refused, DNS, no token) is queued again with
 *   exponential backoff and full jitter, never earlier than a Retry-After.
 */
import type { SyncStatus } from '@shared/ipc/views'
import type { AuditLog } from '@main/audit/audit-log'
import type { LookupCache } from '@main/lookups/cache'
import type { StepLog } from '@main/store/db'
import type { Clock, OutboxItem } from '@main/store/types'
import { learnFromConfirmed } from './attribution'
import { createConnectivity } from './connectivity'
import { createConventions } from './conventions'
import { describe, settleRegistered } from './outcomes'
import { reconcileUncertain } from './reconcile-step'
import { requestWidth, sendRound } from './send-round'
import { buildSyncStatus, type TerminalFacts } from './status'
import type {
  DrainContext,
  DrainReason,
  ReconcileState,
  SyncClient,
  SyncOutbox,
  SyncSettings
} from './types'

export type { DrainReason, SyncClient, SyncOutbox, SyncSettings }

export interface SyncEngineOptions {
  outbox: SyncOutbox
  client: SyncClient
  cache: Pick<LookupCache, 'markBillsPaid'>
  audit?: Pick<AuditLog, 'record'>
  clock: Clock
  /**
   * Milliseconds that never jump (default `performance.now`). Reconcile deadlines run on it: a
   * wall-clock correction must not make a lost request's wait look over and resend its money.
   */
  monotonic?: () => number
  /** [0, 1); injected so backoff jitter is reproducible in tests. */
  random?: () => number
  settings: () => SyncSettings
  terminal?: () => TerminalFacts
  onStatus?: (status: SyncStatus) => void
  /**
   * Runs several store writes as one transaction, e.g. `(work) => writeTransaction(db, work)`:
   * the outcomes of a round then cost one disk flush instead of one per request.
   */
  atomically?: <T>(work: () => T) => T
  /** Failures the engine survived (a storage error mid-drain); for the log. */
  onError?: (error: unknown) => void
  /** Each drain round, with its figures (what was claimed, registered, the outcome, the time). */
  log?: StepLog
  /**
   * Longest `stop()` waits for the drain in flight (default 15 s; the app passes its client
   * timeout plus a margin). Past it, what the drain had claimed is written `uncertain` (it may
   * have reached Tigo) and `stop()` returns: quitting never waits on a wedged request.
   */
  stopTimeoutMs?: number
}

export interface SyncEngine {
  requestDrain(reason: DrainReason): Promise<void>
  /** Recovers items a crash left in `sending`, then drains and keeps the timer running. */
  start(): void
  /** Stops the timer and waits for the request in flight to settle, at most `stopTimeoutMs`. */
  stop(): Promise<void>
  status(): SyncStatus
  isOnline(): boolean
}

const MIN_TICK_MS = 5
const MAX_TICK_MS = 2 ** 31 - 1
const STALE_CHECK_EVERY_MS = 60_000
/** Fewest requests' worth of items claimed per round (claims and outcomes are one write each). */
const ROUND_REQUESTS = 8
const ROUND_MIN_ITEMS = 50
const DEFAULT_STOP_TIMEOUT_MS = 15_000

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { outbox, client, clock, settings } = options
  const random = options.random ?? Math.random
  const monotonic = options.monotonic ?? (() => performance.now())
  const terminal = options.terminal ?? (() => ({ usesSimulator: false, terminalId: '' }))

  let lifecycle: 'idle' | 'started' | 'stopped' = 'idle'
  let running: Promise<void> | undefined
  let followUp = false
  let timer: NodeJS.Timeout | undefined
  let lastSyncAt: number | null = null
  let lastStaleCheck = Number.NEGATIVE_INFINITY
  /** Items claimed (now `sending`) whose outcome is not written yet. */
  const inFlight = new Set<number>()
  const sendAlone = new Set<number>()
  const reconcile: ReconcileState = { dueAt: new Map(), tries: new Map() }
  const conventions = createConventions()
  const freshUnpaid = new Map<string, number>()

  const connectivity = createConnectivity({
    probe: () => client.probe(),
    clock,
    onChange(online) {
      pushStatus()
      // Inside a drain the drain itself goes on; outside, coming back is a reason to drain.
      if (online && !running && lifecycle !== 'stopped') void requestDrain('online')
      else schedule()
    }
  })

  function isStopped(): boolean {
    return lifecycle === 'stopped'
  }

  function report(error: unknown): void {
    options.onError?.(error)
  }

  /** Wall-clock time of the next thing due (reconcile deadlines translated from monotonic). */
  function earliestWake(): number | null {
    let wake = outbox.nextAttemptAt()
    const offset = clock() - monotonic()
    for (const at of reconcile.dueAt.values()) {
      wake = wake === null ? at + offset : Math.min(wake, at + offset)
    }
    return wake
  }

  function status(): SyncStatus {
    const now = clock()
    return buildSyncStatus({
      summary: outbox.summary(now),
      online: connectivity.isOnline(),
      checkedAt: connectivity.checkedAt(),
      lastSyncAt,
      nextAttemptAt: earliestWake(),
      draining: running !== undefined,
      terminal: terminal(),
      now
    })
  }

  function pushStatus(): void {
    if (!options.onStatus) return
    try {
      options.onStatus(status())
    } catch (error) {
      report(error)
    }
  }

  function clearTimer(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
  }

  function schedule(): void {
    clearTimer()
    if (lifecycle !== 'started' || running) return
    const s = settings()
    const now = clock()
    let wake: number
    if (!connectivity.isOnline()) {
      wake = (connectivity.checkedAt() ?? now) + s.probeIntervalMs
    } else {
      wake = now + s.drainIntervalMs
      const due = earliestWake()
      if (due !== null) wake = Math.min(wake, due)
    }
    const delay = Math.min(Math.max(wake - now, MIN_TICK_MS), MAX_TICK_MS)
    timer = setTimeout(onTimer, delay)
    timer.unref()
  }

  function onTimer(): void {
    timer = undefined
    if (lifecycle !== 'started') return
    void requestDrain('timer')
  }

  function flagStaleNow(now: number): void {
    if (now - lastStaleCheck < STALE_CHECK_EVERY_MS) return
    lastStaleCheck = now
    const flagged = outbox.flagStale(now, settings().maxPendingAgeHours * 3_600_000)
    if (flagged.length > 0) pushStatus()
  }

  /** True when it is worth talking to Tigo now; probes if it is time to. */
  async function reachableNow(reason: DrainReason): Promise<boolean> {
    if (connectivity.isOnline()) return true
    const checkedAt = connectivity.checkedAt()
    const eager = reason === 'manual' || reason === 'online' || reason === 'start'
    if (!eager && checkedAt !== null && clock() - checkedAt < settings().probeIntervalMs)
      return false
    return connectivity.check()
  }

  function drainContext(): DrainContext {
    const s = settings()
    return {
      outbox,
      client,
      cache: options.cache,
      audit: options.audit,
      clock,
      monotonic,
      random,
      policy: { baseMs: s.baseBackoffMs, capMs: s.maxBackoffMs },
      settings: s,
      connectivity,
      reconcile,
      inFlight,
      sendAlone,
      conventions,
      freshUnpaid,
      atomically: options.atomically ?? ((work) => work()),
      onRegistered: () => {
        lastSyncAt = clock()
      },
      isStopping: isStopped,
      report
    }
  }

  async function drainOnce(reason: DrainReason): Promise<void> {
    flagStaleNow(clock())
    if (!(await reachableNow(reason))) return
    if (await reconcileUncertain(drainContext())) lastSyncAt = clock()
    pushStatus()
    // Registered by Tigo in the last round, still `sending` in the database: written in the
    // transaction that claims the next round (one disk flush per round instead of two).
    let accepted: OutboxItem[] = []
    // Confirmed registrations to learn this Tigo's words from (conventions.ts), once written.
    let toLearn: OutboxItem[] = []
    const learnNow = async (): Promise<void> => {
      const learning = toLearn
      toLearn = []
      if (learning.length > 0) await learnFromConfirmed(drainContext(), learning)
    }
    const writeAccepted = <T>(ctx: DrainContext, then: () => T): T => {
      const pending = accepted
      try {
        const result = ctx.atomically(() => {
          settleRegistered(ctx, pending, 'registered by Tigo')
          return then()
        })
        accepted = []
        return result
      } catch (error) {
        // Rolled back: they are `sending` again, so a release after the failure must see them.
        for (const item of pending) inFlight.add(item.id)
        throw error
      }
    }
    try {
      while (lifecycle !== 'stopped' && connectivity.isOnline()) {
        const ctx = drainContext()
        const width = requestWidth(ctx.settings)
        // Anything that asks for a drain from here on is seen by this claim.
        followUp = false
        const batch = Math.max(1, Math.trunc(ctx.settings.batchSize))
        const limit = Math.max(ROUND_MIN_ITEMS, batch * Math.max(width, ROUND_REQUESTS))
        const claimed = writeAccepted(ctx, () => outbox.claimDue(clock(), limit))
        await learnNow()
        if (claimed.length === 0) break
        for (const item of claimed) inFlight.add(item.id)
        const roundStarted = monotonic()
        const round = await sendRound(ctx, claimed)
        options.log?.info('sync drain round', {
          reason,
          claimed: claimed.length,
          registered: round.accepted.length,
          outcome: round.outcome,
          ms: Math.round(monotonic() - roundStarted)
        })
        accepted = round.accepted
        // Read once they are written (a slow read must not hold them in `sending`).
        toLearn = accepted.filter((item) => conventions.wants(item.method))
        if (round.outcome !== 'continue') writeAccepted(ctx, () => undefined)
        pushStatus()
        // No HTTP answer at all (refused, reset, timeout, no token): is Tigo there? A probe says,
        // so the status bar shows offline now rather than after the next failure.
        if (round.outcome === 'halt-unreachable' && connectivity.isOnline()) {
          await connectivity.check()
        }
        if (round.outcome !== 'continue') break
      }
    } finally {
      if (accepted.length > 0) writeAccepted(drainContext(), () => undefined)
    }
    await learnNow()
  }

  /**
   * Best effort after a storage failure or a stop that could not wait: an item left `sending`
   * must not stay so until restart. One that may have reached Tigo becomes `uncertain`; a bill
   * paid from its barcode alone and not yet checked was certainly never sent, and its number is
   * still the scanned reference (nothing to reconcile it by): it goes back to the queue.
   */
  function releaseInFlight(error: unknown): void {
    if (inFlight.size === 0) return
    const ids = [...inFlight]
    try {
      const unchecked = new Set(
        outbox
          .items(ids)
          .filter((item) => item.unverified && item.state === 'sending')
          .map((item) => item.id)
      )
      const sent = ids.filter((id) => !unchecked.has(id))
      if (unchecked.size > 0) {
        outbox.markQueued(
          [...unchecked],
          clock(),
          `interrupted before the scanned bill was checked: nothing was sent (${describe(error)})`
        )
      }
      if (sent.length > 0) {
        outbox.markUncertain(sent, `interrupted: ${describe(error)}`)
        const at = monotonic() + settings().reconcileDelayMs
        for (const id of sent) reconcile.dueAt.set(id, at)
      }
      inFlight.clear()
    } catch (again) {
      report(again)
    }
  }

  function requestDrain(reason: DrainReason): Promise<void> {
    if (lifecycle === 'stopped') return Promise.resolve()
    if (running) {
      followUp = true
      return running
    }
    clearTimer()
    const drain = (async () => {
      // Let `running` be set before any work, so everything inside sees the drain as running.
      await Promise.resolve()
      let why = reason
      do {
        followUp = false
        try {
          await drainOnce(why)
        } catch (error) {
          report(error)
          releaseInFlight(error)
          break
        }
        why = 'retry'
      } while (followUp && !isStopped())
    })()
    running = drain.finally(() => {
      running = undefined
      schedule()
      pushStatus()
    })
    pushStatus()
    return running
  }

  return {
    requestDrain,
    start() {
      if (lifecycle !== 'idle') return
      lifecycle = 'started'
      try {
        const recovered = outbox.recoverInterrupted()
        // Unknown deadline of a previous process: count the reconcile delay from now.
        const at = monotonic() + settings().reconcileDelayMs
        for (const item of recovered) reconcile.dueAt.set(item.id, at)
      } catch (error) {
        report(error)
      }
      void requestDrain('start')
    },
    async stop() {
      lifecycle = 'stopped'
      clearTimer()
      const drain = running
      if (!drain) return
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), options.stopTimeoutMs ?? DEFAULT_STOP_TIMEOUT_MS)
      })
      const outcome = await Promise.race([drain.then(() => 'done' as const), late])
      clearTimeout(timer)
      // A request still out may have reached Tigo: its items say so, the next start reconciles.
      if (outcome === 'late') releaseInFlight(new Error('the app stopped while a request was out'))
    },
    status,
    isOnline: () => connectivity.isOnline()
  }
}
