import { afterEach, describe, expect, it } from 'vitest'

import { exportRejectedCsv } from '@main/batch/export'
import { parsePaymentsCsv } from '@main/batch/parse-payments'
import { parseCsv } from '@main/batch/csv'
import { openBatchWorld } from './fixtures'
import { T0, bill, count, paymentInput, removeTempDirs } from '@support/store-world'

afterEach(removeTempDirs)

const SUPERVISOR = { id: 'sup1', name: 'Sofía Supervisora' }
const HEADER =
  'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago;referencia_externa'

const world = openBatchWorld

const VALID_ROWS = [
  'CC;1020304050;7001;B1;$ 120.000;Efectivo;28/02/2025 09:15;',
  'NIT;900.123.456-8;8001;N1;90.000,00;transferencia;2025-02-28 16:40;CONS-77'
]

function file(rows: string[]): string {
  return `\uFEFF${HEADER}\r\n${rows.join('\r\n')}\r\n`
}

describe('batch preview', () => {
  it('checks every row against the cache and the outbox and saves nothing', async () => {
    const { store, batch } = world()
    store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B4', contractId: '7001', amount: 700_000 }],
        tendered: 700_000
      })
    )
    const paymentsBefore = count(store.db, 'payments')
    const auditBefore = count(store.db, 'audit_log')

    const preview = await batch.preview(
      file([
        ...VALID_ROWS,
        'NIT;900123456-7;8001;N1;90000;transferencia;2025-02-28;',
        'CC;5555555;7001;B9;1000;efectivo;2025-02-28;',
        'CC;1020304050;7001;B99;1000;efectivo;2025-02-28;',
        'NIT;900123456;7001;B2;80000;efectivo;2025-02-28;',
        'CC;1020304050;7001;B3;299.999;efectivo;2025-02-28;',
        'CC;1020304050;7001;PAID;50000;efectivo;2025-02-28;',
        'CC;1020304050;7001;B4;700000;efectivo;2025-02-28;',
        'CC;1020304050;7001;B1;120000;efectivo;2025-02-28;',
        'CC;1020304050;7001;B3;300000;efectivo;2025-12-31;',
        'CC;1020304050;7001;B2;80000;trueque;2025-02-28;'
      ]),
      { fileName: 'pagos-campo.csv' }
    )

    expect(preview.rows.map((row) => [row.line, row.valid, row.reason])).toEqual([
      [2, true, null],
      [3, true, null],
      [4, false, 'nit_check_digit'],
      [5, false, 'customer_unknown'],
      [6, false, 'bill_unknown'],
      [7, false, 'bill_not_customer'],
      [8, false, 'amount_mismatch'],
      [9, false, 'bill_already_paid'],
      [10, false, 'bill_already_queued'],
      [11, false, 'duplicate_row'],
      [12, false, 'paid_at_future'],
      [13, false, 'malformed_method']
    ])
    expect(preview.rows[2]?.reasonText).toBe(
      'El dígito de verificación del NIT 900123456-7 no corresponde (debería ser 8).'
    )
    expect(preview.rows[6]?.reasonText?.replace(/\u00a0/g, ' ')).toBe(
      'El valor de la factura B3 es $ 300.000, no $ 299.999.'
    )
    expect(preview.totals).toMatchObject({
      rows: 12,
      valid: 2,
      invalid: 10,
      validAmount: 210_000,
      pendingAmount: 700_000,
      pendingCap: 2_000_000,
      overPendingCap: false
    })
    expect(preview.totals.byReason).toMatchObject({ nit_check_digit: 1, duplicate_row: 1 })
    expect(count(store.db, 'payments')).toBe(paymentsBefore)
    expect(count(store.db, 'audit_log')).toBe(auditBefore)
    expect(count(store.db, 'batch_imports')).toBe(0)

    // The rejected rows go back as written plus the reason, and the file can be imported again.
    const rejected = exportRejectedCsv(preview)
    const records = parseCsv(rejected, ';')
    expect(records[0]?.fields.slice(-3)).toEqual(['linea', 'motivo', 'detalle'])
    expect(records).toHaveLength(11)
    expect(records[1]?.fields.slice(0, 8)).toEqual([
      'NIT',
      '900123456-7',
      '8001',
      'N1',
      '90000',
      'transferencia',
      '2025-02-28',
      ''
    ])
    expect(records[1]?.fields.slice(-2)).toEqual(['nit_check_digit', preview.rows[2]?.reasonText])
    expect(parsePaymentsCsv(rejected).rows).toHaveLength(10)
    store.db.close()
  })

  it('previews 10,000 rows, reporting progress and yielding to the event loop', async () => {
    const { store, batch } = world()
    const bills = Array.from({ length: 10_000 }, (_, i) => bill(`M${i}`, String(10_000 + i)))
    store.cache.putBills('9001', 'CC', '79000000', bills)
    const rows = bills.map(
      (b, i) => `CC;79000000;9001;${b.billNo};${10_000 + i};efectivo;2025-02-28 10:00;R${i}`
    )
    const progress: [number, number][] = []
    let turns = 0
    let running = true
    const spin = () => {
      turns++
      if (running) setImmediate(spin)
    }
    setImmediate(spin)

    const preview = await batch.preview(file(rows), {
      onProgress: (done, total) => progress.push([done, total])
    })
    running = false

    expect(preview.totals).toMatchObject({ rows: 10_000, valid: 10_000, invalid: 0 })
    expect(progress[0]).toEqual([0, 10_000])
    expect(progress.at(-1)).toEqual([10_000, 10_000])
    expect(progress.length).toBeGreaterThan(10)
    expect(progress.every(([done], i) => i === 0 || done > (progress[i - 1]?.[0] ?? 0))).toBe(true)
    // Other work ran while the file was being checked.
    expect(turns).toBeGreaterThan(10)
    store.db.close()
  })
})

describe('batch confirm', () => {
  it('saves every valid row as a batch payment in one go, keeping paid_at and the external ref', async () => {
    const { store, batch } = world()
    store.now.value = T0 + 3_600_000
    const preview = await batch.preview(
      file([...VALID_ROWS, 'CC;5555555;7001;B9;1000;efectivo;2025-02-28;']),
      {
        fileName: 'lote.csv'
      }
    )
    const result = batch.confirm(preview, { actor: SUPERVISOR, terminalId: 'T1' })

    expect(result).toMatchObject({
      accepted: 2,
      rejected: 1,
      acceptedAmount: 210_000,
      changedSincePreview: 0
    })
    expect(result.rejectedCsv).toContain('customer_unknown')
    const payments = store.db
      .prepare(
        'SELECT source, external_ref, created_at, cashier_id, method, total, tendered, identification FROM payments ORDER BY receipt_no'
      )
      .all()
    expect(payments).toEqual([
      {
        source: 'batch',
        external_ref: null,
        created_at: '2025-02-28T14:15:00.000Z',
        cashier_id: 'sup1',
        method: 'cash',
        total: 120_000,
        tendered: null,
        identification: '1020304050'
      },
      {
        source: 'batch',
        external_ref: 'CONS-77',
        created_at: '2025-02-28T21:40:00.000Z',
        cashier_id: 'sup1',
        method: 'transfer',
        total: 90_000,
        tendered: null,
        identification: '900123456'
      }
    ])
    expect(store.outbox.summary(store.now.value).states.queued).toEqual({
      count: 2,
      amount: 210_000
    })
    expect(batch.list(10)).toEqual([
      expect.objectContaining({
        id: result.batchId,
        fileName: 'lote.csv',
        totalRows: 3,
        accepted: 2,
        rejected: 1,
        actor: 'sup1'
      })
    ])
    const [entry] = store.audit.list({ action: 'batch.imported' })
    expect(entry).toMatchObject({
      actor: 'sup1',
      details: { batchId: result.batchId, accepted: 2, rejected: 1 }
    })

    const results = parseCsv(batch.results(result.batchId), ';').map((r) => r.fields)
    expect(results[0]).toEqual([
      'linea',
      'factura',
      'valor',
      'resultado',
      'estado_envio',
      'motivo',
      'detalle',
      'id_pago',
      'recibo'
    ])
    expect(results.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['2', 'B1', '120000', 'importada', 'en espera', ''],
      ['3', 'N1', '90000', 'importada', 'en espera', ''],
      ['4', 'B9', '1000', 'rechazada', '', 'customer_unknown']
    ])
    store.db.close()
  })

  it('queues imported payments by the real clock, behind what already waits, not by paid_at', async () => {
    const { store, batch } = world()
    const counter = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B4', contractId: '7001', amount: 700_000 }],
        tendered: 700_000
      })
    )
    // Imported three hours later; the file's payments were made the day before the counter one.
    const importedAt = T0 + 3 * 3_600_000
    store.now.value = importedAt
    const preview = await batch.preview(file(VALID_ROWS))
    expect(batch.confirm(preview, { actor: SUPERVISOR, terminalId: 'T1' }).accepted).toBe(2)

    const imported = store.db
      .prepare(
        `SELECT p.created_at AS paidAt, i.created_at AS queuedAt, i.next_attempt_at AS dueAt
         FROM outbox_items i JOIN payments p ON p.id = i.payment_id
         WHERE p.source = 'batch' ORDER BY p.receipt_no`
      )
      .all()
    expect(imported).toEqual([
      { paidAt: '2025-02-28T14:15:00.000Z', queuedAt: importedAt, dueAt: importedAt },
      { paidAt: '2025-02-28T21:40:00.000Z', queuedAt: importedAt, dueAt: importedAt }
    ])
    // The counter payment waited longest: it is sent first, and it alone is old enough to flag.
    expect(store.outbox.claimDue(importedAt, 1).map((item) => item.paymentId)).toEqual([counter.id])
    expect(store.outbox.flagStale(importedAt, 2 * 3_600_000)).toEqual([counter.id])
    store.db.close()
  })

  it('adds nothing when the same file, or the same rows in another file, come again', async () => {
    const { store, batch } = world()
    batch.confirm(await batch.preview(file(VALID_ROWS)), { actor: SUPERVISOR, terminalId: 'T1' })
    const payments = count(store.db, 'payments')

    const again = await batch.preview(file(VALID_ROWS))
    expect(again.rows.map((row) => row.reason)).toEqual(['already_imported', 'already_imported'])
    expect(batch.confirm(again, { actor: SUPERVISOR, terminalId: 'T1' })).toMatchObject({
      accepted: 0,
      rejected: 2
    })

    // Same rows, written differently: commas, English header, other order, other number format.
    const other =
      'bill,amount,method,paid_at,id_type,identification,contract,external_ref\n' +
      'N1,90000,Transferencia,28/02/2025 16:40,31,900123456-8,8001,CONS-77\n' +
      'B1,120000,efectivo,2025-02-28T09:15:00-05:00,13,1020304050,7001,\n' +
      'B1,120000,efectivo,2025-02-28T09:15:00-05:00,13,1020304050,7001,OTRA-REF\n'
    const reshaped = await batch.preview(other)
    expect(reshaped.rows.map((row) => row.reason)).toEqual([
      'already_imported',
      'already_imported',
      'duplicate_row'
    ])
    const alsoQueued = await batch.preview(
      file(['CC;1020304050;7001;B1;120000;efectivo;2025-02-28 09:15;OTRA-REF'])
    )
    expect(alsoQueued.rows[0]?.reason).toBe('bill_already_queued')

    // Confirming the very same preview twice (a double click) does not pay twice either.
    const fresh = await batch.preview(file(['CC;1020304050;7001;B2;80000;efectivo;2025-02-28;']))
    expect(batch.confirm(fresh, { actor: SUPERVISOR, terminalId: 'T1' }).accepted).toBe(1)
    expect(batch.confirm(fresh, { actor: SUPERVISOR, terminalId: 'T1' })).toMatchObject({
      accepted: 0,
      changedSincePreview: 1
    })
    expect(count(store.db, 'payments')).toBe(payments + 1)
    store.db.close()
  })

  it('re-checks rows at confirm: a bill taken at the counter since the preview is not paid twice', async () => {
    const { store, batch } = world()
    const preview = await batch.preview(file(VALID_ROWS))
    store.payments.registerPayment(paymentInput())
    const result = batch.confirm(preview, { actor: SUPERVISOR, terminalId: 'T1' })
    expect(result).toMatchObject({ accepted: 1, rejected: 1, changedSincePreview: 1 })
    expect(result.rejectedCsv).toContain('bill_already_queued')
    store.db.close()
  })

  it('saves nothing at all when one payment fails (the waiting cap)', async () => {
    const { store, batch } = world()
    const preview = await batch.preview(file(VALID_ROWS))
    store.caps.maxPendingTotal = 150_000
    expect(() => batch.confirm(preview, { actor: SUPERVISOR, terminalId: 'T1' })).toThrow(
      expect.objectContaining({ code: 'over_pending_total' })
    )
    expect(count(store.db, 'payments')).toBe(0)
    expect(count(store.db, 'batch_imports')).toBe(0)
    expect(count(store.db, 'batch_rows')).toBe(0)
    expect(store.audit.list({ action: 'batch.imported' })).toEqual([])
    store.db.close()
  })

  it('confirms a 2,000-row file, keeping the waiting total for the cap as rows are accepted', async () => {
    const { store, batch } = world()
    // Already waiting before the import: the cap must count it as well as the file's rows.
    store.payments.registerPayment(paymentInput())
    const bills = Array.from({ length: 2_000 }, (_, i) => bill(`K${i}`, String(1_000 + i)))
    store.cache.putBills('9002', 'CC', '79000001', bills)
    const rows = bills.map(
      (b, i) => `CC;79000001;9002;${b.billNo};${1_000 + i};efectivo;2025-02-28 10:00;K${i}`
    )
    const fileTotal = bills.reduce((sum, _b, i) => sum + 1_000 + i, 0)
    store.caps.maxPendingTotal = 120_000 + fileTotal
    const preview = await batch.preview(file(rows))
    expect(preview.totals).toMatchObject({ valid: 2_000, overPendingCap: false })

    const result = batch.confirm(preview, { actor: SUPERVISOR, terminalId: 'T1' })
    expect(result).toMatchObject({ accepted: 2_000, rejected: 0, acceptedAmount: fileTotal })
    expect(count(store.db, 'payments')).toBe(2_001)
    expect(store.outbox.summary(store.now.value).waiting).toEqual({
      count: 2_001,
      amount: 120_000 + fileTotal
    })

    // One peso less of room and the last row no longer fits: nothing of the second file is kept.
    const more = [bill('K-EXTRA', '1000')]
    store.cache.putBills('9003', 'CC', '79000001', more)
    store.caps.maxPendingTotal = 120_000 + fileTotal + 999
    const extra = await batch.preview(file(['CC;79000001;9003;K-EXTRA;1000;efectivo;2025-02-28;']))
    expect(() => batch.confirm(extra, { actor: SUPERVISOR, terminalId: 'T1' })).toThrow(
      expect.objectContaining({ code: 'over_pending_total' })
    )
    expect(count(store.db, 'payments')).toBe(2_001)
    store.db.close()
  })

  it('offline, a row above the per-payment cap is recorded as approved by the importing supervisor', async () => {
    const { store, batch } = world()
    store.online.value = false
    store.caps.maxPaymentAmount = 100_000
    const result = batch.confirm(await batch.preview(file(VALID_ROWS)), {
      actor: SUPERVISOR,
      terminalId: 'T1'
    })
    expect(result.accepted).toBe(2)
    const rows = store.db.prepare('SELECT total, approved_by FROM payments ORDER BY total').all()
    expect(rows).toEqual([
      { total: 90_000, approved_by: null },
      { total: 120_000, approved_by: JSON.stringify(SUPERVISOR) }
    ])
    store.db.close()
  })
})
