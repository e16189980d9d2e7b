/** Every channel's handler, by feature. */
import type { BatchService } from '@main/batch/batch-service'
import type { Handlers } from '@main/ipc'
import type { Printer } from '@main/print/printer'
import type { ShiftService } from '@main/shifts/shift-service'
import type { UserAdmin } from '@main/users/management'
import type { SessionService } from '@main/users/sessions'
import { auditHandlers } from '@main/audit/handlers'
import { createTigoLookups } from '@main/batch/tigo-lookups'
import { batchHandlers } from '@main/batch/handlers'
import type { AppContext } from './context'
import { lookupHandlers } from '@main/lookups/handlers'
import { outboxHandlers } from '@main/outbox/handlers'
import { syncHandlers } from '@main/sync/handlers'
import { paymentHandlers } from '@main/payments/handlers'
import { printerHandlers } from '@main/print/printer-handlers'
import { receiptHandlers } from '@main/print/receipt-handlers'
import { sessionHandlers } from '@main/users/session-handlers'
import { settingsHandlers } from '@main/settings/handlers'
import type { ShiftAccess } from '@main/shifts/shift-access'
import { shiftHandlers } from '@main/shifts/handlers'
import { userHandlers } from '@main/users/handlers'

export type { AppContext }

/** What the features beyond the counter's own (`AppContext`) are built on. */
export interface FeatureServices {
  sessions: SessionService
  users: UserAdmin
  shifts: ShiftService
  shiftAccess: ShiftAccess
  printer: Printer
  batch: BatchService
}

export function createAppHandlers(ctx: AppContext, features: FeatureServices): Handlers {
  const { sessions, shifts, shiftAccess, batch } = features
  const { settings, cashier, audit } = ctx
  return {
    ...lookupHandlers(ctx),
    ...paymentHandlers(ctx),
    ...outboxHandlers(ctx),
    ...syncHandlers(ctx),
    ...settingsHandlers(ctx),
    ...sessionHandlers({ sessions }),
    ...userHandlers({ sessions, admin: features.users }),
    ...receiptHandlers({
      payments: ctx.payments,
      shifts,
      printer: features.printer,
      audit,
      settings,
      clock: ctx.clock,
      cashier,
      business: () => {
        const stored = settings.get()
        return {
          name: stored.businessName,
          nit: stored.businessNit,
          address: stored.businessAddress
        }
      },
      shiftAccess
    }),
    ...batchHandlers({
      batch,
      settings,
      cashier,
      onProgress: (progress) => ctx.events.emit('batch:progress', progress),
      // Online, rows of bills never seen are looked up at Tigo: no pre-load by hand (issue 14).
      lookups: createTigoLookups(ctx),
      afterConfirm: () => {
        ctx.events.emit('sync:status', ctx.syncStatus())
        void ctx.requestDrain('payment')
      }
    }),
    ...shiftHandlers({ shifts, settings, cashier, access: shiftAccess, sessions }),
    ...auditHandlers({ audit }),
    ...printerHandlers({
      printer: features.printer,
      settings,
      audit,
      clock: ctx.clock,
      cashier
    })
  }
}
