/**
 * The outbox: one item per bill of a saved payment, moved through an explicit state machine by
 * the sync engine. Every transition is checked against OUTBOX_TRANSITIONS, written with an
 * outbox_attempts row in the same transaction, and anything not in the table throws.
 *
 * `uncertain` means "the request may have reached Tigo": only a reconcile (asking the API whether
 * the bill is now paid) may move it on, never a blind resend.
 */
import { AppError } from '@shared/errors'
import { insertAuditRow } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { isUniqueViolation, writeTransaction } from '@main/store/db'
import { idList, prepareOutboxSql } from './outbox-sql'
import type { ItemWithPaymentRow } from '@main/store/rows'
import { toOutboxItem } from '@main/store/rows'
import type { AttemptNote, Clock, OutboxItem, OutboxState } from '@main/store/types'
import type { TransitionActor } from './outbox-transitions'
import { canTransition, noteParts, sanitizeDetail } from './outbox-transitions'
import { createOutboxSupervisor, type OutboxSupervisor } from './outbox-supervisor'
import { createOutboxVerifier, type OutboxVerifier } from './outbox-verify'
import { createOutboxQueries, type OutboxQueries } from './outbox-queries'

export {
  OUTBOX_TRANSITIONS,
  SUPERVISOR_TRANSITIONS,
  canTransition,
  sanitizeDetail
} from './outbox-transitions'
export type { TransitionActor } from './outbox-transitions'
export type { SupervisorDecision, SupervisorDecisionInput } from './outbox-supervisor'

export interface NewOutboxItem {
  billNo: string
  contractId: string
  reference: string | null
  amount: number
  dueDate: string | null
  /** Paid from its barcode alone (`billNo` is the reference): checked before it is sent. */
  unverified?: boolean
}

export interface Outbox extends OutboxSupervisor, OutboxVerifier, OutboxQueries {
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
  /** At startup: items left in `sending` by a crash become `uncertain`. Returns them. */
  recoverInterrupted(): OutboxItem[]
  items(ids: readonly number[]): OutboxItem[]
  /** Supervisor action: rejected → queued, queued → due now. Audited. */
  retry(ids: readonly number[], actor: string): OutboxItem[]
  /** Flags payments whose items waited longer than `maxAgeMs`; returns their ids. Never drops. */
  flagStale(now: number, maxAgeMs: number): string[]
}

export function createOutbox({ db, clock }: { db: Database; clock: Clock }): Outbox {
  const sql = prepareOutboxSql(db)

  /** The items in the order of `ids` (unknown ids left out). */
  function items(ids: readonly number[]): OutboxItem[] {
    if (ids.length === 0) return []
    const rows = sql.items.all(idList(ids)) as ItemWithPaymentRow[]
    const byId = new Map(rows.map((row) => [row.id, toOutboxItem(row)]))
    return ids.flatMap((id) => {
      const item = byId.get(id)
      return item ? [item] : []
    })
  }

  /**
   * Throws on the first id (in the caller's order) that is unknown or may not move to `to`.
   * An id given twice is refused the second time, as moving an item to where it already is.
   */
  function checkMoves(ids: readonly number[], to: OutboxState, actor: TransitionActor): void {
    const rows = sql.states.all(idList(ids)) as { id: number; state: OutboxState }[]
    const stateOf = new Map(rows.map((row) => [row.id, row.state]))
    const seen = new Set<number>()
    for (const id of ids) {
      const from = seen.has(id) ? to : stateOf.get(id)
      if (from === undefined) throw new AppError('outbox_item_unknown', { itemId: id })
      if (!canTransition(from, to, actor)) {
        throw new AppError(
          'outbox_transition_illegal',
          { itemId: id, from, to },
          `Transición no permitida del ítem ${id}: ${from} → ${to}`
        )
      }
      seen.add(id)
    }
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
    if (ids.length === 0) return []
    const now = clock()
    const { detail, httpStatus } = noteParts(note)
    const list = idList(ids)
    try {
      writeTransaction(db, () => {
        checkMoves(ids, to, actor)
        // The attempt rows read each item's state before the update moves it.
        sql.insertAttempts.run(now, to, outcome, httpStatus, detail, list)
        sql.update(set).run(to, now, ...values, list)
      })
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new AppError('bill_already_queued', {}, 'La factura ya está en espera o registrada')
      }
      throw error
    }
    return items(ids)
  }

  const supervisor = createOutboxSupervisor({ db, sql, clock, transition, items })
  const verifier = createOutboxVerifier({ db, sql, clock, items })

  return {
    ...supervisor,
    ...verifier,
    ...createOutboxQueries(sql),

    enqueue(paymentId, bills) {
      const now = clock()
      const ids = writeTransaction(db, () =>
        bills.map((bill) => {
          const id = Number(
            sql.insertItem.run(
              paymentId,
              bill.billNo,
              bill.contractId,
              bill.reference,
              bill.amount,
              bill.dueDate,
              bill.unverified ? 1 : 0,
              now,
              now,
              now
            ).lastInsertRowid
          )
          sql.insertAttempt.run(id, now, null, 'queued', 'created', null, null)
          return id
        })
      )
      return items(ids)
    },

    claimDue(now, limit) {
      const take = Math.max(0, Math.trunc(limit))
      if (take === 0) return []
      // `transition` reads the claimed items back inside the same transaction.
      const claimed = writeTransaction(db, () => {
        const due = sql.due.all(now, take) as { id: number }[]
        return transition(
          due.map((row) => row.id),
          'sending',
          'claimed',
          undefined,
          'attempts = attempts + 1'
        )
      })
      return claimed.sort(
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
      if (ids.length === 0) return
      const now = clock()
      const { detail, httpStatus } = noteParts(note)
      const list = idList(ids)
      writeTransaction(db, () => {
        const rows = sql.states.all(list) as { id: number; state: OutboxState }[]
        const stateOf = new Map(rows.map((row) => [row.id, row.state]))
        for (const id of ids) {
          const from = stateOf.get(id)
          if (from === undefined) throw new AppError('outbox_item_unknown', { itemId: id })
          if (from !== 'uncertain') {
            throw new AppError('outbox_transition_illegal', { itemId: id, from, to: 'uncertain' })
          }
        }
        sql.insertAttempts.run(now, 'uncertain', 'reconcile_failed', httpStatus, detail, list)
        sql.touch.run(now, detail, list)
      })
    },

    recoverInterrupted() {
      const rows = sql.sendingIds.all() as { id: number; unverified: number }[]
      // An unverified item is sent only after its check: interrupted, it certainly never left.
      const unchecked = rows.filter((row) => row.unverified === 1).map((row) => row.id)
      const ids = rows.filter((row) => row.unverified !== 1).map((row) => row.id)
      const requeue = 'interrupted before the scanned bill was checked: nothing was sent'
      transition(unchecked, 'queued', 'interrupted', requeue, 'last_error = ?', [requeue])
      const message = 'interrupted while sending: the request may have reached Tigo'
      return transition(ids, 'uncertain', 'interrupted', message, 'last_error = ?', [message])
    },

    items,

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
        if (queued.length > 0) {
          const list = idList(queued)
          sql.insertAttempts.run(now, 'queued', 'retried', null, sanitizeDetail(note), list)
          sql.requeueNow.run(now, now, list)
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
        const stale = sql.staleUnflagged.all(cutoff) as { id: string }[]
        for (const { id } of stale) {
          sql.flagPayment.run(flaggedAt, id)
          insertAuditRow(db, now, 'system', 'payment.flagged_stale', { paymentId: id, maxAgeMs })
        }
        return stale.map((row) => row.id)
      })
    }
  }
}
