/**
 * The outbox: one item per bill of a saved payment, moved through an explicit state machine by
 * the sync engine. Every transition is checked against OUTBOX_TRANSITIONS, written with an
 * outbox_attempts row in the same transaction, and anything not in the table throws.
 *
 * `uncertain` means "the request may have reached Tigo": only a reconcile (asking the API whether
 * the bill is now paid) may move it on, never a blind resend.
 */
import { AppError } from '../../../shared/errors'
import { insertAuditRow } from './audit'
import type { Database } from './db'
import { isUniqueViolation, writeTransaction } from './db'
import type { AttemptRow, ItemWithPaymentRow, PaymentRow } from './rows'
import { ITEM_WITH_PAYMENT_COLUMNS, toAttempt, toOutboxItem, toPaymentRecord } from './rows'
import type {
  AttemptNote,
  Clock,
  OutboxAttempt,
  OutboxFilter,
  OutboxItem,
  OutboxPayment,
  OutboxState,
  OutboxSummary
} from './types'
import { OUTBOX_STATES, WAITING_STATES } from './types'
import type { TransitionActor } from './outbox-transitions'
import { canTransition, noteParts, sanitizeDetail } from './outbox-transitions'

export {
  OUTBOX_TRANSITIONS,
  SUPERVISOR_TRANSITIONS,
  canTransition,
  sanitizeDetail
} from './outbox-transitions'
export type { TransitionActor } from './outbox-transitions'

export interface NewOutboxItem {
  billNo: string
  contractId: string
  reference: string | null
  amount: number
  dueDate: string | null
}

export interface Outbox {
  /** Adds one queued item per bill; meant to run inside the payment's transaction. */
  enqueue(paymentId: string, bills: readonly NewOutboxItem[]): OutboxItem[]
  /** queued items due by `now` → sending (attempts + 1), ordered so one customer's are adjacent. */
  claimDue(now: number, limit: number): OutboxItem[]
  markRegistered(ids: readonly number[], note?: AttemptNote): OutboxItem[]
  markUncertain(ids: readonly number[], error: AttemptNote): OutboxItem[]
  markQueued(ids: readonly number[], nextAttemptAt: number, error: AttemptNote): OutboxItem[]
  markRejected(ids: readonly number[], reason: AttemptNote): OutboxItem[]
  /** Records a reconcile that could not decide (API unreachable): the item stays uncertain. */
  recordReconcile(ids: readonly number[], note: AttemptNote): void
  listUncertain(): OutboxItem[]
  /** At startup: items left in `sending` by a crash become `uncertain`. Returns them. */
  recoverInterrupted(): OutboxItem[]
  /** Earliest next_attempt_at of a queued item, or null when nothing is queued. */
  nextAttemptAt(): number | null
  summary(now: number): OutboxSummary
  list(filter?: OutboxFilter): OutboxPayment[]
  attempts(itemId: number): OutboxAttempt[]
  items(ids: readonly number[]): OutboxItem[]
  /** The item holding this bill in a non-rejected state, if any. */
  activeItemForBill(billNo: string): OutboxItem | undefined
  /** Supervisor action: rejected → queued, queued → due now. Audited. */
  retry(ids: readonly number[], actor: string): OutboxItem[]
  /** Flags payments whose items waited longer than `maxAgeMs`; returns their ids. Never drops. */
  flagStale(now: number, maxAgeMs: number): string[]
}

const WAITING_SQL = WAITING_STATES.map((state) => `'${state}'`).join(', ')

export function createOutbox({ db, clock }: { db: Database; clock: Clock }): Outbox {
  const selectItems = (where: string) =>
    db.prepare(
      `SELECT ${ITEM_WITH_PAYMENT_COLUMNS} FROM outbox_items i
       JOIN payments p ON p.id = i.payment_id WHERE ${where}`
    )
  const insertAttempt = db.prepare(
    `INSERT INTO outbox_attempts (item_id, at, from_state, to_state, outcome, http_status, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )

  function items(ids: readonly number[]): OutboxItem[] {
    const select = selectItems('i.id = ?')
    return ids.flatMap((id) => {
      const row = select.get(id) as ItemWithPaymentRow | undefined
      return row ? [toOutboxItem(row)] : []
    })
  }

  /**
   * Moves every item to `to` or none: an unknown id or an illegal move aborts the batch.
   * `set` is the extra SQL assignments for the target state, `values` their parameters.
   */
  function transition(
    ids: readonly number[],
    to: OutboxState,
    outcome: string,
    note: AttemptNote | undefined,
    set = '',
    values: readonly (string | number | null)[] = [],
    actor: TransitionActor = 'engine'
  ): OutboxItem[] {
    const now = clock()
    const { detail, httpStatus } = noteParts(note)
    const getState = db.prepare('SELECT state FROM outbox_items WHERE id = ?')
    const update = db.prepare(
      `UPDATE outbox_items SET state = ?, updated_at = ?${set ? `, ${set}` : ''} WHERE id = ?`
    )
    try {
      writeTransaction(db, () => {
        for (const id of ids) {
          const row = getState.get(id) as { state: OutboxState } | undefined
          if (!row) throw new AppError('outbox_item_unknown', { itemId: id })
          if (!canTransition(row.state, to, actor)) {
            throw new AppError(
              'outbox_transition_illegal',
              { itemId: id, from: row.state, to },
              `Transición no permitida del ítem ${id}: ${row.state} → ${to}`
            )
          }
          update.run(to, now, ...values, id)
          insertAttempt.run(id, now, row.state, to, outcome, httpStatus, detail)
        }
      })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('bill_already_queued', {}, 'La factura ya está en espera o registrada')
      }
      throw error
    }
    return items(ids)
  }

  return {
    enqueue(paymentId, bills) {
      const now = clock()
      const insert = db.prepare(
        `INSERT INTO outbox_items (payment_id, bill_no, contract_id, reference, amount, due_date,
           state, next_attempt_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?)`
      )
      const ids = writeTransaction(db, () =>
        bills.map((bill) => {
          const id = Number(
            insert.run(
              paymentId,
              bill.billNo,
              bill.contractId,
              bill.reference,
              bill.amount,
              bill.dueDate,
              now,
              now,
              now
            ).lastInsertRowid
          )
          insertAttempt.run(id, now, null, 'queued', 'created', null, null)
          return id
        })
      )
      return items(ids)
    },

    claimDue(now, limit) {
      const take = Math.max(0, Math.trunc(limit))
      if (take === 0) return []
      const ids = writeTransaction(db, () => {
        const due = db
          .prepare(
            `SELECT id FROM outbox_items WHERE state = 'queued' AND next_attempt_at <= ?
             ORDER BY next_attempt_at, id LIMIT ?`
          )
          .all(now, take) as { id: number }[]
        const claimed = due.map((row) => row.id)
        transition(claimed, 'sending', 'claimed', undefined, 'attempts = attempts + 1')
        return claimed
      })
      return items(ids).sort(
        (a, b) =>
          a.idType.localeCompare(b.idType) ||
          a.identification.localeCompare(b.identification) ||
          a.paymentId.localeCompare(b.paymentId) ||
          a.id - b.id
      )
    },

    markRegistered(ids, note) {
      return transition(
        ids,
        'registered',
        'registered',
        note,
        'registered_at = ?, last_error = NULL',
        [clock()]
      )
    },

    markUncertain(ids, error) {
      return transition(ids, 'uncertain', 'uncertain', error, 'last_error = ?', [
        noteParts(error).detail
      ])
    },

    markQueued(ids, nextAttemptAt, error) {
      return transition(ids, 'queued', 'requeued', error, 'next_attempt_at = ?, last_error = ?', [
        nextAttemptAt,
        noteParts(error).detail
      ])
    },

    markRejected(ids, reason) {
      const { detail } = noteParts(reason)
      return transition(
        ids,
        'rejected',
        'rejected',
        reason,
        'rejected_reason = ?, last_error = ?',
        [detail, detail]
      )
    },

    recordReconcile(ids, note) {
      const now = clock()
      const { detail, httpStatus } = noteParts(note)
      writeTransaction(db, () => {
        for (const id of ids) {
          const row = db.prepare('SELECT state FROM outbox_items WHERE id = ?').get(id) as
            { state: OutboxState } | undefined
          if (!row) throw new AppError('outbox_item_unknown', { itemId: id })
          if (row.state !== 'uncertain') {
            throw new AppError('outbox_transition_illegal', {
              itemId: id,
              from: row.state,
              to: 'uncertain'
            })
          }
          db.prepare('UPDATE outbox_items SET updated_at = ?, last_error = ? WHERE id = ?').run(
            now,
            detail,
            id
          )
          insertAttempt.run(
            id,
            now,
            'uncertain',
            'uncertain',
            'reconcile_failed',
            httpStatus,
            detail
          )
        }
      })
    },

    listUncertain() {
      const rows = selectItems(`i.state = 'uncertain' ORDER BY i.id`).all() as ItemWithPaymentRow[]
      return rows.map(toOutboxItem)
    },

    recoverInterrupted() {
      const ids = (
        db.prepare(`SELECT id FROM outbox_items WHERE state = 'sending' ORDER BY id`).all() as {
          id: number
        }[]
      ).map((row) => row.id)
      const message = 'interrupted while sending: the request may have reached Tigo'
      return transition(ids, 'uncertain', 'interrupted', message, 'last_error = ?', [message])
    },

    nextAttemptAt() {
      const row = db
        .prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox_items WHERE state = 'queued'`)
        .get() as { at: number | null }
      return row.at
    },

    summary(now) {
      const states = Object.fromEntries(
        OUTBOX_STATES.map((state) => [state, { count: 0, amount: 0 }])
      ) as OutboxSummary['states']
      const rows = db
        .prepare(
          'SELECT state, COUNT(*) AS count, SUM(amount) AS amount FROM outbox_items GROUP BY state'
        )
        .all() as { state: OutboxState; count: number; amount: number }[]
      for (const row of rows) states[row.state] = { count: row.count, amount: row.amount }
      const waiting = WAITING_STATES.reduce(
        (sum, state) => ({
          count: sum.count + states[state].count,
          amount: sum.amount + states[state].amount
        }),
        { count: 0, amount: 0 }
      )
      const oldest = db
        .prepare(`SELECT MIN(created_at) AS at FROM outbox_items WHERE state IN (${WAITING_SQL})`)
        .get() as { at: number | null }
      const flagged = db
        .prepare(
          `SELECT COUNT(*) AS n FROM payments p WHERE p.supervisor_flagged_at IS NOT NULL
           AND EXISTS (SELECT 1 FROM outbox_items i WHERE i.payment_id = p.id
                       AND i.state IN (${WAITING_SQL}))`
        )
        .get() as { n: number }
      return {
        states,
        waiting,
        oldestWaitingAgeMs: oldest.at === null ? null : Math.max(0, now - oldest.at),
        flaggedPayments: flagged.n
      }
    },

    list(filter = {}) {
      const where: string[] = []
      const params: (string | number)[] = []
      if (filter.states && filter.states.length > 0) {
        where.push(`i.state IN (${filter.states.map(() => '?').join(', ')})`)
        params.push(...filter.states)
      }
      if (filter.from !== undefined) {
        where.push('p.created_at >= ?')
        params.push(new Date(filter.from).toISOString())
      }
      if (filter.to !== undefined) {
        where.push('p.created_at < ?')
        params.push(new Date(filter.to).toISOString())
      }
      if (filter.paymentId !== undefined) {
        where.push('p.id = ?')
        params.push(filter.paymentId)
      }
      const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 500)), 5000)
      const condition = where.length > 0 ? where.join(' AND ') : '1 = 1'
      const payments = db
        .prepare(
          `SELECT p.* FROM payments p WHERE EXISTS (
             SELECT 1 FROM outbox_items i WHERE i.payment_id = p.id AND ${condition})
           ORDER BY p.created_at DESC, p.id LIMIT ?`
        )
        .all(...params, limit) as PaymentRow[]
      const itemsOf = selectItems(`${condition} AND i.payment_id = ? ORDER BY i.id`)
      return payments.map((payment) => ({
        ...toPaymentRecord(payment),
        items: (itemsOf.all(...params, payment.id) as ItemWithPaymentRow[]).map(toOutboxItem)
      }))
    },

    attempts(itemId) {
      const rows = db
        .prepare('SELECT * FROM outbox_attempts WHERE item_id = ? ORDER BY id')
        .all(itemId) as AttemptRow[]
      return rows.map(toAttempt)
    },

    items,

    activeItemForBill(billNo) {
      const row = selectItems(`i.bill_no = ? AND i.state <> 'rejected'`).get(billNo) as
        ItemWithPaymentRow | undefined
      return row ? toOutboxItem(row) : undefined
    },

    retry(ids, actor) {
      const now = clock()
      return writeTransaction(db, () => {
        const before = items(ids)
        if (before.length !== ids.length) {
          const known = new Set(before.map((item) => item.id))
          throw new AppError('outbox_item_unknown', {
            itemId: ids.find((id) => !known.has(id)) ?? 0
          })
        }
        const rejected = before.filter((item) => item.state === 'rejected').map((item) => item.id)
        const queued = before.filter((item) => item.state === 'queued').map((item) => item.id)
        const other = before.find((item) => item.state !== 'rejected' && item.state !== 'queued')
        if (other) {
          throw new AppError('outbox_transition_illegal', {
            itemId: other.id,
            from: other.state,
            to: 'queued'
          })
        }
        const note = `retry by ${actor}`
        transition(
          rejected,
          'queued',
          'retried',
          note,
          'next_attempt_at = ?, rejected_reason = NULL',
          [now],
          'supervisor'
        )
        for (const id of queued) {
          db.prepare(
            'UPDATE outbox_items SET next_attempt_at = ?, updated_at = ? WHERE id = ?'
          ).run(now, now, id)
          insertAttempt.run(id, now, 'queued', 'queued', 'retried', null, sanitizeDetail(note))
        }
        insertAuditRow(db, now, actor, 'outbox.retry', {
          items: before.map((item) => ({ id: item.id, billNo: item.billNo, from: item.state }))
        })
        return items(ids)
      })
    },

    flagStale(now, maxAgeMs) {
      const cutoff = now - maxAgeMs
      const flaggedAt = new Date(now).toISOString()
      return writeTransaction(db, () => {
        const stale = db
          .prepare(
            `SELECT DISTINCT p.id FROM payments p JOIN outbox_items i ON i.payment_id = p.id
             WHERE p.supervisor_flagged_at IS NULL AND i.state IN (${WAITING_SQL})
               AND i.created_at <= ? ORDER BY p.id`
          )
          .all(cutoff) as { id: string }[]
        const flag = db.prepare('UPDATE payments SET supervisor_flagged_at = ? WHERE id = ?')
        for (const { id } of stale) {
          flag.run(flaggedAt, id)
          insertAuditRow(db, now, 'system', 'payment.flagged_stale', { paymentId: id, maxAgeMs })
        }
        return stale.map((row) => row.id)
      })
    }
  }
}
