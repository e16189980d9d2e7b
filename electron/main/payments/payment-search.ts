/**
 * Finding a past payment again for a reprint or a customer's question: by receipt number (typed,
 * or scanned from the receipt's QR code), by the customer's NIT or cédula, or by a bill number.
 * One search box takes them all, so the query is read every way it can be and the answers are
 * joined: `42` is a receipt sequence and also a possible bill number, and nobody has to say which.
 */
import { isValidNit } from '@shared/domain/nit'
import { parseReceiptCode, parseReceiptNumber } from '@shared/domain/receipt-number'
import type { Database } from '@main/store/db'
import type { StoredReceipt } from '@main/store/types'

/** Newest first; a till answers a handful, and a longer list would not be read anyway. */
export const SEARCH_LIMIT = 30

export interface PaymentSearchResult {
  payments: StoredReceipt[]
  /** More payments matched than `SEARCH_LIMIT`: the cashier should narrow the query. */
  more: boolean
}

interface SearchTerms {
  terminalId: string | null
  receiptNo: number | null
  identification: string | null
  billNo: string | null
}

/** An identification as stored: no dots or spaces, upper case, a NIT without its check digit. */
function identificationOf(text: string): string | null {
  const cleaned = text.replace(/[\s.]+/g, '').toUpperCase()
  if (isValidNit(cleaned)) return cleaned.slice(0, cleaned.lastIndexOf('-'))
  return /^[A-Z0-9]+$/.test(cleaned) ? cleaned : null
}

/** Every reading of the query. A receipt's QR code is read as that receipt and nothing else. */
export function searchTerms(query: string): SearchTerms {
  const text = query.trim()
  const code = parseReceiptCode(text)
  if (code) {
    return {
      terminalId: code.terminalId ?? null,
      receiptNo: code.receiptNo,
      identification: null,
      billNo: null
    }
  }
  const receipt = parseReceiptNumber(text)
  return {
    terminalId: receipt?.terminalId ?? null,
    receiptNo: receipt?.receiptNo ?? null,
    identification: identificationOf(text),
    billNo: text === '' ? null : text
  }
}

export function createPaymentSearch(
  db: Database,
  getPayment: (id: string) => StoredReceipt | undefined
): (query: string) => PaymentSearchResult {
  const matching = db.prepare(
    `SELECT p.id FROM payments p
     WHERE (@receiptNo IS NOT NULL AND p.receipt_no = @receiptNo
            AND (@terminalId IS NULL OR p.terminal_id = @terminalId COLLATE NOCASE))
        OR (@identification IS NOT NULL AND p.identification = @identification)
        OR (@billNo IS NOT NULL AND p.id IN
            (SELECT payment_id FROM outbox_items WHERE bill_no = @billNo COLLATE NOCASE))
     ORDER BY p.created_at DESC, p.receipt_no DESC
     LIMIT @limit`
  )
  return (query) => {
    const ids = matching.all({ ...searchTerms(query), limit: SEARCH_LIMIT + 1 }) as {
      id: string
    }[]
    const payments = ids.slice(0, SEARCH_LIMIT).flatMap(({ id }) => {
      const payment = getPayment(id)
      return payment ? [payment] : []
    })
    return { payments, more: ids.length > SEARCH_LIMIT }
  }
}
