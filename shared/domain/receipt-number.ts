/**
 * The number people read, say and type for a receipt: the terminal and its sequence,
 * `CAJA-01-000042`. Receipt numbers are per terminal, so the sequence alone is ambiguous across
 * tills; the internal payment id (a UUID) is for the QR code and the logs, not for people.
 */

/** `000042`: zero-padded so receipts of one terminal sort and read alike. */
export function formatSequence(receiptNo: number): string {
  return String(receiptNo).padStart(6, '0')
}

export function formatReceiptNumber(terminalId: string, receiptNo: number): string {
  return `${terminalId}-${formatSequence(receiptNo)}`
}
