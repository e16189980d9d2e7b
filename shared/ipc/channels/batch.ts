import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { OutboxState, PaymentMethod } from '@shared/ipc/views'

/**
 * Why a row of an offline-payments file cannot be imported. Each code has the texts
 * `batch.reason.<code>` in the dictionary.
 */
export const BATCH_REASONS = [
  'malformed_columns',
  'malformed_missing',
  'malformed_id_type',
  'malformed_amount',
  'malformed_date',
  'malformed_method',
  'identification_invalid',
  'nit_check_digit',
  'paid_at_future',
  'customer_unknown',
  'bill_unknown',
  'bill_not_customer',
  'id_type_unconfirmed',
  'amount_mismatch',
  'bill_already_paid',
  'bill_already_queued',
  'already_imported',
  'duplicate_row',
  // Online lookups of bills never seen in this till (issue 14).
  'not_looked_up',
  'customer_not_found',
  'bill_not_found'
] as const
export type BatchReason = (typeof BATCH_REASONS)[number]

/**
 * A file of offline payments is refused past these, with a translated error (`batch_too_many_rows`,
 * `batch_too_large`): an outage's paper receipts fit well within them, and the preview of a file
 * at the limit stays a few megabytes (see the README, "Offline batch import").
 */
export const BATCH_MAX_ROWS = 10_000
/** Characters of text; about as many bytes for the mostly-ASCII CSV a spreadsheet writes. */
export const BATCH_MAX_CHARS = 2_000_000

/** One row as read from the file, ready to become a payment. */
export interface BatchRowValues {
  idType: string
  /** Cleaned; for a NIT the base without check digit (as the API and the cache hold it). */
  identification: string
  contractId: string
  billNo: string
  amount: number
  method: PaymentMethod
  /** ISO 8601: when the customer paid. Kept as the payment's time. */
  paidAt: string
  externalRef: string | null
}

export interface BatchRowView {
  /** Line in the file where the row starts (the header is line 1). */
  line: number
  /**
   * The fields as written, by column name (for the rejected-rows file). Main keeps them for every
   * row; the preview sent to the window leaves them empty where `values` holds the row, which
   * keeps a preview at the row limit a few megabytes.
   */
  raw: Record<string, string>
  values: BatchRowValues | null
  valid: boolean
  reason: BatchReason | null
  reasonParams: Record<string, string | number>
  /** The reason in the cashier's language. */
  reasonText: string | null
}

export interface BatchTotals {
  rows: number
  valid: number
  invalid: number
  validAmount: number
  byReason: Partial<Record<BatchReason, number>>
  /** Waiting amount in the outbox now; with `validAmount` it must stay under the cap. */
  pendingAmount: number
  pendingCap: number
  overPendingCap: boolean
}

export interface BatchPreviewView {
  previewId: string
  fileName: string | null
  fileHash: string
  rows: BatchRowView[]
  totals: BatchTotals
}

export interface BatchConfirmView {
  batchId: number
  accepted: number
  rejected: number
  acceptedAmount: number
  /** Rows valid at preview time that another payment took in between. */
  changedSincePreview: number
  /** The shift open at this terminal when confirmed (its closing reports these apart), or null. */
  shiftId: number | null
  /** The rejected rows with their reasons, to fix and import again. */
  rejectedCsv: string
}

export interface BatchImportView {
  id: number
  at: string
  /** The user's id. */
  actor: string
  /** Who imported it, as the screen shows it. */
  actorName: string
  terminalId: string
  fileName: string | null
  totalRows: number
  accepted: number
  rejected: number
  acceptedAmount: number
}

export interface BatchResultRowView {
  line: number
  billNo: string | null
  amount: number | null
  paymentId: string | null
  receiptNo: number | null
  state: OutboxState | null
  reason: BatchReason | null
  reasonText: string | null
}

const PreviewIdInput = z.string().trim().min(1).max(64)

export const batchChannels = {
  /**
   * Reads and checks a file; saves nothing. Past `BATCH_MAX_ROWS` or `BATCH_MAX_CHARS` it is
   * refused (the schema's own bound is only the transport's). Large files report progress.
   */
  'batch:preview': channel<BatchPreviewView>()({
    input: z.strictObject({
      fileName: z.string().trim().max(260).optional(),
      text: z.string().max(20_000_000)
    }),
    access: 'supervisor'
  }),
  /** Saves every valid row of the preview as a payment, all in one transaction. */
  'batch:confirm': channel<BatchConfirmView>()({
    input: z.strictObject({ previewId: PreviewIdInput }),
    access: 'supervisor'
  }),
  'batch:rejectedCsv': channel<{ fileName: string; csv: string }>()({
    input: z.strictObject({ previewId: PreviewIdInput }),
    access: 'supervisor'
  }),
  'batch:results': channel<{ fileName: string; csv: string }>()({
    input: z.strictObject({ batchId: z.number().int().positive() }),
    access: 'supervisor'
  }),
  'batch:list': channel<BatchImportView[]>()({
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    access: 'supervisor'
  }),
  /**
   * Stops the live lookups of the preview under way: those under way finish and are kept; the
   * rows not looked up stay invalid (`not_looked_up`). True when a preview was looking up.
   */
  'batch:cancelLookups': channel<boolean>()({
    input: z.strictObject({}),
    access: 'supervisor'
  })
} as const
