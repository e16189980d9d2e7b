/**
 * Taking a payment: validate everything first, then write the payment, its receipt number and one
 * outbox item per bill in ONE transaction (synchronous=FULL), and only then return the receipt.
 *
 * No partial payments: each bill is paid for exactly its amount. The register endpoint confirms a
 * bill as a whole, so a partial amount could not be told apart from a full one afterwards.
 */
import { randomUUID } from 'node:crypto'

import { REFERENCE_DIGITS, unpaddedReference } from '@shared/domain/bill-barcode'
import { formatCop } from '@shared/domain/money'
import { hasReference } from '@shared/domain/payment-reference'
import { AppError } from '@shared/errors'
import type { AuditLog } from '@main/audit/audit-log'
import type { LookupCache } from '@main/lookups/cache'
import { UNCONFIRMED_ID_TYPE } from '@main/lookups/cache'
import type { Database } from '@main/store/db'
import { isUniqueViolation, writeTransaction } from '@main/store/db'
import type { NewOutboxItem, Outbox } from '@main/outbox/outbox'
import { createPaymentSearch, type PaymentSearchResult } from './payment-search'
import type { ItemRow, PaymentRow } from '@main/store/rows'
import { toPaymentRecord, toReceiptBill } from '@main/store/rows'
import type {
  Clock,
  OutboxItem,
  PaymentCaps,
  StoredReceipt,
  RegisterPaymentInput
} from '@main/store/types'
import { PAYMENT_METHODS } from '@main/store/types'

export interface PaymentService {
  registerPayment(input: RegisterPaymentInput): StoredReceipt
  getPayment(id: string): StoredReceipt | undefined
  /** Past payments by receipt number or QR code, NIT or cédula, or bill number (newest first). */
  searchPayments(query: string): PaymentSearchResult
}

export interface PaymentServiceDeps {
  db: Database
  clock: Clock
  outbox: Outbox
  cache: LookupCache
  /** Called inside the payment's transaction: the audit line commits with the payment. */
  audit: AuditLog
  settings: () => PaymentCaps
  isOnline: () => boolean
}

function invalid(detail: string): AppError {
  return new AppError('invalid_input', { detail }, `Datos inválidos: ${detail}`)
}

function isWholePesos(value: number): boolean {
  return Number.isSafeInteger(value)
}

/** Checks that need no database: shape, amounts, duplicates. */
function checkShape(input: RegisterPaymentInput): void {
  if (!input.terminalId?.trim()) throw invalid('terminalId')
  if (!input.cashier?.id?.trim() || !input.cashier.name?.trim()) throw invalid('cashier')
  if (!input.idType?.trim() || !input.identification?.trim()) throw invalid('identification')
  if (!(PAYMENT_METHODS as readonly string[]).includes(input.method)) {
    throw new AppError('payment_method_invalid', { method: String(input.method) })
  }
  if (input.source !== undefined && input.source !== 'counter' && input.source !== 'batch') {
    throw invalid('source')
  }
  if (!Array.isArray(input.bills) || input.bills.length === 0) {
    throw new AppError('payment_no_bills', {}, 'El pago no tiene facturas')
  }
  const seen = new Set<string>()
  for (const bill of input.bills) {
    if (!bill.billNo?.trim() || !bill.contractId?.trim()) throw invalid('billNo')
    if (!isWholePesos(bill.amount)) {
      throw new AppError('amount_invalid', { value: String(bill.amount) })
    }
    if (bill.amount <= 0) {
      throw new AppError('amount_not_positive', { billNo: bill.billNo })
    }
    if (seen.has(bill.billNo)) {
      throw new AppError(
        'bill_duplicate',
        { billNo: bill.billNo },
        `Factura repetida: ${bill.billNo}`
      )
    }
    seen.add(bill.billNo)
  }
  if (input.tendered !== undefined && (!isWholePesos(input.tendered) || input.tendered < 0)) {
    throw new AppError('amount_invalid', { value: String(input.tendered) })
  }
}

export function createPaymentService(deps: PaymentServiceDeps): PaymentService {
  const { db, clock, outbox, cache, audit, settings, isOnline } = deps
  const sql = {
    payment: db.prepare('SELECT * FROM payments WHERE id = ?'),
    itemsOf: db.prepare('SELECT * FROM outbox_items WHERE payment_id = ? ORDER BY id'),
    nextReceiptNo: db.prepare(
      `INSERT INTO receipt_sequences (terminal_id, last_no) VALUES (?, 1)
       ON CONFLICT (terminal_id) DO UPDATE SET last_no = last_no + 1 RETURNING last_no`
    ),
    insertPayment: db.prepare(
      `INSERT INTO payments (id, receipt_no, terminal_id, cashier_id, cashier_name, id_type,
         identification, customer_name, method, total, tendered, change_due, client_info,
         method_reference, source, external_ref, approved_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
  }

  function getPayment(id: string): StoredReceipt | undefined {
    const row = sql.payment.get(id) as PaymentRow | undefined
    if (!row) return undefined
    const items = sql.itemsOf.all(id) as ItemRow[]
    const bills = items.map(toReceiptBill)
    return {
      ...toPaymentRecord(row),
      bills,
      pending: bills.some((bill) => bill.state !== 'registered')
    }
  }

  /** Cache and outbox checks; runs inside the write transaction so nothing changes under it. */
  function checkBills(input: RegisterPaymentInput): NewOutboxItem[] {
    const idType = input.idType.trim()
    const identification = input.identification.trim()
    return input.bills.map((bill) => {
      if (bill.unverified) return unverifiedBill(bill, bill.unverified.dueDate)
      const cached = cache.billByNo(bill.billNo)
      if (!cached || cached.contractId !== bill.contractId) {
        throw new AppError('bill_unknown', { billNo: bill.billNo, contractId: bill.contractId })
      }
      if (cached.idType === UNCONFIRMED_ID_TYPE) {
        throw new AppError('id_type_unconfirmed', { billNo: bill.billNo })
      }
      if (cached.idType !== idType || cached.identification !== identification) {
        throw new AppError('bill_not_customer', { billNo: bill.billNo, identification })
      }
      if (cached.amount !== bill.amount) {
        throw new AppError('amount_mismatch', {
          billNo: bill.billNo,
          expected: formatCop(cached.amount),
          given: formatCop(bill.amount)
        })
      }
      if (cached.paid) throw new AppError('bill_already_paid', { billNo: bill.billNo })
      // Also under its reference: a bill paid from its barcode alone waits so until it is checked.
      if (outbox.activeItemForBill(bill.billNo) ?? waitingUnder(cached.reference)) {
        throw new AppError('bill_already_queued', { billNo: bill.billNo })
      }
      return {
        billNo: bill.billNo,
        contractId: bill.contractId,
        reference: cached.reference,
        amount: bill.amount,
        dueDate: cached.dueDate
      }
    })
  }

  /** The item waiting under this payment reference, padded or not, if any. */
  function waitingUnder(reference: string | null): OutboxItem | undefined {
    if (!reference) return undefined
    const bare = unpaddedReference(reference)
    for (const form of new Set([reference, bare, bare.padStart(REFERENCE_DIGITS, '0')])) {
      const active = outbox.activeItemForBill(form)
      if (active) return active
    }
    return undefined
  }

  /**
   * A bill read from its barcode alone, offline: nothing here can say whose it is or whether it
   * is paid (the engine asks Tigo before sending); only that it is not already waiting here.
   */
  function unverifiedBill(bill: RegisterPaymentInput['bills'][number], dueDate: string) {
    const cached =
      cache.billByReference(bill.billNo) ?? cache.billByReference(unpaddedReference(bill.billNo))
    if (cached?.paid) throw new AppError('bill_already_paid', { billNo: cached.billNo })
    const active = waitingUnder(bill.billNo) ?? (cached && outbox.activeItemForBill(cached.billNo))
    if (active) throw new AppError('bill_already_queued', { billNo: bill.billNo })
    return {
      billNo: bill.billNo,
      contractId: bill.contractId,
      reference: bill.billNo,
      amount: bill.amount,
      dueDate,
      unverified: true
    }
  }

  /** Which caps the payment is over, each lifted only by the approval given for it. */
  function checkCaps(
    input: RegisterPaymentInput,
    total: number
  ): { offline: boolean; pending: boolean } {
    const caps = settings()
    const approvedFor = input.approvedBy?.id ? (input.approvedFor ?? 'over_offline_cap') : null
    let offline = false
    if (!isOnline() && total > caps.maxPaymentAmount) {
      if (approvedFor === null) {
        throw new AppError('over_offline_cap', {
          total: formatCop(total),
          cap: formatCop(caps.maxPaymentAmount)
        })
      }
      offline = true
    }
    const pending = outbox.waitingAmount()
    if (pending + total > caps.maxPendingTotal) {
      if (approvedFor !== 'over_pending_total') {
        throw new AppError('over_pending_total', {
          pending: formatCop(pending),
          total: formatCop(total),
          cap: formatCop(caps.maxPendingTotal)
        })
      }
      return { offline, pending: true }
    }
    return { offline, pending: false }
  }

  function registerPayment(input: RegisterPaymentInput): StoredReceipt {
    checkShape(input)
    const total = input.bills.reduce((sum, bill) => sum + bill.amount, 0)
    const source = input.source ?? 'counter'
    let tendered: number | null = null
    let change: number | null = null
    if (input.method === 'cash') {
      // A batch import may not know what the customer handed over; the counter always does.
      if (input.tendered !== undefined || source === 'counter') {
        tendered = input.tendered ?? 0
        if (tendered < total) {
          throw new AppError('tendered_insufficient', {
            tendered: formatCop(tendered),
            total: formatCop(total)
          })
        }
        change = tendered - total
      }
    }

    const id = randomUUID()
    try {
      writeTransaction(db, () => {
        const bills = checkBills(input)
        const overridden = checkCaps(input, total)
        const now = clock()
        const createdAt = new Date(now).toISOString()
        const { last_no: receiptNo } = sql.nextReceiptNo.get(input.terminalId) as {
          last_no: number
        }
        sql.insertPayment.run(
          id,
          receiptNo,
          input.terminalId,
          input.cashier.id,
          input.cashier.name,
          input.idType.trim(),
          input.identification.trim(),
          input.customerName?.trim() || null,
          input.method,
          total,
          tendered,
          change,
          input.clientInformation ? JSON.stringify(input.clientInformation) : null,
          hasReference(input.methodReference) ? JSON.stringify(input.methodReference) : null,
          source,
          input.externalRef ?? null,
          input.approvedBy ? JSON.stringify(input.approvedBy) : null,
          createdAt
        )
        outbox.enqueue(id, bills)
        audit.record(input.cashier.id, 'payment.registered', {
          paymentId: id,
          terminalId: input.terminalId,
          receiptNo,
          total,
          method: input.method,
          source,
          bills: bills.map((bill) => bill.billNo)
        })
        // Each cap the supervisor let this payment past is audited under the supervisor's name.
        const overrides = [
          ['offline', 'payment.offline_cap_override', settings().maxPaymentAmount],
          ['pending', 'payment.pending_total_override', settings().maxPendingTotal]
        ] as const
        for (const [cap, action, amount] of overrides) {
          if (!overridden[cap] || !input.approvedBy) continue
          audit.record(input.approvedBy.id, action, {
            paymentId: id,
            receiptNo,
            total,
            cap: amount,
            cashierId: input.cashier.id
          })
        }
      })
    } catch (error) {
      // Another writer took the bill between our check and our insert.
      if (isUniqueViolation(error)) throw new AppError('bill_already_queued', {})
      throw error
    }
    const receipt = getPayment(id)
    if (!receipt) throw new AppError('internal', {}, `payment ${id} vanished after commit`)
    return receipt
  }

  return { registerPayment, getPayment, searchPayments: createPaymentSearch(db, getPayment) }
}
