/**
 * What goes back out of a batch: the rejected rows as written plus why (to fix and import again;
 * the extra columns are ignored on re-import), and every imported row with its outbox state now.
 */
import type { Language } from '@shared/i18n'
import { translate } from '@shared/i18n'
import type { BatchPreviewView, BatchReason, BatchResultRowView } from '@shared/ipc/channels/batch'
import type { Database } from '@main/store/db'
import type { OutboxState } from '@main/store/types'
import type { Separator } from './csv'
import { csvLine } from './csv'

export interface RejectedSource extends Pick<BatchPreviewView, 'rows'> {
  columns: string[]
  separator: Separator
  language: Language
}

export function exportRejectedCsv(preview: RejectedSource): string {
  const t = (key: string) => translate(preview.language, `batch.csv.${key}`)
  const sep = preview.separator
  const lines = [csvLine([...preview.columns, t('line'), t('reason'), t('detail')], sep)]
  for (const row of preview.rows) {
    if (row.valid) continue
    lines.push(
      csvLine(
        [
          ...preview.columns.map((column) => row.raw[column] ?? ''),
          row.line,
          row.reason,
          row.reasonText
        ],
        sep
      )
    )
  }
  return `${lines.join('\r\n')}\r\n`
}

interface ResultRow {
  line: number
  bill_no: string | null
  amount: number | null
  payment_id: string | null
  receipt_no: number | null
  state: OutboxState | null
  reason: BatchReason | null
  reason_text: string | null
}

export function batchResults(db: Database, batchId: number): BatchResultRowView[] {
  const rows = db
    .prepare(
      `SELECT r.line, r.bill_no, r.amount, r.payment_id, p.receipt_no, i.state, r.reason,
         r.reason_text
       FROM batch_rows r
       LEFT JOIN payments p ON p.id = r.payment_id
       LEFT JOIN outbox_items i ON i.payment_id = r.payment_id
       WHERE r.batch_id = ? ORDER BY r.line, i.id`
    )
    .all(batchId) as ResultRow[]
  return rows.map((row) => ({
    line: row.line,
    billNo: row.bill_no,
    amount: row.amount,
    paymentId: row.payment_id,
    receiptNo: row.receipt_no,
    state: row.state,
    reason: row.reason,
    reasonText: row.reason_text
  }))
}

/** Every row of an import with where it stands now (`;`-separated, as es-CO Excel opens it). */
export function exportBatchResults(
  db: Database,
  batchId: number,
  language: Language = 'es'
): string {
  const t = (key: string) => translate(language, `batch.csv.${key}`)
  const sep: Separator = ';'
  const lines = [
    csvLine(
      [
        t('line'),
        t('bill'),
        t('amount'),
        t('status'),
        t('state'),
        t('reason'),
        t('detail'),
        t('paymentId'),
        t('receiptNo')
      ],
      sep
    )
  ]
  for (const row of batchResults(db, batchId)) {
    lines.push(
      csvLine(
        [
          row.line,
          row.billNo,
          row.amount,
          row.paymentId ? t('accepted') : t('rejected'),
          row.state ? translate(language, `closing.state.${row.state}`) : null,
          row.reason,
          row.reasonText,
          row.paymentId,
          row.receiptNo
        ],
        sep
      )
    )
  }
  return `${lines.join('\r\n')}\r\n`
}
