/** What the sync engine needs from the rest of the main process, narrowed to what it uses. */
import type { AuditLog } from '@main/audit/audit-log'
import type { LookupCache } from '@main/lookups/cache'
import type { Outbox } from '@main/outbox/outbox'
import type { Clock } from '@main/store/types'
import type { TigoClient } from '@main/tigo/client'
import type { BackoffPolicy } from './backoff'
import type { Connectivity } from './connectivity'
import type { Conventions } from './conventions'

export interface SyncSettings {
  /** Most bills in one register request. */
  batchSize: number
  baseBackoffMs: number
  maxBackoffMs: number
  /** Wait after an uncertain outcome before asking Tigo; longer than the client timeout. */
  reconcileDelayMs: number
  /** How often Tigo is probed while it is unreachable. */
  probeIntervalMs: number
  /** Longest sleep between drains even when nothing is due (a safety net). */
  drainIntervalMs: number
  /** Waiting longer than this flags the payment for a supervisor (never drops it). */
  maxPendingAgeHours: number
  /** Register requests in flight at once, each for a different customer. Default 1. */
  parallelRequests?: number
  /** Undecided reconciles after which an uncertain item is flagged for a supervisor. Default 5. */
  supervisorAfterReconciles?: number
}

export type DrainReason = 'payment' | 'timer' | 'online' | 'manual' | 'start' | 'retry'

export type SyncOutbox = Pick<
  Outbox,
  | 'claimDue'
  | 'markRegistered'
  | 'markUncertain'
  | 'markQueued'
  | 'markRejected'
  | 'recordReconcile'
  | 'listUncertain'
  | 'recoverInterrupted'
  | 'nextAttemptAt'
  | 'summary'
  | 'flagStale'
  | 'attempts'
  | 'flagForSupervisor'
  | 'possiblyDelivered'
  | 'markVerified'
  | 'flagPayments'
  | 'items'
>

export type SyncClient = Pick<
  TigoClient,
  'registerPayment' | 'getBills' | 'getBillPayments' | 'getCustomerContracts' | 'probe'
>

/**
 * When each uncertain item may be reconciled (monotonic ms), and how many reconciles could not
 * decide.
 */
export interface ReconcileState {
  dueAt: Map<number, number>
  tries: Map<number, number>
}

/** Everything one drain pass works with. */
export interface DrainContext {
  outbox: SyncOutbox
  client: SyncClient
  cache: Pick<LookupCache, 'markBillsPaid'>
  audit: Pick<AuditLog, 'record'> | undefined
  clock: Clock
  /** Never jumps; every reconcile deadline (`reconcile.dueAt`) is on this clock. */
  monotonic(): number
  random: () => number
  policy: BackoffPolicy
  settings: SyncSettings
  connectivity: Connectivity
  reconcile: ReconcileState
  /** Items claimed (now `sending`) whose outcome is not written yet. */
  inFlight: Set<number>
  /** Items whose multi-bill request was refused with a 4xx: each is sent in a request alone. */
  sendAlone: Set<number>
  /** How this Tigo records our payments, learned from confirmed registrations. */
  conventions: Conventions
  /** billKey → monotonic ms of a live "unpaid" not yet used by a send (resend-gate.ts). */
  freshUnpaid: Map<string, number>
  /** Runs several writes as one transaction (one disk flush); identity when not given. */
  atomically<T>(work: () => T): T
  /** Tigo accepted or confirmed a registration. */
  onRegistered(): void
  isStopping(): boolean
  report(error: unknown): void
}
