/**
 * The outbox's SQL, prepared once per store instance: the sync engine moves items many times a
 * second while draining, and preparing a statement costs more than running it.
 *
 * Statements that act on many items take the ids as ONE JSON array (`idList(…)`, read by
 * `json_each`), so a transition of a whole round is a handful of statement runs, not a few per
 * item.
 */
import type { Statement } from 'better-sqlite3'

import type { Database } from '@main/store/db'
import { statementCache } from '@main/store/db'
import { ITEM_WITH_PAYMENT_COLUMNS } from '@main/store/rows'
import { WAITING_STATES, type OutboxItem } from '@main/store/types'
import { insertAuditRow } from '@main/audit/audit-log'

const WAITING_SQL = WAITING_STATES.map((state) => `'${state}'`).join(', ')

/** The parameter of an `IN (SELECT value FROM json_each(?))`. */
export function idList(ids: readonly number[]): string {
  return JSON.stringify(ids)
}

const IN_IDS = 'IN (SELECT value FROM json_each(?))'

const SELECT_ITEMS = `SELECT ${ITEM_WITH_PAYMENT_COLUMNS} FROM outbox_items i
  JOIN payments p ON p.id = i.payment_id`

export interface OutboxSql {
  insertItem: Statement
  insertAttempt: Statement
  insertAttempts: Statement
  states: Statement
  items: Statement
  touch: Statement
  due: Statement
  sendingIds: Statement
  uncertain: Statement
  activeForBill: Statement
  nextAttemptAt: Statement
  waitingAmount: Statement
  perState: Statement
  oldestWaiting: Statement
  flaggedWaiting: Statement
  attempts: Statement
  requeueNow: Statement
  /** Items of the list some attempt of which may have reached Tigo (uncertain or rejected). */
  possiblyDeliveredItems: Statement
  /** Bills of the list held by a rejected item (an earlier item of the same bill). */
  rejectedBills: Statement
  staleUnflagged: Statement
  /** A payment keeps the time it was first flagged. */
  flagPayment: Statement
  /** The UPDATE moving items to a state, `set` being the extra assignments for it. */
  update(set: string): Statement
  cached(sql: string): Statement
  /** SELECT of items joined with their payment, for a WHERE to follow. */
  selectItems: string
}

export function prepareOutboxSql(db: Database): OutboxSql {
  const cached = statementCache(db)
  return {
    insertItem: db.prepare(
      `INSERT INTO outbox_items (payment_id, bill_no, contract_id, reference, amount, due_date,
         unverified, state, next_attempt_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`
    ),
    insertAttempt: db.prepare(
      `INSERT INTO outbox_attempts (item_id, at, from_state, to_state, outcome, http_status, detail)
       VALUES (?, ?, ?, ?, ?, ?, ?)`
    ),
    /** One attempt row per item, from each item's current state: run before the UPDATE. */
    insertAttempts: db.prepare(
      `INSERT INTO outbox_attempts (item_id, at, from_state, to_state, outcome, http_status, detail)
       SELECT id, ?, state, ?, ?, ?, ? FROM outbox_items WHERE id ${IN_IDS} ORDER BY id`
    ),
    states: db.prepare(`SELECT id, state FROM outbox_items WHERE id ${IN_IDS}`),
    items: db.prepare(`${SELECT_ITEMS} WHERE i.id ${IN_IDS}`),
    /** `set` is extra assignments after `state = ?, updated_at = ?`; its parameters come next. */
    update: (set: string): Statement =>
      cached(
        `UPDATE outbox_items SET state = ?, updated_at = ?${set ? `, ${set}` : ''}
         WHERE id ${IN_IDS}`
      ),
    touch: db.prepare(`UPDATE outbox_items SET updated_at = ?, last_error = ? WHERE id ${IN_IDS}`),
    due: db.prepare(
      `SELECT id FROM outbox_items WHERE state = 'queued' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`
    ),
    sendingIds: db.prepare(
      `SELECT id, unverified FROM outbox_items WHERE state = 'sending' ORDER BY id`
    ),
    uncertain: db.prepare(`${SELECT_ITEMS} WHERE i.state = 'uncertain' ORDER BY i.id`),
    activeForBill: db.prepare(`${SELECT_ITEMS} WHERE i.bill_no = ? AND i.state <> 'rejected'`),
    nextAttemptAt: db.prepare(
      `SELECT MIN(next_attempt_at) AS at FROM outbox_items WHERE state = 'queued'`
    ),
    /** Served by the covering index outbox_items_state_amount (migration 004). */
    waitingAmount: db.prepare(
      `SELECT COALESCE(SUM(amount), 0) AS amount FROM outbox_items WHERE state IN (${WAITING_SQL})`
    ),
    perState: db.prepare(
      'SELECT state, COUNT(*) AS count, SUM(amount) AS amount FROM outbox_items GROUP BY state'
    ),
    oldestWaiting: db.prepare(
      `SELECT MIN(created_at) AS at FROM outbox_items WHERE state IN (${WAITING_SQL})`
    ),
    flaggedWaiting: db.prepare(
      `SELECT COUNT(*) AS n FROM payments p WHERE p.supervisor_flagged_at IS NOT NULL
       AND EXISTS (SELECT 1 FROM outbox_items i WHERE i.payment_id = p.id
                   AND i.state IN (${WAITING_SQL}))`
    ),
    attempts: db.prepare('SELECT * FROM outbox_attempts WHERE item_id = ? ORDER BY id'),
    requeueNow: db.prepare(
      `UPDATE outbox_items SET next_attempt_at = ?, updated_at = ? WHERE id ${IN_IDS}`
    ),
    possiblyDeliveredItems: db.prepare(
      `SELECT DISTINCT item_id AS id FROM outbox_attempts
       WHERE item_id ${IN_IDS} AND to_state IN ('uncertain', 'rejected')`
    ),
    /** Rejected items are few; the (state, next_attempt_at) index finds them. */
    rejectedBills: db.prepare(
      `SELECT DISTINCT bill_no AS billNo FROM outbox_items
       WHERE state = 'rejected' AND bill_no ${IN_IDS}`
    ),
    staleUnflagged: db.prepare(
      `SELECT DISTINCT p.id FROM payments p JOIN outbox_items i ON i.payment_id = p.id
       WHERE p.supervisor_flagged_at IS NULL AND i.state IN (${WAITING_SQL})
         AND i.created_at <= ? ORDER BY p.id`
    ),
    flagPayment: db.prepare(
      'UPDATE payments SET supervisor_flagged_at = ? WHERE id = ? AND supervisor_flagged_at IS NULL'
    ),
    /** For `list`, whose WHERE depends on the filter: the few shapes the screen uses. */
    cached,
    selectItems: SELECT_ITEMS
  }
}

/**
 * Marks the payments of these items for a supervisor's look and audits why, as the system; inside
 * the caller's write transaction, so the flag and its reason land together.
 */
export function flagForSupervisor(
  db: Database,
  sql: OutboxSql,
  now: number,
  action: string,
  note: string,
  items: readonly Pick<OutboxItem, 'id' | 'paymentId' | 'billNo'>[]
): void {
  const flaggedAt = new Date(now).toISOString()
  for (const paymentId of new Set(items.map((item) => item.paymentId))) {
    sql.flagPayment.run(flaggedAt, paymentId)
  }
  insertAuditRow(db, now, 'system', action, {
    note,
    items: items.map((item) => ({ id: item.id, paymentId: item.paymentId, billNo: item.billNo }))
  })
}
