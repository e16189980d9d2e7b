/**
 * Whether one parsed row can become a payment, by the same rules as the counter (payments.ts):
 * the bill must be in the offline cache for that customer and contract, at exactly its amount,
 * unpaid, and not already waiting in the outbox; plus the batch's own rules (NIT check digit, a
 * row already imported, the same bill twice in the file, a payment date in the future).
 */
import { createHash } from 'node:crypto'

import { validateIdentification } from '@shared/domain/identification'
import type { IdType } from '@shared/domain/identification'
import { formatCop } from '@shared/domain/money'
import type { BatchRowValues } from '@shared/ipc/channels/batch'
import type { LookupCache } from '@main/lookups/cache'
import { UNCONFIRMED_ID_TYPE } from '@main/lookups/cache'
import type { Database } from '@main/store/db'
import type { Outbox } from '@main/outbox/outbox'
import type { RowProblem } from './parse-payments'

/** A payment time this far ahead of the till's clock is a typo, not clock skew. */
const FUTURE_TOLERANCE_MS = 10 * 60_000

export interface RowCheckContext {
  cache: Pick<LookupCache, 'billByNo'>
  outbox: Pick<Outbox, 'activeItemForBill'>
  now: number
  /** `idType\0identification` of every customer with bills in the cache. */
  knownCustomers: Set<string>
  wasImported(rowHash: string): boolean
  /** Bills seen earlier in the same file. */
  seenBills: Set<string>
}

export function createRowCheckContext(deps: {
  db: Database
  cache: Pick<LookupCache, 'billByNo'>
  outbox: Pick<Outbox, 'activeItemForBill'>
  now: number
}): RowCheckContext {
  const customers = deps.db
    .prepare(`SELECT DISTINCT id_type || char(0) || identification AS k FROM cached_bills`)
    .pluck()
    .all() as string[]
  const imported = deps.db.prepare(
    'SELECT 1 FROM batch_rows WHERE row_hash = ? AND payment_id IS NOT NULL'
  )
  return {
    cache: deps.cache,
    outbox: deps.outbox,
    now: deps.now,
    knownCustomers: new Set(customers),
    wasImported: (hash) => imported.get(hash) !== undefined,
    seenBills: new Set()
  }
}

/** The identity of a row's content, whatever file or line it comes in. */
export function rowHash(values: BatchRowValues): string {
  const key = [
    values.idType,
    values.identification,
    values.contractId,
    values.billNo,
    values.amount,
    values.method,
    values.paidAt,
    values.externalRef ?? ''
  ]
  return createHash('sha256').update(JSON.stringify(key)).digest('hex')
}

export type RowCheck =
  | { ok: true; values: BatchRowValues; hash: string }
  | { ok: false; values: BatchRowValues; problem: RowProblem }

export function checkRow(parsed: BatchRowValues, ctx: RowCheckContext): RowCheck {
  const fail = (reason: RowProblem['reason'], params: RowProblem['params'] = {}): RowCheck => ({
    ok: false,
    values: parsed,
    problem: { reason, params }
  })

  const id = validateIdentification(parsed.idType as IdType, parsed.identification)
  if (!id.ok) {
    return id.code === 'nit_check_digit'
      ? fail('nit_check_digit', { identification: parsed.identification, ...(id.params ?? {}) })
      : fail('identification_invalid', { identification: parsed.identification, code: id.code })
  }
  const values: BatchRowValues = { ...parsed, identification: id.value }
  const failWith = (reason: RowProblem['reason'], params: RowProblem['params'] = {}): RowCheck => ({
    ok: false,
    values,
    problem: { reason, params }
  })

  if (Date.parse(values.paidAt) > ctx.now + FUTURE_TOLERANCE_MS) {
    return failWith('paid_at_future', { paidAt: values.paidAt })
  }
  const billNo = values.billNo
  if (ctx.seenBills.has(billNo)) return failWith('duplicate_row', { billNo })
  ctx.seenBills.add(billNo)

  const hash = rowHash(values)
  if (ctx.wasImported(hash)) return failWith('already_imported', { billNo })

  const cached = ctx.cache.billByNo(billNo)
  if (!cached || cached.contractId !== values.contractId) {
    if (!ctx.knownCustomers.has(`${values.idType}\u0000${values.identification}`)) {
      return failWith('customer_unknown', {
        idType: values.idType,
        identification: values.identification
      })
    }
    return failWith('bill_unknown', { billNo, contractId: values.contractId })
  }
  if (cached.idType === UNCONFIRMED_ID_TYPE) return failWith('id_type_unconfirmed', { billNo })
  if (cached.idType !== values.idType || cached.identification !== values.identification) {
    return failWith('bill_not_customer', { billNo, identification: values.identification })
  }
  if (cached.amount !== values.amount) {
    return failWith('amount_mismatch', {
      billNo,
      expected: formatCop(cached.amount),
      given: formatCop(values.amount)
    })
  }
  if (cached.paid) return failWith('bill_already_paid', { billNo })
  if (ctx.outbox.activeItemForBill(billNo)) return failWith('bill_already_queued', { billNo })
  return { ok: true, values, hash }
}
