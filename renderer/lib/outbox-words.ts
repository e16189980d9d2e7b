/**
 * What the sync engine wrote on an outbox item (last error, rejection, attempt detail) in a
 * cashier's words. The engine's notes are technical English with a leading code
 * (`not sent: Tigo registerPayment: not-sent - ECONNREFUSED`); they are read here by that code
 * and their network cause, and the raw text is left for the "detalles técnicos" toggle.
 */

export interface NoteWords {
  key: string
  params: Record<string, string>
}

/** Network and protocol causes a note may carry, most specific first. */
const CAUSES: ReadonlyArray<[RegExp, string]> = [
  [/ECONNREFUSED/, 'refused'],
  [/ENOTFOUND|EAI_AGAIN/, 'dns'],
  [/ETIMEDOUT|timeout|timed out|AbortError/i, 'timeout'],
  [/ECONNRESET|UND_ERR_SOCKET|socket hang up|EPIPE/, 'reset'],
  [/\b5\d\d\b/, 'server'],
  [/round stopped/, 'stopped']
]

/** The engine's check of a bill paid offline from its barcode alone (sync/verify-step.ts). */
const UNVERIFIED_NOTES: ReadonlyArray<[string, string]> = [
  ['bill_unverified_not_found', 'ui.outbox.note.unverifiedNotFound'],
  ['bill_unverified_customer', 'ui.outbox.note.unverifiedCustomer'],
  ['bill_unverified_amount', 'ui.outbox.note.unverifiedAmount'],
  ['bill_unverified_duplicate', 'ui.outbox.note.unverifiedDuplicate'],
  ['bill_unverified_paid', 'ui.outbox.note.unverifiedPaid'],
  ['interrupted before the scanned bill was checked', 'ui.outbox.note.unverifiedInterrupted'],
  ['verified as', 'ui.outbox.note.verified'],
  ['not sent: could not verify the scanned bill', 'ui.outbox.note.unverifiedWaiting']
]

function causeOf(raw: string): string {
  return CAUSES.find(([pattern]) => pattern.test(raw))?.[1] ?? 'unknown'
}

export function outboxNote(raw: string): NoteWords {
  const text = raw.trim()
  const cause = (): Record<string, string> => ({ cause: causeOf(text) })
  const unverified = UNVERIFIED_NOTES.find(([prefix]) => text.startsWith(prefix))
  if (unverified) return { key: unverified[1], params: cause() }
  if (text.startsWith('bill_paid_elsewhere'))
    return { key: 'ui.outbox.note.paidElsewhere', params: {} }
  if (text.startsWith('invalid_id_type')) return { key: 'ui.outbox.note.invalidIdType', params: {} }
  if (text.startsWith('invalid_request'))
    return { key: 'ui.outbox.note.invalidRequest', params: {} }
  if (text.startsWith('reconciled: Tigo has the bill as paid')) {
    return { key: 'ui.outbox.note.reconciledPaid', params: {} }
  }
  if (text.startsWith('reconciled: Tigo has the bill as unpaid')) {
    return { key: 'ui.outbox.note.reconciledUnpaid', params: {} }
  }
  if (text.startsWith('reconciled')) return { key: 'ui.outbox.note.reconciled', params: {} }
  if (text.startsWith('reconcile could not decide')) {
    return { key: 'ui.outbox.note.reconcileUndecided', params: cause() }
  }
  if (text.startsWith('refused with other bills'))
    return { key: 'ui.outbox.note.alone', params: {} }
  if (/^(unreadable answer|unexpected failure|Tigo answered without)/.test(text)) {
    return { key: 'ui.outbox.note.uncertain', params: cause() }
  }
  if (text.startsWith('registered by Tigo')) return { key: 'ui.outbox.note.registered', params: {} }
  if (text.startsWith('interrupted')) return { key: 'ui.outbox.note.interrupted', params: {} }
  if (text.startsWith('not sent')) return { key: 'ui.outbox.note.notSent', params: cause() }
  if (text.startsWith('may have reached Tigo')) {
    return { key: 'ui.outbox.note.uncertain', params: cause() }
  }
  // `<api code>: <text>`: Tigo refused the payment for a reason of its own.
  if (/^[a-z][a-z0-9_]*:/.test(text)) return { key: 'ui.outbox.note.refused', params: {} }
  return { key: 'ui.outbox.note.other', params: {} }
}
