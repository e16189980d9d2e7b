/**
 * The cashier's shift at one terminal: opened with a float, cash moved in and out with a reason,
 * closed with a count per payment method. Payments join the open shift by a trigger in their own
 * transaction (migration 003). A closed shift never changes (trigger): its report is stored as
 * printed, so a later reprint shows the same numbers even after the outbox moved on.
 */
import { AppError } from '../../../shared/errors'
import type {
  CashMovementKind,
  CashMovementView,
  ClosingReport,
  CountedInput,
  ShiftSummaryView,
  ShiftView,
  ReferencedPaymentView,
  UnsettledItemView
} from '../../../shared/ipc/channels/shifts'
import type { PaymentReference } from '../../../shared/domain/payment-reference'
import type { AuditLog } from '../store/audit'
import type { Database } from '../store/db'
import { isUniqueViolation, writeTransaction } from '../store/db'
import type { Clock, OutboxState, PaymentMethod, Person } from '../store/types'
import { compareCounted, expectedByMethod, expectedCash, movementTotals } from './closing'

export interface ShiftService {
  /** The open shift of the terminal, if any. */
  current(terminalId: string): ShiftView | undefined
  open(input: { terminalId: string; cashier: Person; openingFloat: number }): ShiftView
  cashMove(input: {
    terminalId: string
    kind: CashMovementKind
    amount: number
    reason: string
    actor: Person
  }): CashMovementView
  summary(shiftId: number): ShiftSummaryView
  close(input: {
    terminalId: string
    counted: CountedInput
    notes?: string
    actor: Person
  }): ClosingReport
  history(filter: { terminalId?: string; limit: number }): ShiftView[]
  /** The stored report of a closed shift. */
  report(shiftId: number): ClosingReport | undefined
}

interface ShiftRow {
  id: number
  terminal_id: string
  cashier_id: string
  cashier_name: string
  opened_at: number
  opening_float: number
  closed_at: number | null
  closed_by: string | null
  counted: string | null
  notes: string | null
  report: string | null
}

interface MovementRow {
  id: number
  shift_id: number
  at: number
  kind: CashMovementKind
  amount: number
  reason: string
  actor: string
}

const iso = (ms: number) => new Date(ms).toISOString()

function toShiftView(row: ShiftRow): ShiftView {
  return {
    id: row.id,
    terminalId: row.terminal_id,
    cashier: { id: row.cashier_id, name: row.cashier_name },
    openedAt: iso(row.opened_at),
    openingFloat: row.opening_float,
    closedAt: row.closed_at === null ? null : iso(row.closed_at),
    closedBy: row.closed_by,
    notes: row.notes
  }
}

function toMovementView(row: MovementRow): CashMovementView {
  return {
    id: row.id,
    shiftId: row.shift_id,
    at: iso(row.at),
    kind: row.kind,
    amount: row.amount,
    reason: row.reason,
    actor: row.actor
  }
}

function checkPesos(value: number, positive: boolean): void {
  if (!Number.isSafeInteger(value)) throw new AppError('amount_invalid', { value: String(value) })
  if (value < 0 || (positive && value === 0)) throw new AppError('amount_not_positive')
}

export function createShiftService(deps: {
  db: Database
  clock: Clock
  audit: AuditLog
}): ShiftService {
  const { db, clock, audit } = deps

  const openRow = (terminalId: string) =>
    db
      .prepare('SELECT * FROM shifts WHERE terminal_id = ? AND closed_at IS NULL')
      .get(terminalId) as ShiftRow | undefined

  function requireOpen(terminalId: string): ShiftRow {
    const row = openRow(terminalId)
    if (!row) throw new AppError('shift_not_open', { terminalId }, 'No hay un turno abierto')
    return row
  }

  function shiftRow(shiftId: number): ShiftRow {
    const row = db.prepare('SELECT * FROM shifts WHERE id = ?').get(shiftId) as ShiftRow | undefined
    if (!row) throw new AppError('shift_unknown', { shiftId })
    return row
  }

  function movements(shiftId: number): MovementRow[] {
    return db
      .prepare('SELECT * FROM cash_movements WHERE shift_id = ? ORDER BY id')
      .all(shiftId) as MovementRow[]
  }

  function unsettled(shiftId: number): UnsettledItemView[] {
    const rows = db
      .prepare(
        `SELECT p.id AS paymentId, p.receipt_no AS receiptNo, i.bill_no AS billNo, i.amount,
           i.state FROM outbox_items i JOIN payments p ON p.id = i.payment_id
         WHERE p.shift_id = ? AND i.state <> 'registered' ORDER BY p.receipt_no, i.id`
      )
      .all(shiftId) as {
      paymentId: string
      receiptNo: number
      billNo: string
      amount: number
      state: OutboxState
    }[]
    return rows.map((row) => ({ ...row }))
  }

  /** Card, cheque and transfer payments of the shift, with what identifies each one. */
  function referenced(shiftId: number): ReferencedPaymentView[] {
    const rows = db
      .prepare(
        `SELECT id, receipt_no, method, total, method_reference FROM payments
         WHERE shift_id = ? AND method <> 'cash' ORDER BY receipt_no`
      )
      .all(shiftId) as {
      id: string
      receipt_no: number
      method: PaymentMethod
      total: number
      method_reference: string | null
    }[]
    return rows.map((row) => ({
      paymentId: row.id,
      receiptNo: row.receipt_no,
      method: row.method,
      amount: row.total,
      reference:
        row.method_reference === null
          ? null
          : (JSON.parse(row.method_reference) as PaymentReference)
    }))
  }

  function summaryOf(row: ShiftRow): ShiftSummaryView {
    const payments = db
      .prepare('SELECT method, total AS amount FROM payments WHERE shift_id = ?')
      .all(row.id) as { method: PaymentMethod; amount: number }[]
    const moves = movements(row.id)
    const lines = expectedByMethod({ openingFloat: row.opening_float, payments, movements: moves })
    const { cashIn, cashOut } = movementTotals(moves)
    return {
      shift: toShiftView(row),
      paymentsCount: payments.length,
      paymentsTotal: lines.reduce((sum, line) => sum + line.taken, 0),
      cashIn,
      cashOut,
      lines,
      expectedTotal: lines.reduce((sum, line) => sum + line.expected, 0),
      unsettled: unsettled(row.id)
    }
  }

  return {
    current(terminalId) {
      const row = openRow(terminalId)
      return row ? toShiftView(row) : undefined
    },

    open({ terminalId, cashier, openingFloat }) {
      checkPesos(openingFloat, false)
      if (!terminalId.trim() || !cashier.id.trim() || !cashier.name.trim()) {
        throw new AppError('invalid_input', { detail: 'terminalId/cashier' })
      }
      try {
        return writeTransaction(db, () => {
          const already = openRow(terminalId)
          if (already) {
            throw new AppError('shift_already_open', {
              terminalId,
              shiftId: already.id,
              cashier: already.cashier_name
            })
          }
          const now = clock()
          const id = Number(
            db
              .prepare(
                `INSERT INTO shifts (terminal_id, cashier_id, cashier_name, opened_at, opening_float)
                 VALUES (?, ?, ?, ?, ?)`
              )
              .run(terminalId, cashier.id, cashier.name, now, openingFloat).lastInsertRowid
          )
          audit.record(cashier.id, 'shift.opened', { shiftId: id, terminalId, openingFloat })
          return toShiftView(shiftRow(id))
        })
      } catch (error) {
        // A second window or process opened one between our check and our insert.
        if (isUniqueViolation(error)) throw new AppError('shift_already_open', { terminalId })
        throw error
      }
    },

    cashMove({ terminalId, kind, amount, reason, actor }) {
      checkPesos(amount, true)
      const why = reason.trim()
      if (!why) throw new AppError('cash_move_reason_required')
      return writeTransaction(db, () => {
        const shift = requireOpen(terminalId)
        if (kind === 'out') {
          const available = expectedCash(summaryOf(shift).lines)
          if (amount > available) {
            throw new AppError('cash_out_exceeds_drawer', { amount, available })
          }
        }
        const now = clock()
        const id = Number(
          db
            .prepare(
              `INSERT INTO cash_movements (shift_id, at, kind, amount, reason, actor)
               VALUES (?, ?, ?, ?, ?, ?)`
            )
            .run(shift.id, now, kind, amount, why, actor.name).lastInsertRowid
        )
        audit.record(actor.id, 'shift.cash_movement', {
          shiftId: shift.id,
          movementId: id,
          kind,
          amount,
          reason: why
        })
        const row = db.prepare('SELECT * FROM cash_movements WHERE id = ?').get(id) as MovementRow
        return toMovementView(row)
      })
    },

    summary(shiftId) {
      return summaryOf(shiftRow(shiftId))
    },

    close({ terminalId, counted, notes, actor }) {
      return writeTransaction(db, () => {
        const shift = requireOpen(terminalId)
        const summary = summaryOf(shift)
        const { lines, totals } = compareCounted(summary.lines, counted)
        const now = clock()
        const note = notes?.trim() || null
        const report: ClosingReport = {
          shift: { ...summary.shift, closedAt: iso(now), closedBy: actor.name, notes: note },
          movements: movements(shift.id).map(toMovementView),
          cashIn: summary.cashIn,
          cashOut: summary.cashOut,
          lines,
          totals,
          unsettled: summary.unsettled,
          referenced: referenced(shift.id),
          notes: note
        }
        db.prepare(
          `UPDATE shifts SET closed_at = ?, closed_by = ?, counted = ?, notes = ?, report = ?
           WHERE id = ? AND closed_at IS NULL`
        ).run(now, actor.name, JSON.stringify(counted), note, JSON.stringify(report), shift.id)
        audit.record(actor.id, 'shift.closed', {
          shiftId: shift.id,
          terminalId,
          expected: totals.expected,
          counted: totals.counted,
          difference: totals.difference,
          unsettled: summary.unsettled.length
        })
        return report
      })
    },

    history({ terminalId, limit }) {
      const take = Math.min(Math.max(1, Math.trunc(limit)), 500)
      const rows = (
        terminalId === undefined
          ? db.prepare('SELECT * FROM shifts ORDER BY opened_at DESC, id DESC LIMIT ?').all(take)
          : db
              .prepare(
                'SELECT * FROM shifts WHERE terminal_id = ? ORDER BY opened_at DESC, id DESC LIMIT ?'
              )
              .all(terminalId, take)
      ) as ShiftRow[]
      return rows.map(toShiftView)
    },

    report(shiftId) {
      const row = shiftRow(shiftId)
      return row.report === null ? undefined : (JSON.parse(row.report) as ClosingReport)
    }
  }
}
