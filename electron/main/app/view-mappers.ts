/** Tigo answers and store rows → the views the renderer receives (shared/ipc/views.ts). */
import type { BillList, ContractsDetails, ContractsItem } from '@shared/api/models'
import { isBillPaid } from '@shared/domain/bill-status'
import type { IdType } from '@shared/domain/identification'
import { parseApiAmount } from '@shared/domain/money'
import type {
  AttemptView,
  BillView,
  ContractView,
  CustomerView,
  OutboxItemView,
  OutboxPaymentView,
  OutboxState,
  PageView,
  PaymentReceipt,
  PaymentView,
  ReceiptBillView,
  Source
} from '@shared/ipc/views'
import type {
  OutboxAttempt,
  OutboxItem,
  OutboxPayment,
  StoredReceipt,
  PaymentRecord,
  ReceiptBill
} from '@main/store/types'

export function iso(ms: number): string {
  return new Date(ms).toISOString()
}

// Built once: a formatter with a time zone is costly to construct, and every lookup asks.
const BOGOTA_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Bogota' })

/** Today's date (YYYY-MM-DD) in Bogotá, where due dates are meant. */
export function bogotaDate(ms: number): string {
  return BOGOTA_DATE.format(ms)
}

export interface BillContext {
  today: string
  outboxStateOf: (billNo: string) => OutboxState | undefined
}

export function toBillView(bill: BillList, contractId: string, ctx: BillContext): BillView {
  const paid = isBillPaid(bill)
  const dueDate = bill.paymentDueDate?.slice(0, 10)
  const view: BillView = {
    billNo: bill.billNo,
    contractId,
    amount: parseApiAmount(bill.billAmount),
    paid,
    overdue: !paid && dueDate !== undefined && dueDate < ctx.today
  }
  if (bill.billDate !== undefined) view.billDate = bill.billDate.slice(0, 10)
  if (dueDate !== undefined) view.dueDate = dueDate
  if (bill.referencePayment !== undefined) view.reference = bill.referencePayment
  if (bill.billClaimStatus !== undefined) view.claimStatus = bill.billClaimStatus
  if (bill.billingSystem !== undefined) view.billingSystem = bill.billingSystem
  const state = ctx.outboxStateOf(bill.billNo)
  if (state !== undefined) view.outboxState = state
  return view
}

function toContractView(item: ContractsItem, ctx: BillContext): ContractView {
  const view: ContractView = {
    contractId: item.contractId,
    bills: (item.billsCollection ?? []).map((bill) => toBillView(bill, item.contractId, ctx))
  }
  if (item.localAddress?.address !== undefined) view.address = item.localAddress.address
  const characteristics = item.contractCharacteristics?.[0]
  if (characteristics?.cycle !== undefined) view.cycle = characteristics.cycle
  if (characteristics?.deliveryMethod !== undefined) {
    view.deliveryMethod = characteristics.deliveryMethod
  }
  return view
}

function organizationName(organization: Record<string, unknown>, fallback: string): string {
  for (const key of ['name', 'tradeName', 'businessName', 'legalName']) {
    const value = organization[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return fallback
}

export interface CustomerFacts {
  /** Null while the cashier has not confirmed it (a customer found by contract or barcode). */
  idType: IdType | null
  identification: string
  suggestedIdType?: IdType
  source: Source
  fetchedAt: number
  page: PageView
}

export function toCustomerView(
  details: ContractsDetails,
  facts: CustomerFacts,
  ctx: BillContext
): CustomerView {
  return {
    source: facts.source,
    fetchedAt: iso(facts.fetchedAt),
    idType: facts.idType,
    ...(facts.suggestedIdType ? { suggestedIdType: facts.suggestedIdType } : {}),
    identification: facts.identification,
    name: organizationName(details.organization, facts.identification),
    organization: details.organization,
    contracts: details.contractsCollection.map((item) => toContractView(item, ctx)),
    page: facts.page
  }
}

function toPaymentView(record: PaymentRecord): PaymentView {
  return {
    id: record.id,
    receiptNo: record.receiptNo,
    terminalId: record.terminalId,
    cashier: { id: record.cashier.id, name: record.cashier.name },
    customer: { ...record.customer },
    method: record.method,
    total: record.total,
    tendered: record.tendered,
    change: record.change,
    methodReference: record.methodReference ? { ...record.methodReference } : null,
    source: record.source,
    externalRef: record.externalRef,
    approvedBy: record.approvedBy ? { ...record.approvedBy } : null,
    createdAt: record.createdAt,
    supervisorFlaggedAt: record.supervisorFlaggedAt
  }
}

/** The store keeps a receipt's bill lines in their screen shape already: a copy, not a mapping. */
function toReceiptBillView(bill: ReceiptBill): ReceiptBillView {
  return { ...bill }
}

export function toReceiptView(receipt: StoredReceipt): PaymentReceipt {
  return {
    ...toPaymentView(receipt),
    bills: receipt.bills.map(toReceiptBillView),
    pending: receipt.pending
  }
}

function toOutboxItemView(item: OutboxItem, flagged: boolean): OutboxItemView {
  return {
    itemId: item.id,
    billNo: item.billNo,
    contractId: item.contractId,
    reference: item.reference,
    amount: item.amount,
    dueDate: item.dueDate,
    state: item.state,
    attempts: item.attempts,
    lastError: item.lastError,
    rejectedReason: item.rejectedReason,
    nextAttemptAt: item.state === 'queued' ? iso(item.nextAttemptAt) : null,
    registeredAt: item.registeredAt === null ? null : iso(item.registeredAt),
    flagged,
    ...(item.unverified ? { unverified: true as const } : {})
  }
}

export function toOutboxPaymentView(payment: OutboxPayment): OutboxPaymentView {
  const flagged = payment.supervisorFlaggedAt !== null
  return {
    ...toPaymentView(payment),
    items: payment.items.map((item) => toOutboxItemView(item, flagged))
  }
}

export function toAttemptView(attempt: OutboxAttempt): AttemptView {
  const view: AttemptView = {
    at: iso(attempt.at),
    outcome: attempt.outcome,
    detail: attempt.detail ?? ''
  }
  if (attempt.httpStatus !== null) view.httpStatus = attempt.httpStatus
  return view
}
