/**
 * What the outbox answers without changing anything: the summary of the status bar, the outbox
 * screen's list, an item's attempts, and what the engine asks before it sends (is this bill
 * waiting here already, may a request of ours have reached Tigo with it).
 */
import type { AttemptRow, ItemWithPaymentRow, PaymentRow } from '@main/store/rows'
import { toAttempt, toOutboxItem, toPaymentRecord } from '@main/store/rows'
import type {
  OutboxAttempt,
  OutboxFilter,
  OutboxItem,
  OutboxPayment,
  OutboxState,
  OutboxSummary
} from '@main/store/types'
import { OUTBOX_STATES, WAITING_STATES } from '@main/store/types'
import { idList, type OutboxSql } from './outbox-sql'

export interface OutboxQueries {
  listUncertain(): OutboxItem[]
  /** Earliest next_attempt_at of a queued item, or null when nothing is queued. */
  nextAttemptAt(): number | null
  /** Pesos in queued + sending + uncertain: the pending-total cap, without a full summary. */
  waitingAmount(): number
  summary(now: number): OutboxSummary
  list(filter?: OutboxFilter): OutboxPayment[]
  attempts(itemId: number): OutboxAttempt[]
  /** The item holding this bill in a non-rejected state, if any. */
  activeItemForBill(billNo: string): OutboxItem | undefined
  /**
   * Of these items, those whose bill a request of ours may already have reached Tigo with: the
   * item itself was once uncertain or rejected, or an earlier item of the same bill was rejected
   * (a batch re-import). Sending any of them again must pass the resend gate
   * (sync/resend-gate.ts): Tigo asked live, and the bill unpaid.
   */
  possiblyDelivered(items: readonly Pick<OutboxItem, 'id' | 'billNo'>[]): Set<number>
}

export function createOutboxQueries(sql: OutboxSql): OutboxQueries {
  return {
    listUncertain() {
      return (sql.uncertain.all() as ItemWithPaymentRow[]).map(toOutboxItem)
    },

    nextAttemptAt() {
      return (sql.nextAttemptAt.get() as { at: number | null }).at
    },

    waitingAmount() {
      return (sql.waitingAmount.get() as { amount: number }).amount
    },

    summary(now) {
      const states = Object.fromEntries(
        OUTBOX_STATES.map((state) => [state, { count: 0, amount: 0 }])
      ) as OutboxSummary['states']
      const rows = sql.perState.all() as { state: OutboxState; count: number; amount: number }[]
      for (const row of rows) states[row.state] = { count: row.count, amount: row.amount }
      const waiting = WAITING_STATES.reduce(
        (sum, state) => ({
          count: sum.count + states[state].count,
          amount: sum.amount + states[state].amount
        }),
        { count: 0, amount: 0 }
      )
      const oldest = sql.oldestWaiting.get() as { at: number | null }
      const flagged = sql.flaggedWaiting.get() as { n: number }
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
      const payments = sql
        .cached(
          `SELECT p.* FROM payments p WHERE EXISTS (
             SELECT 1 FROM outbox_items i WHERE i.payment_id = p.id AND ${condition})
           ORDER BY p.created_at DESC, p.id LIMIT ?`
        )
        .all(...params, limit) as PaymentRow[]
      const itemsOf = sql.cached(
        `${sql.selectItems} WHERE ${condition} AND i.payment_id = ? ORDER BY i.id`
      )
      return payments.map((payment) => ({
        ...toPaymentRecord(payment),
        items: (itemsOf.all(...params, payment.id) as ItemWithPaymentRow[]).map(toOutboxItem)
      }))
    },

    attempts(itemId) {
      return (sql.attempts.all(itemId) as AttemptRow[]).map(toAttempt)
    },

    activeItemForBill(billNo) {
      const row = sql.activeForBill.get(billNo) as ItemWithPaymentRow | undefined
      return row ? toOutboxItem(row) : undefined
    },

    possiblyDelivered(list) {
      if (list.length === 0) return new Set()
      const ids = list.map((item) => item.id)
      const seen = new Set(
        (sql.possiblyDeliveredItems.all(idList(ids)) as { id: number }[]).map((row) => row.id)
      )
      const bills = JSON.stringify([...new Set(list.map((item) => item.billNo))])
      const rejected = new Set(
        (sql.rejectedBills.all(bills) as { billNo: string }[]).map((row) => row.billNo)
      )
      for (const item of list) if (rejected.has(item.billNo)) seen.add(item.id)
      return seen
    }
  }
}
