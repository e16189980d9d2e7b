/** What the feature handlers are built from; `services.ts` assembles it. */
import type { SyncStatus } from '@shared/ipc/views'
import type { EventBus } from '@main/ipc'
import type { ClientSecretStore } from '@main/secrets/secret-store'
import type { SettingsStore } from '@main/settings/settings-store'
import type { ShiftService } from '@main/shifts/shift-service'
import type { AuditLog } from '@main/audit/audit-log'
import type { LookupCache } from '@main/lookups/cache'
import type { Outbox } from '@main/outbox/outbox'
import type { PaymentService } from '@main/payments/payment-service'
import type { Clock, Person } from '@main/store/types'
import type { DrainReason } from '@main/sync/types'
import type { TigoClient } from '@main/tigo/client'
import type { SessionService } from '@main/users/sessions'
import type { ApiConnection } from '@main/tigo/api-connection'

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
