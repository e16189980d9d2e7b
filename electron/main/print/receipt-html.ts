/**
 * The customer's receipt as a complete HTML document sized for the thermal roll. Whether Tigo has
 * confirmed the payment is printed big: a receipt from an offline payment must never look final.
 */
import QRCode from 'qrcode'

import { formatCop } from '@shared/domain/money'
import { formatNit } from '@shared/domain/nit'
import {
  formatReceiptCode,
  formatReceiptNumber,
  formatSequence
} from '@shared/domain/receipt-number'
import { REFERENCE_FIELDS, referenceText } from '@shared/domain/payment-reference'
import type { Language } from '@shared/i18n'
import { translate } from '@shared/i18n'
import type { StoredReceipt } from '@main/store/types'
import type { PaperWidth } from './page'
import { formatDateTime, htmlDocument, line, row, RULE } from './page'

export interface BusinessInfo {
  name: string
  nit: string
  address: string
}

export interface ReceiptOptions {
  paperWidth: PaperWidth
  language: Language
  business: BusinessInfo
  /** Set when this is a reprint: the receipt says COPIA and when it was reprinted (ISO). */
  copy?: { reprintedAt: string }
  /** Epoch ms of printing. */
  now: number
}

export type ReceiptStatus = 'registered' | 'pending' | 'rejected'

export function receiptStatus(receipt: Pick<StoredReceipt, 'bills'>): ReceiptStatus {
  if (receipt.bills.some((bill) => bill.state === 'rejected')) return 'rejected'
  return receipt.bills.every((bill) => bill.state === 'registered') ? 'registered' : 'pending'
}

/** `000123`: receipt numbers are per terminal, zero-padded so they sort and read alike. */
export function formatReceiptNo(receiptNo: number): string {
  return formatSequence(receiptNo)
}

function identificationText(idType: string, identification: string): string {
  if (idType !== 'NIT' || !/^\d+$/.test(identification)) return identification
  try {
    return formatNit(identification)
  } catch {
    return identification
  }
}

/** Text as an inline SVG QR code (the receipt's code: one scan in Caja opens the payment). */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' })
  // qrcode emits an XML prolog-free <svg>; strip width/height so CSS sizes it.
  return svg.replace(/\s(width|height)="[^"]*"/g, '')
}

export async function renderReceiptHtml(
  receipt: StoredReceipt,
  opts: ReceiptOptions
): Promise<string> {
  const lang = opts.language
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(lang, `receipt.${key}`, params)
  const money = (pesos: number) => formatCop(pesos, lang)
  const status = receiptStatus(receipt)
  const contracts = [...new Set(receipt.bills.map((bill) => bill.contractId))]
  const idTypeLabel = translate(lang, `idType.${receipt.customer.idType}`)

  const parts: string[] = []
  parts.push(line(opts.business.name, 'center big'))
  if (opts.business.nit) parts.push(line(`${t('nit')} ${opts.business.nit}`, 'center'))
  if (opts.business.address) parts.push(line(opts.business.address, 'center'))
  parts.push(line(t('terminal', { terminal: receipt.terminalId }), 'center'))
  parts.push(RULE)
  parts.push(line(t('title'), 'center strong'))
  if (opts.copy) {
    parts.push(line(t('copy'), 'box'))
    parts.push(
      line(t('reprintedAt', { at: formatDateTime(opts.copy.reprintedAt, lang) }), 'center')
    )
  }
  parts.push(row(t('number'), formatReceiptNumber(receipt.terminalId, receipt.receiptNo), 'strong'))
  parts.push(row(t('date'), formatDateTime(receipt.createdAt, lang)))
  parts.push(row(t('cashier'), receipt.cashier.name))
  parts.push(RULE)
  if (receipt.customer.name) parts.push(row(t('customer'), receipt.customer.name))
  parts.push(
    row(idTypeLabel, identificationText(receipt.customer.idType, receipt.customer.identification))
  )
  parts.push(row(contracts.length > 1 ? t('contracts') : t('contract'), contracts.join(', ')))
  parts.push(RULE)
  parts.push(row(t('bill'), t('amount'), 'strong'))
  for (const bill of receipt.bills) {
    parts.push(row(bill.billNo, money(bill.amount)))
    if (bill.reference) parts.push(line(`${t('reference')} ${bill.reference}`, 'small wrap'))
    if (bill.state === 'rejected') parts.push(line(t('billRejected'), 'small strong'))
    // Read offline from its barcode alone: the customer knows Tigo still has to check it.
    else if (bill.unverified) parts.push(line(t('unverified'), 'small strong'))
  }
  parts.push(RULE)
  parts.push(row(t('total'), money(receipt.total), 'total'))
  parts.push(row(t('method'), translate(lang, `receipt.method.${receipt.method}`)))
  for (const field of REFERENCE_FIELDS) {
    const value = receipt.methodReference?.[field]
    if (value) parts.push(row(translate(lang, `reference.${field}`), referenceText(field, value)))
  }
  if (receipt.tendered !== null) parts.push(row(t('tendered'), money(receipt.tendered)))
  if (receipt.change !== null) parts.push(row(t('change'), money(receipt.change)))
  if (receipt.source === 'batch') parts.push(line(t('batchSource'), 'small'))
  if (receipt.externalRef) parts.push(row(t('externalRef'), receipt.externalRef))
  if (receipt.approvedBy) parts.push(row(t('approvedBy'), receipt.approvedBy.name))

  parts.push(line(t(`status.${status}`), 'box'))
  parts.push(line(t(`status.${status}Note`), 'small center'))

  // The receipt's code, not the internal id: a wedge scan of it opens the payment in Caja.
  const code = formatReceiptCode(receipt.terminalId, receipt.receiptNo)
  parts.push(`<div class="qr">${await qrSvg(code)}</div>`)
  parts.push(line(t('printedAt', { at: formatDateTime(opts.now, lang) }), 'small center'))
  parts.push(line(t('thanks'), 'center'))

  return htmlDocument({
    title: `${t('title')} ${formatReceiptNumber(receipt.terminalId, receipt.receiptNo)}`,
    language: lang,
    paperWidth: opts.paperWidth,
    body: parts.join('\n')
  })
}
