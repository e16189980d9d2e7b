/**
 * The two writes of the engine's check of a bill paid offline from its barcode alone
 * (sync/verify-step.ts): the bill found with Tigo for that customer and amount takes Tigo's bill
 * number; a bill that is not that customer's, or not for that amount, flags its payment for a
 * supervisor (the item itself is rejected by the engine: it is never sent).
 */
import { AppError } from '@shared/errors'
import type { Database } from '@main/store/db'
import { isUniqueViolation, writeTransaction } from '@main/store/db'
import { flagForSupervisor, idList, type OutboxSql } from './outbox-sql'
import type { Clock, OutboxItem } from '@main/store/types'

export const VERIFIED_OUTCOME = 'verified'

export interface OutboxVerifier {
  /**
   * A `sending`, unverified item becomes the bill Tigo listed: `billNo` replaces the scanned
   * reference and the item is verified (a step the schema allows once). Throws
   * `bill_already_queued` when another item already holds that bill.
   */
  markVerified(itemId: number, billNo: string, note: string): OutboxItem
  /** Flags the payments of these items for a supervisor, with an audit line saying why. */
  flagPayments(
    items: readonly Pick<OutboxItem, 'id' | 'paymentId' | 'billNo'>[],
    note: string
  ): void
}

export function createOutboxVerifier(deps: {
  db: Database
  sql: OutboxSql
  clock: Clock
  items(ids: readonly number[]): OutboxItem[]
}): OutboxVerifier {
  const { db, sql, clock } = deps
  const verify = db.prepare(
    `UPDATE outbox_items SET bill_no = ?, unverified = 0, updated_at = ?
     WHERE id = ? AND unverified = 1 AND state = 'sending'`
  )

  return {
    markVerified(itemId, billNo, note) {
      const now = clock()
      try {
        writeTransaction(db, () => {
          const changed = verify.run(billNo, now, itemId).changes
          if (changed !== 1) {
            throw new AppError('outbox_transition_illegal', {
              itemId,
              from: 'unverified',
              to: 'verified'
            })
          }
          sql.insertAttempts.run(now, 'sending', VERIFIED_OUTCOME, null, note, idList([itemId]))
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('bill_already_queued', { billNo })
        throw error
      }
      const [item] = deps.items([itemId])
      if (!item) throw new AppError('outbox_item_unknown', { itemId })
      return item
    },

    flagPayments(items, note) {
      if (items.length === 0) return
      const now = clock()
      writeTransaction(db, () =>
        flagForSupervisor(db, sql, now, 'outbox.unverified_mismatch', note, items)
      )
    }
  }
}
