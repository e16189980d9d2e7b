/**
 * Receipts and closing reports on paper or PDF (`receipts:*`). A reprint says COPIA with its time
 * and is audited, whether or not the printer then managed to print it.
 */
import { AppError } from '@shared/errors'
import type { PrintResultView } from '@shared/ipc/channels/receipts'
import { receiptChannels } from '@shared/ipc/channels/receipts'
import { renderClosingReportHtml } from './closing-html'
import type { Printer, PrintJob } from './printer'
import type { BusinessInfo } from './receipt-html'
import { renderReceiptHtml } from './receipt-html'
import type { ShiftService } from '@main/shifts/shift-service'
import type { AuditLog } from '@main/audit/audit-log'
import type { PaymentService } from '@main/payments/payment-service'
import type { Clock, StoredReceipt, Person } from '@main/store/types'
import type { SettingsStore } from '@main/settings/settings-store'
import type { ChannelHandlers } from '@main/ipc'
import type { ShiftAccess } from '@main/shifts/shift-access'

export type ReceiptChannels = typeof receiptChannels

export interface ReceiptHandlerDeps {
  payments: Pick<PaymentService, 'getPayment'>
  shifts: Pick<ShiftService, 'report'>
  printer: Printer
  audit: Pick<AuditLog, 'record'>
  settings: Pick<SettingsStore, 'get'>
  clock: Clock
  /** Who is at the till. */
  cashier: () => Person
  /** The business printed in the header (name, NIT, address). */
  business: () => BusinessInfo
  /** A cashier prints their own shift's closing only; left out, anyone may. */
  shiftAccess?: Pick<ShiftAccess, 'check'>
}

export function receiptHandlers(deps: ReceiptHandlerDeps): ChannelHandlers<ReceiptChannels> {
  function payment(paymentId: string): StoredReceipt {
    const receipt = deps.payments.getPayment(paymentId)
    if (!receipt) throw new AppError('payment_not_found', { paymentId })
    return receipt
  }

  function receiptJob(receipt: StoredReceipt, reprint: boolean): Promise<PrintJob> {
    const stored = deps.settings.get()
    const now = deps.clock()
    return renderReceiptHtml(receipt, {
      paperWidth: stored.paperWidth,
      language: stored.language,
      business: deps.business(),
      now,
      ...(reprint ? { copy: { reprintedAt: new Date(now).toISOString() } } : {})
    }).then((html) => ({
      html,
      paperWidth: stored.paperWidth,
      kind: reprint ? 'copy' : 'receipt',
      number: receipt.receiptNo
    }))
  }

  async function output(
    job: PrintJob,
    pdf: boolean,
    audit: { action: string; details: Record<string, unknown> } | null
  ): Promise<PrintResultView> {
    let outcome = 'failed'
    try {
      const result = pdf ? await deps.printer.savePdf(job) : await deps.printer.print(job)
      outcome = result.cancelled ? 'cancelled' : result.file ? 'pdf' : 'printed'
      return result
    } finally {
      if (audit) deps.audit.record(deps.cashier().id, audit.action, { ...audit.details, outcome })
    }
  }

  async function printReceipt(paymentId: string, reprint: boolean, pdf: boolean) {
    const receipt = payment(paymentId)
    const job = await receiptJob(receipt, reprint)
    const audit = reprint
      ? {
          action: 'receipt.reprinted',
          details: { paymentId, receiptNo: receipt.receiptNo, terminalId: receipt.terminalId }
        }
      : null
    return output(job, pdf, audit)
  }

  return {
    'receipts:preview': async (input) => ({
      html: (await receiptJob(payment(input.paymentId), input.reprint)).html
    }),

    'receipts:print': (input) => printReceipt(input.paymentId, input.reprint, false),

    'receipts:savePdf': (input) => printReceipt(input.paymentId, input.reprint, true),

    'receipts:printClosing': (input) => {
      const report = deps.shifts.report(input.shiftId)
      if (!report) throw new AppError('shift_not_closed', { shiftId: input.shiftId })
      deps.shiftAccess?.check('receipts:printClosing', report.shift.cashier.id)
      const stored = deps.settings.get()
      const html = renderClosingReportHtml(report, {
        paperWidth: stored.paperWidth,
        language: stored.language,
        business: deps.business(),
        now: deps.clock()
      })
      return output(
        { html, paperWidth: stored.paperWidth, kind: 'closing', number: input.shiftId },
        input.pdf,
        { action: 'shift.report_printed', details: { shiftId: input.shiftId } }
      )
    }
  }
}

export const RECEIPT_CHANNEL_NAMES = Object.keys(receiptChannels) as (keyof ReceiptChannels)[]
