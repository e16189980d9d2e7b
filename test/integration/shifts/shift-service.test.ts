import { afterEach, describe, expect, it } from 'vitest'

import { parseCsv } from '@main/batch/csv'
import { exportClosingCsv } from '@main/shifts/closing-csv'
import { createShiftService } from '@main/shifts/shift-service'
import type { TestStore } from '@support/store-world'
import { T0, openSeededStore, paymentInput, removeTempDirs } from '@support/store-world'

afterEach(removeTempDirs)

const ANA = { id: 'c1', name: 'Ana Cajera' }

function world(): { store: TestStore; shifts: ReturnType<typeof createShiftService> } {
  const store = openSeededStore()
  return {
    store,
    shifts: createShiftService({ db: store.db, clock: () => store.now.value, audit: store.audit })
  }
}

/** A payment of a batch import (the NIT customer's N1, by transfer). */
function takeBatchPayment(store: TestStore) {
  return store.payments.registerPayment({
    ...paymentInput({
      bills: [{ billNo: 'N1', contractId: '8001', amount: 90_000 }],
      idType: 'NIT',
      identification: '900123456'
    }),
    source: 'batch',
    method: 'transfer'
  })
}

function shiftOf(store: TestStore, paymentId: string): number | null {
  return (
    store.db.prepare('SELECT shift_id FROM payments WHERE id = ?').get(paymentId) as {
      shift_id: number | null
    }
  ).shift_id
}

describe('shift service', () => {
  it('allows one open shift per terminal', () => {
    const { store, shifts } = world()
    const shift = shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 100_000 })
    expect(shift).toMatchObject({
      terminalId: 'T1',
      cashier: ANA,
      openingFloat: 100_000,
      closedAt: null,
      openedAt: new Date(T0).toISOString()
    })
    expect(() => shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 0 })).toThrow(
      expect.objectContaining({
        code: 'shift_already_open',
        params: expect.objectContaining({ shiftId: shift.id })
      })
    )
    expect(shifts.open({ terminalId: 'T2', cashier: ANA, openingFloat: 0 }).terminalId).toBe('T2')
    expect(shifts.current('T1')?.id).toBe(shift.id)
    expect(() => shifts.open({ terminalId: 'T3', cashier: ANA, openingFloat: -1 })).toThrow(
      expect.objectContaining({ code: 'amount_not_positive' })
    )
    store.db.close()
  })

  it('links counter payments of that terminal taken while the shift is open, and only those', () => {
    const { store, shifts } = world()
    const before = store.payments.registerPayment(paymentInput())
    const shift = shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 100_000 })
    const during = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B2', contractId: '7001', amount: 80_000 }],
        tendered: 80_000
      })
    )
    const elsewhere = store.payments.registerPayment(
      paymentInput({
        terminalId: 'T9',
        bills: [{ billNo: 'B3', contractId: '7001', amount: 300_000 }],
        tendered: 300_000
      })
    )
    const batch = takeBatchPayment(store)
    expect([before, during, elsewhere, batch].map((p) => shiftOf(store, p.id))).toEqual([
      null,
      shift.id,
      null,
      null
    ])
    store.db.close()
  })

  it('computes what the drawer should hold, and closes with expected vs counted and what Tigo has not confirmed', () => {
    const { store, shifts } = world()
    const shift = shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 100_000 })
    const cash = store.payments.registerPayment(paymentInput()) // 120.000 cash
    const card = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B2', contractId: '7001', amount: 80_000 }],
        method: 'debit_card',
        methodReference: { approvalCode: 'A1B2C3', cardLast4: '4242' }
      })
    )
    store.now.value += 60_000
    shifts.cashMove({
      terminalId: 'T1',
      kind: 'in',
      amount: 20_000,
      reason: 'Cambio de la caja fuerte',
      actor: ANA
    })
    shifts.cashMove({
      terminalId: 'T1',
      kind: 'out',
      amount: 50_000,
      reason: 'Consignación',
      actor: ANA
    })
    expect(() =>
      shifts.cashMove({
        terminalId: 'T1',
        kind: 'out',
        amount: 500_000,
        reason: 'Robo',
        actor: ANA
      })
    ).toThrow(
      expect.objectContaining({
        code: 'cash_out_exceeds_drawer',
        params: { amount: 500_000, available: 190_000 }
      })
    )
    expect(() =>
      shifts.cashMove({ terminalId: 'T1', kind: 'in', amount: 1, reason: '  ', actor: ANA })
    ).toThrow(expect.objectContaining({ code: 'cash_move_reason_required' }))
    // Tigo confirmed the card payment; the cash one still waits.
    const [cardItem] = store.outbox
      .claimDue(store.now.value, 10)
      .filter((item) => item.paymentId === card.id)
    store.outbox.markRegistered([cardItem!.id])
    store.outbox.markQueued(
      store.outbox.list({ states: ['sending'] }).flatMap((p) => p.items.map((i) => i.id)),
      store.now.value,
      'offline'
    )

    const summary = shifts.summary(shift.id)
    expect(summary).toMatchObject({
      paymentsCount: 2,
      paymentsTotal: 200_000,
      cashIn: 20_000,
      cashOut: 50_000,
      expectedTotal: 270_000,
      lines: [
        { method: 'cash', payments: 1, taken: 120_000, expected: 190_000 },
        { method: 'debit_card', payments: 1, taken: 80_000, expected: 80_000 }
      ],
      unsettled: [
        {
          paymentId: cash.id,
          receiptNo: cash.receiptNo,
          billNo: 'B1',
          amount: 120_000,
          state: 'queued'
        }
      ]
    })

    store.now.value += 3_600_000
    const report = shifts.close({
      terminalId: 'T1',
      counted: { cash: 185_000, debit_card: 80_000 },
      notes: ' Billete dudoso ',
      differenceReason: 'Billete falso retenido',
      actor: ANA
    })
    expect(report.lines).toEqual([
      {
        method: 'cash',
        payments: 1,
        taken: 120_000,
        expected: 190_000,
        counted: 185_000,
        difference: -5_000
      },
      {
        method: 'debit_card',
        payments: 1,
        taken: 80_000,
        expected: 80_000,
        counted: 80_000,
        difference: 0
      }
    ])
    expect(report.totals).toEqual({
      payments: 2,
      taken: 200_000,
      expected: 270_000,
      counted: 265_000,
      difference: -5_000
    })
    expect(report.unsettled).toHaveLength(1)
    // The card payment is listed with its approval code, to match against the datáfono's slips.
    expect(report.referenced).toEqual([
      {
        paymentId: card.id,
        receiptNo: card.receiptNo,
        method: 'debit_card',
        amount: 80_000,
        reference: { approvalCode: 'A1B2C3', cardLast4: '4242' }
      }
    ])
    expect(report.notes).toBe('Billete dudoso')
    expect(report.shift).toMatchObject({
      closedAt: new Date(store.now.value).toISOString(),
      closedBy: 'Ana Cajera'
    })
    expect(report.movements.map((m) => [m.kind, m.amount, m.reason])).toEqual([
      ['in', 20_000, 'Cambio de la caja fuerte'],
      ['out', 50_000, 'Consignación']
    ])

    // The stored report is the printed one; the closed shift cannot be altered any more.
    expect(shifts.report(shift.id)).toEqual(report)
    expect(() =>
      store.db.prepare('UPDATE shifts SET opening_float = 0 WHERE id = ?').run(shift.id)
    ).toThrow(/closed shift never changes/)
    expect(shifts.current('T1')).toBeUndefined()
    expect(() => shifts.close({ terminalId: 'T1', counted: {}, actor: ANA })).toThrow(
      expect.objectContaining({ code: 'shift_not_open' })
    )
    expect(() =>
      shifts.cashMove({ terminalId: 'T1', kind: 'in', amount: 1, reason: 'x', actor: ANA })
    ).toThrow(expect.objectContaining({ code: 'shift_not_open' }))

    // A payment after the closing belongs to no shift until the next one opens.
    const after = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B3', contractId: '7001', amount: 300_000 }],
        tendered: 300_000
      })
    )
    expect(shiftOf(store, after.id)).toBeNull()
    const next = shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 185_000 })
    expect(shifts.history({ terminalId: 'T1', limit: 10 }).map((s) => s.id)).toEqual([
      next.id,
      shift.id
    ])

    // Newest first; the refused cash-out left no trace.
    expect(
      store.audit
        .list()
        .map((e) => e.action)
        .filter((a) => a.startsWith('shift.'))
    ).toEqual([
      'shift.opened',
      'shift.closed',
      'shift.cash_movement',
      'shift.cash_movement',
      'shift.opened'
    ])
    const closed = store.audit.list({ action: 'shift.closed' })[0]
    expect(closed?.details).toMatchObject({ shiftId: shift.id, difference: -5_000, unsettled: 1 })

    const csv = parseCsv(exportClosingCsv(report), ';').map((r) => r.fields)
    expect(csv).toContainEqual([
      'medio_pago',
      'pagos',
      'recaudado',
      'esperado',
      'contado',
      'diferencia'
    ])
    expect(csv).toContainEqual(['Efectivo', '1', '120000', '190000', '185000', '-5000'])
    expect(csv).toContainEqual(['total', '2', '200000', '270000', '265000', '-5000'])
    expect(csv).toContainEqual([String(cash.receiptNo), 'B1', '120000', 'queued', cash.id])
    store.db.close()
  })

  it('refuses a closing difference without a reason, and above the threshold without a supervisor', () => {
    const { store, shifts } = world()
    shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 100_000 })
    store.payments.registerPayment(paymentInput()) // 120.000 cash: the drawer holds 220.000
    const base = { terminalId: 'T1', actor: ANA, approvalAbove: 10_000 }
    expect(() => shifts.close({ ...base, counted: { cash: 215_000 } })).toThrow(
      expect.objectContaining({ code: 'closing_reason_required' })
    )
    expect(() =>
      shifts.close({ ...base, counted: { cash: 205_000 }, differenceReason: 'Faltó cambio' })
    ).toThrow(expect.objectContaining({ code: 'closing_approval_required' }))
    // Nothing was closed by the refusals.
    expect(shifts.current('T1')).toBeDefined()
    const SUPERVISOR = { id: 's1', name: 'Sara Supervisora' }
    const report = shifts.close({
      ...base,
      counted: { cash: 205_000 },
      differenceReason: 'Faltó cambio',
      approvedBy: SUPERVISOR
    })
    expect(report.lines[0]).toMatchObject({
      method: 'cash',
      expected: 220_000,
      difference: -15_000
    })
    expect(report).toMatchObject({
      differenceReason: 'Faltó cambio',
      approvedBy: SUPERVISOR,
      approvalAbove: 10_000
    })
    const row = store.db
      .prepare('SELECT difference_reason, approved_by FROM shifts WHERE id = ?')
      .get(report.shift.id) as { difference_reason: string; approved_by: string }
    expect(row.difference_reason).toBe('Faltó cambio')
    expect(JSON.parse(row.approved_by)).toEqual(SUPERVISOR)
    expect(store.audit.list({ action: 'shift.closed' })[0]?.details).toMatchObject({
      cashExpected: 220_000,
      cashDifference: -15_000,
      reason: 'Faltó cambio',
      approvedBy: SUPERVISOR
    })
    store.db.close()
  })

  it('takes a blind count by denomination as the cash counted, and closes even with no reason', () => {
    const { store, shifts } = world()
    shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 100_000 })
    store.payments.registerPayment(paymentInput()) // 120.000 cash
    // 2 × 100.000 + 1 × 20.000 = 220.000, the drawer exactly; a card total of 0 adds no line.
    const cashCount = { b100000: 2, b20000: 1, c500: 0 }
    expect(() =>
      shifts.close({ terminalId: 'T1', counted: { cash: 1 }, cashCount, actor: ANA })
    ).toThrow(expect.objectContaining({ code: 'closing_count_mismatch' }))
    const report = shifts.close({
      terminalId: 'T1',
      counted: { debit_card: 0, check: 0 },
      cashCount,
      approvalAbove: 0,
      actor: ANA
    })
    expect(report.lines).toEqual([
      {
        method: 'cash',
        payments: 1,
        taken: 120_000,
        expected: 220_000,
        counted: 220_000,
        difference: 0
      }
    ])
    expect(report.cashCount).toEqual(cashCount)
    expect(report.differenceReason).toBeNull()
    store.db.close()
  })

  it('reports payments of a batch confirmed during the shift apart from the drawer', () => {
    const { store, shifts } = world()
    const shift = shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 0 })
    const batchPayment = takeBatchPayment(store)
    const batchId = Number(
      store.db
        .prepare(
          `INSERT INTO batch_imports (at, actor, terminal_id, file_hash, total_rows, accepted,
             rejected, accepted_amount, shift_id) VALUES (?, 'c1', 'T1', 'h', 1, 1, 0, 90000, ?)`
        )
        .run(store.now.value, shift.id).lastInsertRowid
    )
    store.db
      .prepare(
        `INSERT INTO batch_rows (batch_id, line, row_hash, bill_no, amount, payment_id, raw)
         VALUES (?, 2, 'r', 'N1', 90000, ?, '[]')`
      )
      .run(batchId, batchPayment.id)
    const summary = shifts.summary(shift.id)
    expect(summary.lines).toEqual([{ method: 'cash', payments: 0, taken: 0, expected: 0 }])
    expect(summary.imported).toEqual({
      batches: 1,
      payments: 1,
      total: 90_000,
      lines: [{ method: 'transfer', payments: 1, taken: 90_000 }]
    })
    const report = shifts.close({ terminalId: 'T1', counted: { cash: 0 }, actor: ANA })
    expect(report.imported?.total).toBe(90_000)
    expect(report.totals.taken).toBe(0)
    const csv = parseCsv(exportClosingCsv(report), ';').map((r) => r.fields)
    expect(csv).toContainEqual(['importados_por_lote', 'pagos', 'recaudado'])
    expect(csv).toContainEqual(['Transferencia', '1', '90000'])
    store.db.close()
  })
})
