/** Every channel's handler, by feature. */
import type { BatchService } from '../batch/batch-service'
import type { Handlers } from '../ipc'
import type { Printer } from '../print/printer'
import type { ShiftService } from '../shifts/shift-service'
import type { UserAdmin } from '../users/management'
import type { SessionService } from '../users/sessions'
import { auditHandlers } from './audit'
import { createTigoLookups } from '../batch/tigo-lookups'
import { batchHandlers } from './batch'
import type { AppContext } from './context'
import { lookupHandlers } from './lookups'
import { outboxHandlers } from './outbox'
import { syncHandlers } from '../sync/handlers'
import { paymentHandlers } from './payments'
import { printerHandlers } from './printers'
import { receiptHandlers } from './receipts'
import { sessionHandlers } from './session'
import { settingsHandlers } from './settings'
import type { ShiftAccess } from './shift-access'
import { shiftHandlers } from './shifts'
import { userHandlers } from './users'

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
