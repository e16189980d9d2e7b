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

/**
 * What the receipt's QR code holds: `RECIBO-CAJA-01-000042`. A keyboard-wedge scanner types it
 * into Caja, so it keeps to letters, digits and hyphens (the same on every keyboard layout), and
 * its prefix tells it apart from a bill barcode and from anything a person types.
 */
export const RECEIPT_CODE_PREFIX = 'RECIBO-'

export function formatReceiptCode(terminalId: string, receiptNo: number): string {
  return `${RECEIPT_CODE_PREFIX}${formatReceiptNumber(terminalId, receiptNo)}`
}

/** A receipt as people and scanners name it: the terminal when known, and the sequence. */
export interface ReceiptNumberParts {
  terminalId?: string
  receiptNo: number
}

/** Terminal ids are letters, digits, `_` and `-` (settings); the sequence is the last digits. */
const TERMINAL_AND_SEQUENCE = /^([A-Za-z0-9_-]{1,32})-(\d{1,9})$/
const SEQUENCE_ONLY = /^\d{1,9}$/
const RECEIPT_CODE = /^RECIBO-([A-Za-z0-9_-]{1,32})-(\d{6,9})$/i

function positive(digits: string): number | undefined {
  const value = Number(digits)
  return Number.isSafeInteger(value) && value > 0 ? value : undefined
}

/** Terminal as written (compared without case: settings keep what was typed), and sequence. */
function partsOf(match: RegExpExecArray | null): ReceiptNumberParts | undefined {
  if (!match) return undefined
  const [, terminalId = '', digits = ''] = match
  const receiptNo = positive(digits)
  return receiptNo === undefined ? undefined : { terminalId, receiptNo }
}

/** The receipt a QR scan names, or undefined when the text is not a receipt's QR code. */
export function parseReceiptCode(text: string): ReceiptNumberParts | undefined {
  return partsOf(RECEIPT_CODE.exec(text.trim()))
}

/**
 * `CAJA-01-000042`, `RECIBO-CAJA-01-000042` or the bare sequence `42`, as typed or scanned.
 * Undefined for anything else. `CAJA-01` alone reads as terminal `CAJA`, receipt 1: a search
 * tries it along with the other kinds of query, so the reading costs nothing.
 */
export function parseReceiptNumber(text: string): ReceiptNumberParts | undefined {
  const trimmed = text.trim()
  const code = parseReceiptCode(trimmed)
  if (code) return code
  if (SEQUENCE_ONLY.test(trimmed)) {
    const receiptNo = positive(trimmed)
    return receiptNo === undefined ? undefined : { receiptNo }
  }
  return partsOf(TERMINAL_AND_SEQUENCE.exec(trimmed))
}
