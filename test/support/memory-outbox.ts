/**
 * The outbox in memory, for engine unit tests without SQLite. It implements `SyncOutbox` with
 * the state machine of electron/main/outbox/outbox.ts: the same transition table
 * (outbox-transitions.ts, checked with `canTransition`), the same attempt rows, the same errors
 * (`outbox_item_unknown`, `outbox_transition_illegal`, `bill_already_queued`), the same claim
 * order and the same sanitized notes. test/integration/sync/memory-outbox-agrees.test.ts runs
 * one scripted sequence against both and compares them, so this fake cannot drift silently.
 */
import type { ClientInformation } from '@shared/api/models'
import type { PaymentReference } from '@shared/domain/payment-reference'
import { VERIFIED_OUTCOME } from '@main/outbox/outbox-verify'
import { AppError } from '@shared/errors'
import type { NewOutboxItem } from '@main/outbox/outbox'
import { NEEDS_SUPERVISOR_OUTCOME } from '@main/outbox/outbox-supervisor'
import { canTransition, noteParts, type TransitionActor } from '@main/outbox/outbox-transitions'
import {
  OUTBOX_STATES,
  WAITING_STATES,
  type AttemptNote,
  type Clock,
  type OutboxAttempt,
  type OutboxItem,
  type OutboxState,
  type OutboxSummary,
  type PaymentMethod
} from '@main/store/types'
import type { SyncOutbox } from '@main/sync/types'

/** The payment fields an outbox item carries (the real outbox joins them from `payments`). */
export interface MemoryPayment {
  id: string
  idType: string
  identification: string
  method: PaymentMethod
  receiptNo: number
  terminalId: string
  /** ISO 8601, as the payments table stores it. */
  createdAt: string
  clientInformation?: ClientInformation | null
  methodReference?: PaymentReference | null
}

export interface MemoryOutbox extends SyncOutbox {
  /** Like the payment service: the payment and one queued item per bill, at `clock()`. */
  enqueue(payment: MemoryPayment, bills: readonly NewOutboxItem[]): OutboxItem[]
  items(ids: readonly number[]): OutboxItem[]
  /** Every item, by id. */
  all(): OutboxItem[]
  /** Payment id → when it was flagged for a supervisor (ISO), as `payments.supervisor_flagged_at`. */
  flagged(): ReadonlyMap<string, string>
}

/** What the items table holds; the payment's fields are joined in by `view`. */
type Stored = Omit<
  OutboxItem,
  | 'idType'
  | 'identification'
  | 'method'
  | 'paymentCreatedAt'
  | 'receiptNo'
  | 'terminalId'
  | 'clientInformation'
  | 'methodReference'
>

export function createMemoryOutbox({ clock }: { clock: Clock }): MemoryOutbox {
  const payments = new Map<string, MemoryPayment>()
  const rows = new Map<number, Stored>()
  const log: OutboxAttempt[] = []
  const flaggedAt = new Map<string, string>()
  let nextItemId = 1

  function view(row: Stored): OutboxItem {
    const payment = payments.get(row.paymentId)
    if (!payment) throw new Error(`payment ${row.paymentId} of item ${row.id} is unknown`)
    return {
      ...row,
      idType: payment.idType,
      identification: payment.identification,
      method: payment.method,
      paymentCreatedAt: payment.createdAt,
      receiptNo: payment.receiptNo,
      terminalId: payment.terminalId,
      clientInformation: payment.clientInformation ?? null,
      methodReference: payment.methodReference ?? null
    }
  }

  /** The items in the order of `ids` (unknown ids left out), as the store's `items`. */
  function items(ids: readonly number[]): OutboxItem[] {
    return ids.flatMap((id) => {
      const row = rows.get(id)
      return row ? [view(row)] : []
    })
  }

  /** One attempt row per distinct item, in id order, each from the item's current state. */
  function attempt(ids: readonly number[], to: OutboxState, outcome: string, note: NoteParts) {
    const now = clock()
    for (const id of [...new Set(ids)].sort((a, b) => a - b)) {
      const row = rows.get(id)
      if (!row) continue
      log.push({
        id: log.length + 1,
        itemId: id,
        at: now,
        fromState: row.state,
        toState: to,
        outcome,
        httpStatus: note.httpStatus,
        detail: note.detail
      })
    }
  }

  /** Throws on the first id that is unknown or may not move; a repeated id moves "to itself". */
  function checkMoves(ids: readonly number[], to: OutboxState, actor: TransitionActor): void {
    ids.forEach((id, index) => {
      const from = ids.indexOf(id) < index ? to : rows.get(id)?.state
      refuse(id, from, to, from !== undefined && canTransition(from, to, actor), true)
    })
    // The unique index `outbox_items_bill_once`: one non-rejected item per bill.
    if (to === 'rejected') return
    for (const id of ids) {
      const billNo = rows.get(id)?.billNo
      const other = [...rows.values()].find(
        (row) => row.billNo === billNo && row.id !== id && row.state !== 'rejected'
      )
      if (other) {
        throw new AppError('bill_already_queued', {}, 'La factura ya está en espera o registrada')
      }
    }
  }

  /** All or nothing, as the store's transaction: checked first, then every item moved. */
  function transition(
    ids: readonly number[],
    to: OutboxState,
    outcome: string,
    note: AttemptNote | undefined,
    set: (row: Stored, detail: string | null) => void = () => undefined
  ): OutboxItem[] {
    if (ids.length === 0) return []
    checkMoves(ids, to, 'engine')
    const parts = noteParts(note)
    attempt(ids, to, outcome, parts)
    const now = clock()
    for (const id of ids) {
      const row = rows.get(id)
      if (!row) continue
      row.state = to
      row.updatedAt = now
      set(row, parts.detail)
    }
    return items(ids)
  }

  function wasFlagged(itemId: number): boolean {
    return log.some((a) => a.itemId === itemId && a.outcome === NEEDS_SUPERVISOR_OUTCOME)
  }

  const waiting = (row: Stored): boolean => WAITING_STATES.includes(row.state)

  return {
    enqueue(payment, bills) {
      const now = clock()
      for (const bill of bills) {
        if ([...rows.values()].some((r) => r.billNo === bill.billNo && r.state !== 'rejected')) {
          throw new AppError('bill_already_queued', {}, 'La factura ya está en espera o registrada')
        }
      }
      payments.set(payment.id, payment)
      const ids = bills.map((bill) => {
        const id = nextItemId++
        rows.set(id, {
          id,
          paymentId: payment.id,
          ...bill,
          unverified: bill.unverified === true,
          state: 'queued',
          attempts: 0,
          lastError: null,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
          registeredAt: null,
          rejectedReason: null
        })
        log.push({
          id: log.length + 1,
          itemId: id,
          at: now,
          fromState: null,
          toState: 'queued',
          outcome: 'created',
          httpStatus: null,
          detail: null
        })
        return id
      })
      return items(ids)
    },

    claimDue(now, limit) {
      const take = Math.max(0, Math.trunc(limit))
      if (take === 0) return []
      const due = [...rows.values()]
        .filter((row) => row.state === 'queued' && row.nextAttemptAt <= now)
        .sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id)
        .slice(0, take)
      const claimed = transition(
        due.map((row) => row.id),
        'sending',
        'claimed',
        undefined,
        (row) => {
          row.attempts += 1
        }
      )
      // The store's claim order: one customer's items adjacent, then by payment, then by id.
      const key = (item: OutboxItem): string[] => [item.idType, item.identification, item.paymentId]
      return claimed.sort((a, b) => compareKeys(key(a), key(b)) || a.id - b.id)
    },

    markRegistered(ids, note) {
      const at = clock()
      return transition(ids, 'registered', 'registered', note, (row) => {
        row.registeredAt = at
        row.lastError = null
      })
    },

    markUncertain(ids, error) {
      return transition(ids, 'uncertain', 'uncertain', error, (row, detail) => {
        row.lastError = detail
      })
    },

    markQueued(ids, nextAttemptAt, error) {
      return transition(ids, 'queued', 'requeued', error, (row, detail) => {
        row.nextAttemptAt = nextAttemptAt
        row.lastError = detail
      })
    },

    markRejected(ids, reason) {
      return transition(ids, 'rejected', 'rejected', reason, (row, detail) => {
        row.rejectedReason = detail
        row.lastError = detail
      })
    },

    recordReconcile(ids, note) {
      if (ids.length === 0) return
      for (const id of ids) {
        const from = rows.get(id)?.state
        refuse(id, from, 'uncertain', from === 'uncertain', false)
      }
      const parts = noteParts(note)
      attempt(ids, 'uncertain', 'reconcile_failed', parts)
      const now = clock()
      for (const id of new Set(ids)) {
        const row = rows.get(id)
        if (!row) continue
        row.updatedAt = now
        row.lastError = parts.detail
      }
    },

    listUncertain() {
      return items(byId((row) => row.state === 'uncertain'))
    },

    recoverInterrupted() {
      // An unverified item is sent only after its check: interrupted, it certainly never left.
      const requeue = 'interrupted before the scanned bill was checked: nothing was sent'
      transition(
        byId((row) => row.state === 'sending' && row.unverified),
        'queued',
        'interrupted',
        requeue,
        (row) => {
          row.lastError = requeue
        }
      )
      const message = 'interrupted while sending: the request may have reached Tigo'
      return transition(
        byId((row) => row.state === 'sending'),
        'uncertain',
        'interrupted',
        message,
        (row) => {
          row.lastError = message
        }
      )
    },

    nextAttemptAt() {
      const queued = [...rows.values()].filter((row) => row.state === 'queued')
      return queued.length === 0 ? null : Math.min(...queued.map((row) => row.nextAttemptAt))
    },

    summary(now): OutboxSummary {
      const states = Object.fromEntries(
        OUTBOX_STATES.map((state) => [state, { count: 0, amount: 0 }])
      ) as OutboxSummary['states']
      for (const row of rows.values()) {
        states[row.state].count += 1
        states[row.state].amount += row.amount
      }
      const open = [...rows.values()].filter(waiting)
      const oldest = open.length === 0 ? null : Math.min(...open.map((row) => row.createdAt))
      const flaggedWaiting = new Set(
        open.filter((row) => flaggedAt.has(row.paymentId)).map((row) => row.paymentId)
      )
      return {
        states,
        waiting: {
          count: open.length,
          amount: open.reduce((sum, row) => sum + row.amount, 0)
        },
        oldestWaitingAgeMs: oldest === null ? null : Math.max(0, now - oldest),
        flaggedPayments: flaggedWaiting.size
      }
    },

    // The store also writes an audit row per flagged payment; the engine never reads it.
    flagStale(now, maxAgeMs) {
      const cutoff = now - maxAgeMs
      const stale = [
        ...new Set(
          [...rows.values()]
            .filter((row) => waiting(row) && row.createdAt <= cutoff)
            .map((row) => row.paymentId)
            .filter((paymentId) => !flaggedAt.has(paymentId))
        )
      ].sort()
      for (const paymentId of stale) flaggedAt.set(paymentId, new Date(now).toISOString())
      return stale
    },

    attempts(itemId) {
      return log.filter((a) => a.itemId === itemId)
    },

    flagForSupervisor(ids, note) {
      if (ids.length === 0) return []
      const fresh = items(ids).filter((item) => item.state === 'uncertain' && !wasFlagged(item.id))
      if (fresh.length === 0) return []
      // Not sanitized, as in the store: the note is the engine's own text.
      attempt(
        fresh.map((item) => item.id),
        'uncertain',
        NEEDS_SUPERVISOR_OUTCOME,
        { detail: note, httpStatus: null }
      )
      const at = new Date(clock()).toISOString()
      for (const item of fresh)
        if (!flaggedAt.has(item.paymentId)) flaggedAt.set(item.paymentId, at)
      return fresh.map((item) => item.id)
    },

    possiblyDelivered(list) {
      const seen = new Set<number>()
      for (const item of list) {
        const touched = log.some(
          (a) => a.itemId === item.id && (a.toState === 'uncertain' || a.toState === 'rejected')
        )
        const billRejected = [...rows.values()].some(
          (row) => row.billNo === item.billNo && row.state === 'rejected'
        )
        if (touched || billRejected) seen.add(item.id)
      }
      return seen
    },

    markVerified(itemId, billNo, note) {
      const row = rows.get(itemId)
      if (!row || !row.unverified || row.state !== 'sending') {
        throw new AppError('outbox_transition_illegal', {
          itemId,
          from: 'unverified',
          to: 'verified'
        })
      }
      const other = [...rows.values()].find(
        (r) => r.billNo === billNo && r.id !== itemId && r.state !== 'rejected'
      )
      if (other) throw new AppError('bill_already_queued', { billNo })
      row.billNo = billNo
      row.unverified = false
      row.updatedAt = clock()
      attempt([itemId], 'sending', VERIFIED_OUTCOME, { detail: note, httpStatus: null })
      return view(row)
    },

    flagPayments(list) {
      const at = new Date(clock()).toISOString()
      for (const item of list) if (!flaggedAt.has(item.paymentId)) flaggedAt.set(item.paymentId, at)
    },

    items,
    all: () => items(byId(() => true)),
    flagged: () => flaggedAt
  }

  function byId(keep: (row: Stored) => boolean): number[] {
    return [...rows.values()]
      .filter(keep)
      .map((row) => row.id)
      .sort((a, b) => a - b)
  }
}

type NoteParts = ReturnType<typeof noteParts>

/** The store's errors for a move it refuses (`explain`: with the transition's Spanish text). */
function refuse(
  itemId: number,
  from: OutboxState | undefined,
  to: OutboxState,
  allowed: boolean,
  explain: boolean
): void {
  if (from === undefined) throw new AppError('outbox_item_unknown', { itemId })
  if (allowed) return
  const text = explain ? `Transición no permitida del ítem ${itemId}: ${from} → ${to}` : undefined
  throw new AppError('outbox_transition_illegal', { itemId, from, to }, text)
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) {
    const order = (a[i] ?? '').localeCompare(b[i] ?? '')
    if (order !== 0) return order
  }
  return 0
}
