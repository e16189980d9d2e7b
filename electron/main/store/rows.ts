/** Row shapes of the payment tables and their mapping to the store's types. */
import type { ClientInformation } from '@shared/api/models'
import type { PaymentReference } from '@shared/domain/payment-reference'
import type {
  BillLine,
  OutboxAttempt,
  OutboxItem,
  OutboxState,
  PaymentMethod,
  PaymentRecord,
  PaymentSource,
  Person,
  ReceiptBill
} from './types'
import { camelColumns } from './columns'

export interface PaymentRow {
  id: string
  receipt_no: number
  terminal_id: string
  cashier_id: string
  cashier_name: string
  id_type: string
  identification: string
  customer_name: string | null
  method: PaymentMethod
  total: number
  tendered: number | null
  change_due: number | null
  client_info: string | null
  method_reference: string | null
  source: PaymentSource
  external_ref: string | null
  approved_by: string | null
  created_at: string
  supervisor_flagged_at: string | null
}

export interface ItemRow {
  id: number
  payment_id: string
  bill_no: string
  contract_id: string
  reference: string | null
  amount: number
  due_date: string | null
  state: OutboxState
  attempts: number
  last_error: string | null
  next_attempt_at: number
  created_at: number
  updated_at: number
  registered_at: number | null
  rejected_reason: string | null
  /** 1 while a bill paid from its barcode alone waits for the engine's check (migration 007). */
  unverified: number
}

/** An item joined with the payment fields the sync engine needs to build a request. */
export interface ItemWithPaymentRow extends ItemRow {
  id_type: string
  identification: string
  method: PaymentMethod
  payment_created_at: string
  client_info: string | null
  method_reference: string | null
  receipt_no: number
  terminal_id: string
}

export interface AttemptRow {
  id: number
  item_id: number
  at: number
  from_state: OutboxState | null
  to_state: OutboxState
  outcome: string
  http_status: number | null
  detail: string | null
}

/** SELECT list for ItemWithPaymentRow over `outbox_items i JOIN payments p`. */
export const ITEM_WITH_PAYMENT_COLUMNS = `i.*, p.id_type, p.identification, p.method,
  p.created_at AS payment_created_at, p.client_info, p.method_reference, p.receipt_no,
  p.terminal_id`

export function toPaymentRecord(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    receiptNo: row.receipt_no,
    terminalId: row.terminal_id,
    cashier: { id: row.cashier_id, name: row.cashier_name },
    customer: { idType: row.id_type, identification: row.identification, name: row.customer_name },
    method: row.method,
    total: row.total,
    tendered: row.tendered,
    change: row.change_due,
    clientInformation: parseJson<ClientInformation>(row.client_info),
    methodReference: parseJson<PaymentReference>(row.method_reference),
    source: row.source,
    externalRef: row.external_ref,
    approvedBy: parseJson<Person>(row.approved_by),
    createdAt: row.created_at,
    supervisorFlaggedAt: row.supervisor_flagged_at
  }
}

function toBillLine(row: ItemRow): BillLine {
  return {
    ...camelColumns(row, ['bill_no', 'contract_id', 'reference', 'amount', 'due_date', 'state'])
  }
}

export function toOutboxItem(row: ItemWithPaymentRow): OutboxItem {
  return {
    id: row.id,
    paymentId: row.payment_id,
    ...toBillLine(row),
    attempts: row.attempts,
    lastError: row.last_error,
    nextAttemptAt: row.next_attempt_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    registeredAt: row.registered_at,
    rejectedReason: row.rejected_reason,
    unverified: row.unverified === 1,
    idType: row.id_type,
    identification: row.identification,
    method: row.method,
    paymentCreatedAt: row.payment_created_at,
    clientInformation: parseJson<ClientInformation>(row.client_info),
    methodReference: parseJson<PaymentReference>(row.method_reference),
    receiptNo: row.receipt_no,
    terminalId: row.terminal_id
  }
}

export function toReceiptBill(row: ItemRow): ReceiptBill {
  return {
    itemId: row.id,
    ...toBillLine(row),
    ...(row.unverified === 1 ? { unverified: true as const } : {})
  }
}

export function toAttempt(row: AttemptRow): OutboxAttempt {
  return {
    id: row.id,
    itemId: row.item_id,
    at: row.at,
    fromState: row.from_state,
    toState: row.to_state,
    outcome: row.outcome,
    httpStatus: row.http_status,
    detail: row.detail
  }
}

/** Values this store wrote itself with JSON.stringify. */
function parseJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T)
}
