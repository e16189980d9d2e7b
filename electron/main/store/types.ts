/**
 * Types of the durable store that other parts of the app (sync engine, IPC, later the UI) use.
 * Free of better-sqlite3 types so they can move to shared/ when the renderer needs them.
 * Money is whole pesos (integers); `*At` numbers are epoch milliseconds, ISO strings say so.
 */
import type { ClientInformation } from '@shared/api/models'
import type { PaymentReference } from '@shared/domain/payment-reference'
import { OUTBOX_STATES, PAYMENT_METHODS } from '@shared/ipc/views'
import type {
  BillLine,
  OutboxState,
  PaymentCaps,
  PaymentMethod,
  ReceiptBillView
} from '@shared/ipc/views'

// The store speaks the same states, caps and bill lines as the screens: one definition each.
export { OUTBOX_STATES, PAYMENT_METHODS }
export type { BillLine, OutboxState, PaymentCaps, PaymentMethod }
export type ReceiptBill = ReceiptBillView

/** Epoch milliseconds, injected so tests control time. */
export type Clock = () => number

/** States whose money has not reached Tigo yet (and counts against the waiting cap). */
export const WAITING_STATES: readonly OutboxState[] = ['queued', 'sending', 'uncertain']

export type PaymentSource = 'counter' | 'batch'

export interface Person {
  id: string
  name: string
}

/** One bill of a payment on its way to Tigo, with the payment context the sync engine needs. */
export interface OutboxItem extends BillLine {
  id: number
  paymentId: string
  attempts: number
  lastError: string | null
  nextAttemptAt: number
  createdAt: number
  updatedAt: number
  registeredAt: number | null
  rejectedReason: string | null
  /**
   * Paid offline from the barcode alone: `billNo` holds the scanned reference until the engine
   * finds the bill with Tigo, for this customer and amount (sync/verify-step.ts).
   */
  unverified: boolean
  idType: string
  identification: string
  method: PaymentMethod
  paymentCreatedAt: string
  clientInformation: ClientInformation | null
  /** Card approval and last digits, cheque or transfer bank and number; null for cash. */
  methodReference: PaymentReference | null
  /** The payment's receipt number, printed for the customer and sent to Tigo. */
  receiptNo: number
  /** The terminal that took the payment (not necessarily the one sending it). */
  terminalId: string
}

/** What a transition may record: a text, optionally with the HTTP status that caused it. */
export type AttemptNote = string | { detail: string; httpStatus?: number }

export interface OutboxAttempt {
  id: number
  itemId: number
  at: number
  fromState: OutboxState | null
  toState: OutboxState
  outcome: string
  httpStatus: number | null
  detail: string | null
}

export interface AmountCount {
  count: number
  amount: number
}

export interface OutboxSummary {
  states: Record<OutboxState, AmountCount>
  /** queued + sending + uncertain: what the status bar shows as "waiting". */
  waiting: AmountCount
  oldestWaitingAgeMs: number | null
  /** Payments with waiting items that a supervisor must look at (waited longer than the cap). */
  flaggedPayments: number
}

export interface OutboxFilter {
  states?: readonly OutboxState[]
  /** Payment created at or after (epoch ms). */
  from?: number
  /** Payment created before (epoch ms). */
  to?: number
  paymentId?: string
  limit?: number
}

export interface PaymentRecord {
  id: string
  receiptNo: number
  terminalId: string
  cashier: Person
  customer: { idType: string; identification: string; name: string | null }
  method: PaymentMethod
  total: number
  tendered: number | null
  change: number | null
  clientInformation: ClientInformation | null
  methodReference: PaymentReference | null
  source: PaymentSource
  externalRef: string | null
  approvedBy: Person | null
  /** ISO 8601. */
  createdAt: string
  /** ISO 8601; set when the payment waited longer than the cap. */
  supervisorFlaggedAt: string | null
}

/** Everything a receipt needs. `pending` is true while any bill has not been registered. */
export interface StoredReceipt extends PaymentRecord {
  bills: ReceiptBill[]
  pending: boolean
}

/** A payment on the outbox screen with its items matching the filter. */
export interface OutboxPayment extends PaymentRecord {
  items: OutboxItem[]
}

export interface PaymentBillInput {
  billNo: string
  contractId: string
  amount: number
  /**
   * Scanned offline and never looked up: `billNo` is the barcode's reference; the engine checks
   * the bill with Tigo before anything is sent.
   */
  unverified?: { dueDate: string }
}

export interface RegisterPaymentInput {
  terminalId: string
  cashier: Person
  idType: string
  identification: string
  customerName?: string
  bills: readonly PaymentBillInput[]
  method: PaymentMethod
  tendered?: number
  clientInformation?: ClientInformation
  /** Already normalized and checked by the caller (`shared/domain/payment-reference`). */
  methodReference?: PaymentReference
  source?: PaymentSource
  externalRef?: string
  /** Supervisor who allowed a payment above the offline cap (or the waiting-total cap). */
  approvedBy?: Person
  /**
   * Which cap `approvedBy` lifts: the offline per-payment cap (default), or the waiting-total cap
   * (that approval lifts the offline cap too: the supervisor saw a larger sum at stake).
   */
  approvedFor?: 'over_offline_cap' | 'over_pending_total'
}

export interface CachedBill {
  billNo: string
  contractId: string
  idType: string
  identification: string
  reference: string | null
  amount: number
  paid: boolean
  dueDate: string | null
  /** The bill as the API returned it. */
  bill: unknown
  fetchedAt: number
}

export interface CachedValue {
  value: unknown
  fetchedAt: number
}

export interface AuditEntry {
  id: number
  at: number
  actor: string
  action: string
  details: unknown
}

export interface AuditFilter {
  from?: number
  to?: number
  actor?: string
  action?: string
  limit?: number
  offset?: number
}
