/**
 * What the renderer receives. Plain JSON-safe data (ISO date strings, integer pesos), shaped for
 * the screens rather than mirroring the Tigo wire format.
 */
import type { Payment, ValidatePaymentResponse } from '@shared/api/models'
import type { IdType } from '@shared/domain/identification'
import type { PaymentReference } from '@shared/domain/payment-reference'

export type { IdType, Payment, ValidatePaymentResponse }

/** Where an answer came from: the API just now, or the offline cache (see `fetchedAt`). */
export type Source = 'live' | 'cache'

export const OUTBOX_STATES = ['queued', 'sending', 'registered', 'rejected', 'uncertain'] as const
export type OutboxState = (typeof OUTBOX_STATES)[number]

export const PAYMENT_METHODS = ['cash', 'debit_card', 'credit_card', 'check', 'transfer'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export interface BillView {
  billNo: string
  contractId: string
  /** Whole pesos. */
  amount: number
  billDate?: string
  dueDate?: string
  paid: boolean
  overdue: boolean
  reference?: string
  /** Set when this terminal already took a payment for the bill (it may still be in the outbox). */
  outboxState?: OutboxState
  claimStatus?: string
  billingSystem?: string
  /**
   * Offline, a scanned bill never looked up: read from its barcode alone, `billNo` is its
   * reference. Payable with the customer typed at the counter; checked with Tigo before sending.
   */
  unverified?: true
}

export interface ContractView {
  contractId: string
  address?: string
  cycle?: string
  deliveryMethod?: string
  /** Bills the contracts answer carried inline (often none: use `bills:list`). */
  bills: BillView[]
}

export interface PageView {
  regIni: number
  numReg: number
  hasMore: boolean
}

export interface CustomerView {
  source: Source
  fetchedAt: string
  /**
   * Null when the customer was found by contract or barcode and the cashier has not confirmed
   * the id type yet (Tigo's contract answer does not say it): no payment until it is confirmed.
   */
  idType: IdType | null
  /** What the identification shows (a NIT with its check digit), to pre-fill the confirmation. */
  suggestedIdType?: IdType
  identification: string
  name: string
  organization: Record<string, unknown>
  contracts: ContractView[]
  page: PageView
}

export interface BillListView {
  source: Source
  fetchedAt: string
  contractId: string
  bills: BillView[]
}

export interface BillPaymentsView {
  source: Source
  fetchedAt: string
  payments: Payment[]
}

/** A parsed GS1-128 bill barcode. */
export interface BillBarcodeView {
  gln: string
  reference: string
  /** Whole pesos, when the barcode carries an amount. */
  amount?: number
  /** YYYY-MM-DD, when the barcode carries a due date. */
  dueDate?: string
}

export interface BarcodeLookupView {
  barcode: BillBarcodeView
  bill: BillView
  customer: CustomerView | null
}

export interface CharacteristicsView {
  source: Source
  fetchedAt: string
  plusCustomer: boolean
  role?: string
  webBillStatus?: string
  contactPhone?: string
  contactEmail?: string
}

export interface PersonView {
  id: string
  name: string
}

/** A bill as a payment line carries it, in the store and on screen, and how far it got. */
export interface BillLine {
  billNo: string
  contractId: string
  reference: string | null
  amount: number
  dueDate: string | null
  state: OutboxState
}

/** One bill of a payment and how far it got towards Tigo. */
export interface ReceiptBillView extends BillLine {
  itemId: number
  /** Paid from its barcode alone, offline: "sin verificar" until the engine checks it with Tigo. */
  unverified?: true
}

/** A payment as saved on this terminal (ISO dates, whole pesos). */
export interface PaymentView {
  id: string
  receiptNo: number
  terminalId: string
  cashier: PersonView
  customer: { idType: string; identification: string; name: string | null }
  method: PaymentMethod
  total: number
  tendered: number | null
  change: number | null
  /** Card approval and last digits, cheque or transfer bank and number; null for cash. */
  methodReference: PaymentReference | null
  source: 'counter' | 'batch'
  externalRef: string | null
  approvedBy: PersonView | null
  createdAt: string
  /** Set when the payment waited longer than the cap: a supervisor must look at it. */
  supervisorFlaggedAt: string | null
}

export interface PaymentReceipt extends PaymentView {
  bills: ReceiptBillView[]
  /** True while any bill still waits to reach Tigo: the receipt must say so. */
  pending: boolean
}

export interface CheckoutView {
  signature: string
  url: string
  description?: string
}

export interface OutboxItemView extends ReceiptBillView {
  attempts: number
  lastError: string | null
  rejectedReason: string | null
  nextAttemptAt: string | null
  registeredAt: string | null
  /** The payment waited longer than the cap (see `PaymentView.supervisorFlaggedAt`). */
  flagged: boolean
}

export interface OutboxPaymentView extends PaymentView {
  items: OutboxItemView[]
}

export interface AttemptView {
  at: string
  outcome: string
  httpStatus?: number
  /** A readable cause; never a token or secret. */
  detail: string
}

export type StateTotals = Record<OutboxState, number>

export interface SyncStatus {
  online: boolean
  /** Tigo answers, but with 5xx, cut or unreadable answers, or a call hangs (status bar: "con fallas"). */
  degraded?: boolean
  checkedAt: string
  counts: StateTotals
  sums: StateTotals
  /** queued + sending + uncertain */
  pendingCount: number
  pendingSum: number
  /** uncertain + rejected + flagged */
  problemCount: number
  flaggedCount: number
  lastSyncAt?: string
  nextAttemptAt?: string
  draining: boolean
  usesSimulator: boolean
  terminalId: string
  cashierName?: string
}

export type SecretProtection = 'strong' | 'weak' | 'memory'
export type PaperWidth = 80 | 58
export type Language = 'es' | 'en'

export interface PaymentCaps {
  /** Largest single payment taken while offline without a supervisor override. */
  maxPaymentAmount: number
  /** Largest sum that may wait in the outbox (queued + sending + uncertain), this payment included. */
  maxPendingTotal: number
  /** After this many hours a waiting payment is flagged for a supervisor (never dropped). */
  maxPendingAgeHours: number
}

/** The terminal's caps: the payment caps and the closing's supervisor threshold. */
export interface TillCaps extends PaymentCaps {
  /** A closing difference (pesos, either way, on any method) above this needs a supervisor. */
  closingApprovalAbove: number
}

/** The settings a supervisor edits, as main stores them and the settings screen shows them. */
export interface TerminalSettings {
  /** Empty: the embedded simulator. */
  apiBaseUrl: string
  /** Empty: derived from the API host. */
  tokenUrl: string
  clientId: string
  terminalId: string
  printerName: string
  paperWidth: PaperWidth
  caps: TillCaps
  language: Language
  idleLockMinutes: number
  /** The receipt and closing-report header. */
  businessName: string
  /** Formatted with its check digit (`900.123.456-8`), or '' to print none. */
  businessNit: string
  businessAddress: string
}

export interface SettingsView extends TerminalSettings {
  hasClientSecret: boolean
  secretProtection: SecretProtection
  usesSimulator: boolean
}

export function emptyStateTotals(): StateTotals {
  return { queued: 0, sending: 0, registered: 0, rejected: 0, uncertain: 0 }
}
