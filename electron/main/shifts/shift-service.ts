/**
 * The cashier's shift at one terminal: opened with a float, cash moved in and out with a reason,
 * closed with a count per payment method. Payments join the open shift by a trigger in their own
 * transaction (migration 003). A closed shift never changes (trigger): its report is stored as
 * printed, so a later reprint shows the same numbers even after the outbox moved on.
 */
import { formatCop } from '@shared/domain/money'
import { AppError } from '@shared/errors'
import { cashCountTotal } from '@shared/ipc/channels/shifts'
import type {
  CashCount,
  CashMovementKind,
  CashMovementView,
  ClosingReport,
  CountedInput,
  ImportedPaymentsView,
  ShiftSummaryView,
  ShiftView,
  ReferencedPaymentView,
  UnsettledItemView
} from '@shared/ipc/channels/shifts'
import type { PaymentReference } from '@shared/domain/payment-reference'
import type { AuditLog } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { isUniqueViolation, writeTransaction } from '@main/store/db'
import type { Clock, OutboxState, PaymentMethod, Person } from '@main/store/types'
import { PAYMENT_METHODS } from '@main/store/types'
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
  close(input: CloseInput): ClosingReport
  history(filter: { terminalId?: string; limit: number }): ShiftView[]
  /** The stored report of a closed shift. */
  report(shiftId: number): ClosingReport | undefined
}

export interface CloseInput {
  terminalId: string
  counted: CountedInput
  notes?: string
  actor: Person
  /** The drawer by denomination: its sum becomes (or must equal) `counted.cash`. */
  cashCount?: CashCount
  /** Required when any counted method differs from its expected amount. */
  differenceReason?: string
  /** A difference above this many pesos (absolute, on any method) needs `approvedBy`. */
  approvalAbove?: number
  approvedBy?: Person
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

/** `counted` with the drawer's count by denomination as its cash (checked against it if given). */
function countedWithDrawer(counted: CountedInput, cashCount: CashCount | undefined): CountedInput {
  if (!cashCount) return counted
  for (const [key, pieces] of Object.entries(cashCount)) {
    if (!Number.isSafeInteger(pieces) || pieces < 0) {
      throw new AppError('amount_invalid', { value: `${key}: ${String(pieces)}` })
    }
  }
  const drawer = cashCountTotal(cashCount)
  if (counted.cash !== undefined && counted.cash !== drawer) {
    throw new AppError('closing_count_mismatch', {
      counted: formatCop(counted.cash),
      drawer: formatCop(drawer)
    })
  }
  return { ...counted, cash: drawer }
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

  /** Batch imports confirmed during the shift: reported apart, never in the drawer. */
  function imported(shiftId: number): ImportedPaymentsView {
    const batches = (
      db.prepare('SELECT COUNT(*) AS n FROM batch_imports WHERE shift_id = ?').get(shiftId) as {
        n: number
      }
    ).n
    const rows = db
      .prepare(
        `SELECT p.method AS method, COUNT(*) AS payments, SUM(p.total) AS taken
         FROM batch_imports b JOIN batch_rows r ON r.batch_id = b.id
         JOIN payments p ON p.id = r.payment_id
         WHERE b.shift_id = ? GROUP BY p.method`
      )
      .all(shiftId) as { method: PaymentMethod; payments: number; taken: number }[]
    const lines = PAYMENT_METHODS.flatMap((method) => rows.filter((r) => r.method === method))
    return {
      batches,
      payments: lines.reduce((sum, line) => sum + line.payments, 0),
      total: lines.reduce((sum, line) => sum + line.taken, 0),
      lines
    }
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
    // Counter payments only: what passed through this drawer or its datáfono.
    const payments = db
      .prepare(
        `SELECT method, total AS amount FROM payments WHERE shift_id = ? AND source = 'counter'`
      )
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
      unsettled: unsettled(row.id),
      imported: imported(row.id)
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

    close(input) {
      const { terminalId, actor } = input
      const counted = countedWithDrawer(input.counted, input.cashCount)
      return writeTransaction(db, () => {
        const shift = requireOpen(terminalId)
        const summary = summaryOf(shift)
        const { lines, totals } = compareCounted(summary.lines, counted)
        const largest = Math.max(0, ...lines.map((line) => Math.abs(line.difference ?? 0)))
        const reason = input.differenceReason?.trim() || null
        if (largest > 0 && !reason) {
          throw new AppError('closing_reason_required', { difference: formatCop(largest) })
        }
        const approvalAbove = input.approvalAbove
        if (approvalAbove !== undefined && largest > approvalAbove && !input.approvedBy) {
          throw new AppError('closing_approval_required', {
            difference: formatCop(largest),
            threshold: formatCop(approvalAbove)
          })
        }
        const approvedBy = input.approvedBy
          ? { id: input.approvedBy.id, name: input.approvedBy.name }
          : null
        const now = clock()
        const note = input.notes?.trim() || null
        const report: ClosingReport = {
          shift: { ...summary.shift, closedAt: iso(now), closedBy: actor.name, notes: note },
          movements: movements(shift.id).map(toMovementView),
          cashIn: summary.cashIn,
          cashOut: summary.cashOut,
          lines,
          totals,
          unsettled: summary.unsettled,
          notes: note,
          ...(input.cashCount ? { cashCount: input.cashCount } : {}),
          differenceReason: reason,
          approvedBy,
          ...(approvalAbove !== undefined ? { approvalAbove } : {}),
          ...(summary.imported ? { imported: summary.imported } : {}),
          referenced: referenced(shift.id)
        }
        db.prepare(
          `UPDATE shifts SET closed_at = ?, closed_by = ?, counted = ?, notes = ?, report = ?,
             cash_count = ?, difference_reason = ?, approved_by = ?
           WHERE id = ? AND closed_at IS NULL`
        ).run(
          now,
          actor.name,
          JSON.stringify(counted),
          note,
          JSON.stringify(report),
          input.cashCount ? JSON.stringify(input.cashCount) : null,
          reason,
          approvedBy ? JSON.stringify(approvedBy) : null,
          shift.id
        )
        const cash = lines.find((line) => line.method === 'cash')
        audit.record(actor.id, 'shift.closed', {
          shiftId: shift.id,
          terminalId,
          expected: totals.expected,
          counted: totals.counted,
          difference: totals.difference,
          cashExpected: cash?.expected ?? 0,
          cashDifference: cash?.difference ?? null,
          unsettled: summary.unsettled.length,
          ...(reason ? { reason } : {}),
          ...(approvedBy ? { approvedBy } : {})
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
