/**
 * Turns due outbox items into `payments/register` requests: one request per customer (and
 * payment method, method reference and terminal, since `paymentData.method`, its reference
 * fields and `paymentData.terminalId` are one value each), at most `batchSize` bills each, a bill
 * at most once per request (the answer is keyed by bill, so a bill twice would be ambiguous).
 */
import type { CheckoutPaymentRequest, RegisterPaymentResponse } from '@shared/api/models'
import type { IdType } from '@shared/domain/identification'
import { parseIdType } from '@shared/domain/identification'
import type { PaymentReference } from '@shared/domain/payment-reference'
import { REFERENCE_FIELDS } from '@shared/domain/payment-reference'
import type { OutboxItem } from '@main/store/types'
import { bankingEntityFor } from './attribution'

export interface RegisterGroup {
  idType: string
  identification: string
  items: OutboxItem[]
}

/** `alone`: items that must go in a request of their own (their group was refused with a 4xx). */
export function groupForRegister(
  items: readonly OutboxItem[],
  batchSize: number,
  alone: ReadonlySet<number> = new Set()
): RegisterGroup[] {
  const size = Math.max(1, Math.trunc(batchSize))
  const open = new Map<string, RegisterGroup & { bills: Set<string> }>()
  const groups: RegisterGroup[] = []
  for (const item of items) {
    if (alone.has(item.id)) {
      groups.push({ idType: item.idType, identification: item.identification, items: [item] })
      continue
    }
    const key = [
      item.idType,
      item.identification,
      item.method,
      item.terminalId,
      referenceKey(item.methodReference)
    ].join('\u0000')
    let group = open.get(key)
    if (!group || group.items.length >= size || group.bills.has(item.billNo)) {
      group = {
        idType: item.idType,
        identification: item.identification,
        items: [],
        bills: new Set()
      }
      open.set(key, group)
      groups.push(group)
    }
    group.items.push(item)
    group.bills.add(item.billNo)
  }
  return groups.map(({ idType, identification, items: groupItems }) => ({
    idType,
    identification,
    items: groupItems
  }))
}

/** The id type the client expects, or undefined when the stored one is not a known type. */
export function groupIdType(group: RegisterGroup): IdType | undefined {
  return parseIdType(group.idType)
}

/** Two card payments with different approval codes are two card transactions: never one request. */
function referenceKey(reference: PaymentReference | null): string {
  if (!reference) return ''
  return REFERENCE_FIELDS.map((field) => reference[field] ?? '').join('\u0001')
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

/**
 * The request body. `paymentData` carries the payments' own receipt numbers and terminal (the
 * terminal that took the money, which may not be the one sending it now).
 */
export function buildRegisterBody(group: RegisterGroup): CheckoutPaymentRequest {
  const items = group.items
  const first = items[0]
  const receiptNumbers = unique(items.map((item) => item.receiptNo))
  // The earliest moment the money changed hands: what Tigo should book as the payment time.
  const paidAt = items.map((item) => item.paymentCreatedAt).sort()[0]
  const body: CheckoutPaymentRequest = {
    intent: 'register',
    billsCollection: items.map((item) => ({
      billNo: item.billNo,
      contractId: item.contractId,
      billAmount: String(item.amount),
      ...(item.reference ? { referencePayment: item.reference } : {})
    })),
    paymentData: {
      method: first?.method,
      // Echoed in the bill's payments list: how a reconcile tells our payment from another's.
      paymentMethod: first?.method,
      bankingEntity: first ? bankingEntityFor(first.terminalId) : undefined,
      localPaymentIds: unique(items.map((item) => item.paymentId)),
      terminalId: first?.terminalId,
      receiptNumbers,
      paidAt,
      // The method's own reference: datáfono approval code and card's last digits, cheque or
      // transfer bank and number. One value per request (see groupForRegister).
      ...referenceData(first?.methodReference ?? null)
    }
  }
  const client = first?.clientInformation
  if (client) body.clientInformation = client
  return body
}

function referenceData(reference: PaymentReference | null): Record<string, string> {
  const data: Record<string, string> = {}
  if (!reference) return data
  for (const field of REFERENCE_FIELDS) {
    const value = reference[field]
    if (value) data[field] = value
  }
  return data
}

/** Tigo's answer for one item: keyed by bill number (or, defensively, by payment reference). */
export function answerFor(
  answer: RegisterPaymentResponse,
  item: Pick<OutboxItem, 'billNo' | 'reference'>
): boolean | undefined {
  const byBill = answer[item.billNo]
  if (byBill !== undefined) return byBill
  return item.reference ? answer[item.reference] : undefined
}
