/**
 * The store services over one open database, wired as the app wires them: the sync world of the
 * scripts and the store tests build on this, so neither repeats the wiring.
 */
import { createAuditLog, type AuditLog } from '../../electron/main/store/audit'
import { createLookupCache, type LookupCache } from '../../electron/main/store/cache'
import type { Database } from '../../electron/main/store/db'
import { createOutbox, type Outbox } from '../../electron/main/store/outbox'
import { createPaymentService, type PaymentService } from '../../electron/main/store/payments'
import type { Clock, PaymentCaps } from '../../electron/main/store/types'

export interface StoreServices {
  outbox: Outbox
  cache: LookupCache
  audit: AuditLog
  payments: PaymentService
}

export function openStoreServices(deps: {
  db: Database
  clock: Clock
  caps: () => PaymentCaps
  isOnline: () => boolean
}): StoreServices {
  const { db, clock } = deps
  const outbox = createOutbox({ db, clock })
  const cache = createLookupCache({ db, clock })
  const audit = createAuditLog({ db, clock })
  const payments = createPaymentService({
    db,
    clock,
    outbox,
    cache,
    audit,
    settings: deps.caps,
    isOnline: deps.isOnline
  })
  return { outbox, cache, audit, payments }
}
