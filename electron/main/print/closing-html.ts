/**
 * The printed closing ("cierre de caja"): expected against counted per payment method, the cash
 * movements, and every bill Tigo has not confirmed yet, so the supervisor signing it sees them.
 */
import { formatCop } from '@shared/domain/money'
import type { Language } from '@shared/i18n'
import { translate } from '@shared/i18n'
import type { ClosingReport } from '@shared/ipc/channels/shifts'
import type { BusinessInfo } from './receipt-html'
import type { PaperWidth } from './page'
import { escapeHtml, formatDateTime, htmlDocument, line, row, RULE } from './page'
import { formatReceiptNo } from './receipt-html'
import { REFERENCE_FIELDS, referenceText } from '@shared/domain/payment-reference'

export interface ClosingReportOptions {
  paperWidth: PaperWidth
  language: Language
  business: BusinessInfo
  now: number
  copy?: { reprintedAt: string }
}

function signed(pesos: number, language: Language): string {
  const text = formatCop(Math.abs(pesos), language)
  return pesos > 0 ? `+${text}` : pesos < 0 ? `-${text}` : text
}

export function renderClosingReportHtml(report: ClosingReport, opts: ClosingReportOptions): string {
  const lang = opts.language
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(lang, `closing.${key}`, params)
  const money = (pesos: number) => formatCop(pesos, lang)
  const method = (code: string) => translate(lang, `receipt.method.${code}`)
  const { shift } = report

  const parts: string[] = []
  parts.push(line(opts.business.name, 'center big'))
  if (opts.business.nit)
    parts.push(line(`${translate(lang, 'receipt.nit')} ${opts.business.nit}`, 'center'))
  parts.push(line(t('title'), 'center strong'))
  if (opts.copy) {
    parts.push(line(translate(lang, 'receipt.copy'), 'box'))
    parts.push(
      line(
        translate(lang, 'receipt.reprintedAt', { at: formatDateTime(opts.copy.reprintedAt, lang) }),
        'center'
      )
    )
  }
  parts.push(row(t('shift'), String(shift.id), 'strong'))
  parts.push(row(t('terminal'), shift.terminalId))
  parts.push(row(translate(lang, 'receipt.cashier'), shift.cashier.name))
  parts.push(row(t('openedAt'), formatDateTime(shift.openedAt, lang)))
  if (shift.closedAt) parts.push(row(t('closedAt'), formatDateTime(shift.closedAt, lang)))
  parts.push(RULE)
  parts.push(row(t('openingFloat'), money(shift.openingFloat)))
  parts.push(row(t('cashIn'), money(report.cashIn)))
  parts.push(row(t('cashOut'), money(report.cashOut)))
  for (const movement of report.movements) {
    const sign = movement.kind === 'in' ? '+' : '-'
    parts.push(
      row(
        `${formatDateTime(movement.at, lang).slice(-8)} ${movement.reason}`,
        `${sign}${money(movement.amount)}`,
        'small'
      )
    )
  }
  parts.push(RULE)
  for (const closing of report.lines) {
    // The cash line is the drawer; every other line is that method's total.
    const name = closing.method === 'cash' ? t('cashLine') : method(closing.method)
    parts.push(line(`${name} (${t('payments', { count: closing.payments })})`, 'strong'))
    parts.push(row(t('taken'), money(closing.taken)))
    parts.push(row(t('expected'), money(closing.expected)))
    parts.push(
      row(t('counted'), closing.counted === null ? t('notCounted') : money(closing.counted))
    )
    if (closing.difference !== null) {
      const key = closing.difference > 0 ? 'surplus' : closing.difference < 0 ? 'shortage' : 'even'
      parts.push(row(t(key), signed(closing.difference, lang), 'strong'))
    }
  }
  parts.push(RULE)
  parts.push(row(t('totalPayments'), String(report.totals.payments)))
  parts.push(row(t('totalTaken'), money(report.totals.taken), 'big'))
  // No total "expected" across methods: the drawer and the datáfono are not one sum.
  if (report.differenceReason) {
    parts.push(line(t('differenceReason'), 'strong'))
    parts.push(`<div class="wrap">${escapeHtml(report.differenceReason)}</div>`)
  }
  if (report.approvedBy) parts.push(row(t('approvedBy'), report.approvedBy.name, 'strong'))
  const imported = report.imported
  if (imported && imported.payments > 0) {
    parts.push(RULE)
    parts.push(line(t('imported'), 'strong'))
    for (const entry of imported.lines) {
      parts.push(
        row(
          `${method(entry.method)} (${t('payments', { count: entry.payments })})`,
          money(entry.taken),
          'small'
        )
      )
    }
  }

  if (report.unsettled.length > 0) {
    parts.push(line(t('unsettledTitle', { count: report.unsettled.length }), 'box'))
    for (const item of report.unsettled) {
      parts.push(
        row(
          `${formatReceiptNo(item.receiptNo)} ${item.billNo} ${translate(lang, `closing.state.${item.state}`)}`,
          money(item.amount),
          'small'
        )
      )
    }
  } else {
    parts.push(line(t('allSettled'), 'small center'))
  }
  const referenced = report.referenced ?? []
  if (referenced.length > 0) {
    parts.push(RULE)
    parts.push(line(t('referencesTitle'), 'strong'))
    for (const payment of referenced) {
      parts.push(
        row(
          `${formatReceiptNo(payment.receiptNo)} ${method(payment.method)}`,
          money(payment.amount),
          'small'
        )
      )
      const fields = REFERENCE_FIELDS.flatMap((field) => {
        const value = payment.reference?.[field]
        return value
          ? [`${translate(lang, `reference.${field}`)} ${referenceText(field, value)}`]
          : []
      })
      if (fields.length > 0) parts.push(line(fields.join(' · '), 'small wrap'))
    }
  }
  if (report.notes) {
    parts.push(RULE)
    parts.push(line(t('notes'), 'strong'))
    parts.push(`<div class="wrap">${escapeHtml(report.notes)}</div>`)
  }
  parts.push(line(t('signCashier'), 'sign'))
  parts.push(line(t('signSupervisor'), 'sign'))
  parts.push(
    line(
      translate(lang, 'receipt.printedAt', { at: formatDateTime(opts.now, lang) }),
      'small center'
    )
  )

  return htmlDocument({
    title: `${t('title')} ${shift.id}`,
    language: lang,
    paperWidth: opts.paperWidth,
    body: parts.join('\n')
  })
}
