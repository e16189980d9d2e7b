/**
 * The store services over one open database, wired as the app wires them: the sync world of the
 * scripts and the store tests build on this, so neither repeats the wiring.
 */
import { createAuditLog, type AuditLog } from '@main/audit/audit-log'
import { createLookupCache, type LookupCache } from '@main/lookups/cache'
import type { Database } from '@main/store/db'
import { createOutbox, type Outbox } from '@main/outbox/outbox'
import { createPaymentService, type PaymentService } from '@main/payments/payment-service'
import type { Clock, PaymentCaps } from '@main/store/types'

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
