/** What the feature handlers are built from; `services.ts` assembles it. */
import type { SyncStatus } from '../../../shared/ipc/views'
import type { EventBus } from '../ipc'
import type { ClientSecretStore } from '../secrets-node'
import type { SettingsStore } from '../settings-store'
import type { ShiftService } from '../shifts/shift-service'
import type { AuditLog } from '../store/audit'
import type { LookupCache } from '../store/cache'
import type { Outbox } from '../store/outbox'
import type { PaymentService } from '../store/payments'
import type { Clock, Person } from '../store/types'
import type { DrainReason } from '../sync/types'
import type { TigoClient } from '../tigo/client'
import type { SessionService } from '../users/sessions'
import type { ApiConnection } from './api-connection'

export interface AppContext {
  client: TigoClient
  api: Pick<ApiConnection, 'usesSimulator' | 'resolve'>
  cache: LookupCache
  outbox: Outbox
  payments: PaymentService
  audit: AuditLog
  settings: SettingsStore
  secrets: ClientSecretStore
  events: EventBus
  clock: Clock
  isOnline(): boolean
  /** Probes Tigo now (shared with any probe in flight); true when it answers. */
  checkReachable(): Promise<boolean>
  syncStatus(): SyncStatus
  /** Asks the sync engine for a drain and resolves when it finished (no-op without one). */
  requestDrain(reason: DrainReason): Promise<void>
  /** Who is at the till: the signed-in user (`signed_out` / `session_locked` otherwise). */
  cashier(): Person
  /** The sign-in session: supervisor approvals and the role of who is at the till. */
  sessions: Pick<SessionService, 'redeemApproval' | 'current'>
  /** The terminal's open shift: no payment is taken without one (issue 14). */
  shifts: Pick<ShiftService, 'current'>
}
