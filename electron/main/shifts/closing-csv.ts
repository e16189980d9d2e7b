/** The closing as a spreadsheet (one section per block, `;`-separated as es-CO Excel expects). */
import type { Language } from '@shared/i18n'
import { translate } from '@shared/i18n'
import type { ClosingReport } from '@shared/ipc/channels/shifts'
import { csvLine } from '@main/batch/csv'

export function exportClosingCsv(report: ClosingReport, language: Language = 'es'): string {
  const t = (key: string) => translate(language, `closing.csv.${key}`)
  const method = (code: string) => translate(language, `receipt.method.${code}`)
  const { shift } = report
  const rows: (string | number | null)[][] = [
    [t('shift'), shift.id],
    [t('terminal'), shift.terminalId],
    [t('cashier'), shift.cashier.name],
    [t('openedAt'), shift.openedAt],
    [t('closedAt'), shift.closedAt],
    [t('openingFloat'), shift.openingFloat],
    [t('cashIn'), report.cashIn],
    [t('cashOut'), report.cashOut],
    [],
    [t('method'), t('payments'), t('taken'), t('expected'), t('counted'), t('difference')],
    ...report.lines.map((line) => [
      method(line.method),
      line.payments,
      line.taken,
      line.expected,
      line.counted,
      line.difference
    ]),
    [
      t('total'),
      report.totals.payments,
      report.totals.taken,
      report.totals.expected,
      report.totals.counted,
      report.totals.difference
    ],
    [],
    [t('movementAt'), t('movementKind'), t('amount'), t('reason'), t('actor')],
    ...report.movements.map((m) => [m.at, m.kind, m.amount, m.reason, m.actor]),
    [],
    [t('receiptNo'), t('bill'), t('amount'), t('state'), t('paymentId')],
    ...report.unsettled.map((u) => [u.receiptNo, u.billNo, u.amount, u.state, u.paymentId]),
    [],
    [t('notes'), report.notes],
    // Issue 14: why the count differs, who approved it, and batch payments kept apart.
    [t('differenceReason'), report.differenceReason ?? null],
    [t('approvedBy'), report.approvedBy?.name ?? null],
    [],
    [t('imported'), t('payments'), t('taken')],
    ...(report.imported?.lines ?? []).map((line) => [
      method(line.method),
      line.payments,
      line.taken
    ])
  ]
  return rows.map((cells) => csvLine(cells, ';')).join('\r\n') + '\r\n'
}
