/**
 * Confirming an offline batch: every valid row becomes a payment (source 'batch', its external
 * reference and payment time kept) through the payment service's own checks, all in ONE
 * transaction with the import's record, so a failure leaves nothing behind. Rows are re-checked
 * inside that transaction: a bill taken at the counter since the preview is rejected, not paid
 * twice. Importing the same rows again adds nothing (outbox + row hashes).
 */
import { AppError } from '@shared/errors'
import type { Language } from '@shared/i18n'
import type {
  BatchConfirmView,
  BatchImportView,
  BatchReason,
  BatchRowView
} from '@shared/ipc/channels/batch'
import { BATCH_MAX_CHARS, BATCH_MAX_ROWS } from '@shared/ipc/channels/batch'
import { writeTransaction } from '@main/store/db'
import type { PaymentServiceDeps } from '@main/payments/payment-service'
import { createPaymentService } from '@main/payments/payment-service'
import type { Person } from '@main/store/types'
import { exportBatchResults, exportRejectedCsv } from './export'
import type { BatchPreview, PreviewOptions } from './preview'
import { previewBatch, reasonText } from './preview'
import { lookUpUnknown } from './live-lookup'
import { readPaymentsCsv } from './parse-payments'
import { checkRow, createRowCheckContext, rowHash } from './row-check'

export interface BatchService {
  preview(text: string, options?: PreviewOptions): Promise<BatchPreview>
  confirm(preview: BatchPreview, input: { actor: Person; terminalId: string }): BatchConfirmView
  list(limit: number): BatchImportView[]
  /** CSV of every row of an import with its outbox state now. */
  results(batchId: number, language?: Language): string
}

interface ImportRow {
  id: number
  at: number
  actor: string
  actor_name: string
  terminal_id: string
  file_name: string | null
  total_rows: number
  accepted: number
  rejected: number
  accepted_amount: number
}

export function createBatchService(deps: PaymentServiceDeps): BatchService {
  const { db, clock, audit, settings, isOnline } = deps

  function confirm(
    preview: BatchPreview,
    { actor, terminalId }: { actor: Person; terminalId: string }
  ): BatchConfirmView {
    const language: Language = preview.language
    return writeTransaction(db, () => {
      const now = clock()
      const ctx = createRowCheckContext({ db, cache: deps.cache, outbox: deps.outbox, now })
      let changedSincePreview = 0
      const final: BatchRowView[] = preview.rows.map((row) => {
        if (!row.valid || !row.values) return row
        const check = checkRow(row.values, ctx)
        if (check.ok) return row
        changedSincePreview++
        return {
          ...row,
          valid: false,
          reason: check.problem.reason,
          reasonParams: check.problem.params,
          reasonText: reasonText(language, check.problem.reason, check.problem.params)
        }
      })
      const accepted = final.filter((row) => row.valid && row.values)
      const acceptedAmount = accepted.reduce((sum, row) => sum + (row.values?.amount ?? 0), 0)

      const batchId = Number(
        db
          .prepare(
            // The shift open at this terminal when confirmed, if any (reported apart from it).
            `INSERT INTO batch_imports (at, actor, terminal_id, file_name, file_hash, total_rows,
               accepted, rejected, accepted_amount, shift_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,
               (SELECT id FROM shifts WHERE terminal_id = ? AND closed_at IS NULL))`
          )
          .run(
            now,
            actor.id,
            terminalId,
            preview.fileName,
            preview.fileHash,
            final.length,
            accepted.length,
            final.length - accepted.length,
            acceptedAmount,
            terminalId
          ).lastInsertRowid
      )
      const insertRow = db.prepare(
        `INSERT INTO batch_rows (batch_id, line, row_hash, bill_no, amount, payment_id, reason,
           reason_text, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      const caps = settings()
      // The payment's time is when the customer paid, not when the file was imported. Only the
      // payment reads this clock: the outbox and the audit log keep their own (the real one), so
      // an imported payment queues behind what waits already and is not flagged stale at once.
      let paidAt = now
      const payments = createPaymentService({ ...deps, clock: () => paidAt })
      for (const row of final) {
        const values = row.values
        let paymentId: string | null = null
        if (row.valid && values) {
          paidAt = Date.parse(values.paidAt)
          const overCap = !isOnline() && values.amount > caps.maxPaymentAmount
          paymentId = payments.registerPayment({
            terminalId,
            cashier: actor,
            idType: values.idType,
            identification: values.identification,
            bills: [
              { billNo: values.billNo, contractId: values.contractId, amount: values.amount }
            ],
            method: values.method,
            source: 'batch',
            ...(values.externalRef ? { externalRef: values.externalRef } : {}),
            ...(overCap ? { approvedBy: actor } : {})
          }).id
        }
        insertRow.run(
          batchId,
          row.line,
          preview.hashes.get(row.line) ??
            (values ? rowHash(values) : `line-${batchId}-${row.line}`),
          values?.billNo ?? null,
          values?.amount ?? null,
          paymentId,
          paymentId === null ? (row.reason ?? ('malformed_columns' satisfies BatchReason)) : null,
          paymentId === null ? row.reasonText : null,
          JSON.stringify(row.raw)
        )
      }
      const { shift_id: shiftId } = db
        .prepare('SELECT shift_id FROM batch_imports WHERE id = ?')
        .get(batchId) as { shift_id: number | null }
      audit.record(actor.id, 'batch.imported', {
        batchId,
        shiftId,
        terminalId,
        fileName: preview.fileName,
        fileHash: preview.fileHash,
        rows: final.length,
        accepted: accepted.length,
        rejected: final.length - accepted.length,
        acceptedAmount,
        changedSincePreview
      })
      return {
        batchId,
        accepted: accepted.length,
        rejected: final.length - accepted.length,
        acceptedAmount,
        changedSincePreview,
        shiftId,
        rejectedCsv: exportRejectedCsv({ ...preview, rows: final })
      }
    })
  }

  function list(limit: number): BatchImportView[] {
    const rows = db
      // The user's name, not the id: people read "Quién" (an unknown id is shown as it is).
      .prepare(
        `SELECT b.*, COALESCE(u.name, b.actor) AS actor_name
           FROM batch_imports b LEFT JOIN users u ON u.id = b.actor
          ORDER BY b.id DESC LIMIT ?`
      )
      .all(Math.min(Math.max(1, Math.trunc(limit)), 500)) as ImportRow[]
    return rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      actor: row.actor,
      actorName: row.actor_name,
      terminalId: row.terminal_id,
      fileName: row.file_name,
      totalRows: row.total_rows,
      accepted: row.accepted,
      rejected: row.rejected,
      acceptedAmount: row.accepted_amount
    }))
  }

  return {
    preview: async (text, options = {}) => {
      const file = await readPaymentsCsv(text, {
        maxChars: BATCH_MAX_CHARS,
        maxRows: BATCH_MAX_ROWS,
        ...(options.onRead ? { onRead: options.onRead } : {})
      })
      const { lookups, signal, onLookup } = options
      const explain = lookups
        ? await lookUpUnknown(
            file.rows,
            { cache: deps.cache, lookups },
            { ...(signal ? { signal } : {}), ...(onLookup ? { onProgress: onLookup } : {}) }
          )
        : undefined
      return previewBatch(file, { ...deps, clock }, { ...options, ...(explain ? { explain } : {}) })
    },
    confirm,
    list,
    results(batchId, language = 'es') {
      const found = db.prepare('SELECT 1 FROM batch_imports WHERE id = ?').get(batchId)
      if (!found) throw new AppError('batch_unknown', { batchId })
      return exportBatchResults(db, batchId, language)
    }
  }
}
