/**
 * A closed shift's report as stored at closing, with print, save as PDF and CSV export. It takes
 * the focus and scrolls into view when shown, so it stays on screen to print after a closing.
 */
import { useEffect, useRef } from 'react'
import { DENOMINATIONS } from '@shared/ipc/channels/shifts'
import type { ClosingReport } from '@shared/ipc/channels/shifts'
import { formatCop } from '@shared/domain/money'
import { REFERENCE_FIELDS, referenceText } from '@shared/domain/payment-reference'
import type { ReferencedPaymentView } from '@shared/ipc/channels/shifts'
import { api } from '@renderer/api'
import { usePrint } from '@renderer/hooks/use-print'
import { downloadText } from '@renderer/lib/download'
import { formatMoment } from '@renderer/lib/format'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { ActionButton } from './action-button'
import { ImportedPayments } from './closing-review'
import { ClosingLinesHead, CountCells, useMethodLineName } from './closing-lines'
import { Money } from './money'
import { PrintResultLine } from './print-result-line'
import { UnsettledList } from './unsettled-list'

export function ClosingReportView({ report }: { report: ClosingReport }) {
  const t = useT()
  const lineName = useMethodLineName()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const { busy, result, run } = usePrint()
  const formatCopIn = (value: number) => formatCop(value, language)
  const shiftId = report.shift.id
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    const node = heading.current
    if (!node) return
    // Scroll the screen's own area only: scrollIntoView would also push the status bar away.
    const main = node.closest('main')
    if (main) {
      main.scrollTop += node.getBoundingClientRect().top - main.getBoundingClientRect().top - 8
    }
    node.focus({ preventScroll: true })
  }, [shiftId])

  async function exportCsv(): Promise<void> {
    try {
      const file = await api.invoke('shifts:exportCsv', { shiftId })
      downloadText(file.fileName, file.csv)
    } catch (error) {
      announce('error', describe(error))
    }
  }

  return (
    <article className="panel closing-report" data-testid="closing-report">
      <div className="panel-title">
        <h2 ref={heading} tabIndex={-1}>
          {t('ui.shift.reportTitle', { shiftId })}
        </h2>
        <div className="screen-actions">
          <ActionButton
            variant="primary"
            disabled={busy}
            onClick={() => void run(() => api.invoke('receipts:printClosing', { shiftId }))}
          >
            {t('ui.print.print')}
          </ActionButton>
          <ActionButton
            disabled={busy}
            onClick={() =>
              void run(() => api.invoke('receipts:printClosing', { shiftId, pdf: true }))
            }
          >
            {t('ui.print.savePdf')}
          </ActionButton>
          <ActionButton onClick={() => void exportCsv()}>{t('ui.shift.exportCsv')}</ActionButton>
        </div>
      </div>
      <PrintResultLine result={result} />
      <dl className="facts">
        <dt>{t('ui.shift.cashier')}</dt>
        <dd>{report.shift.cashier.name}</dd>
        <dt>{t('ui.shift.openedAt')}</dt>
        <dd>{formatMoment(report.shift.openedAt, language)}</dd>
        <dt>{t('ui.shift.closedAt')}</dt>
        <dd>
          {formatMoment(report.shift.closedAt ?? undefined, language)}
          {report.shift.closedBy ? ` · ${report.shift.closedBy}` : ''}
        </dd>
        <dt>{t('ui.shift.openingFloat')}</dt>
        <dd>
          <Money value={report.shift.openingFloat} />
        </dd>
        <dt>{t('ui.shift.cashIn')}</dt>
        <dd>
          <Money value={report.cashIn} />
        </dd>
        <dt>{t('ui.shift.cashOut')}</dt>
        <dd>
          <Money value={report.cashOut} />
        </dd>
      </dl>
      <table className="data-table">
        <ClosingLinesHead withTaken />
        <tbody>
          {report.lines.map((line) => (
            <tr key={line.method} data-testid={`report-line-${line.method}`}>
              <th scope="row">{lineName(line.method)}</th>
              <td className="col-amount">{line.payments}</td>
              <td className="col-amount">
                <Money value={line.taken} />
              </td>
              <CountCells {...line} />
            </tr>
          ))}
        </tbody>
        <tfoot>
          {/* Payments and pesos taken add up across methods; what each should hold does not. */}
          <tr data-testid="report-totals">
            <th scope="row">{t('ui.closing.totalTaken')}</th>
            <td className="col-amount">{report.totals.payments}</td>
            <td className="col-amount">
              <Money value={report.totals.taken} />
            </td>
            <td colSpan={3} />
          </tr>
        </tfoot>
      </table>
      {report.differenceReason ? (
        <p data-testid="report-reason">
          <strong>{t('ui.closing.reason')}:</strong> {report.differenceReason}
        </p>
      ) : null}
      {report.approvedBy ? (
        <p data-testid="report-approved">
          {t('ui.closing.approvedBy', { name: report.approvedBy.name })}
        </p>
      ) : null}
      {report.cashCount ? (
        <details className="drawer-count" data-testid="report-drawer-count">
          <summary>{t('ui.closing.drawerCount')}</summary>
          <ul>
            {DENOMINATIONS.filter((d) => (report.cashCount?.[d.key] ?? 0) > 0).map((d) => (
              <li key={d.key}>
                {d.kind === 'bill'
                  ? t('ui.closing.billOf', { value: formatCopIn(d.value) })
                  : t('ui.closing.coinOf', { value: formatCopIn(d.value) })}
                : {report.cashCount?.[d.key]} ·{' '}
                <Money value={(report.cashCount?.[d.key] ?? 0) * d.value} />
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      <ImportedPayments imported={report.imported} />
      {report.movements.length > 0 ? (
        <>
          <h3>{t('ui.shift.movements')}</h3>
          <ul className="movements">
            {report.movements.map((movement) => (
              <li key={movement.id}>
                {formatMoment(movement.at, language)} · {t(`ui.shift.kind.${movement.kind}`)}{' '}
                <Money value={movement.amount} /> · {movement.reason} · {movement.actor}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <UnsettledList items={report.unsettled} />
      <ReferencedList payments={report.referenced ?? []} />
      {report.notes ? (
        <p>
          <strong>{t('ui.shift.notes')}:</strong> {report.notes}
        </p>
      ) : null}
    </article>
  )
}

/** Card, cheque and transfer payments with their references, to match against slips and cheques. */
function ReferencedList({ payments }: { payments: readonly ReferencedPaymentView[] }) {
  const t = useT()
  if (payments.length === 0) return null
  return (
    <>
      <h3>{t('closing.referencesTitle')}</h3>
      <ul className="movements" data-testid="report-references">
        {payments.map((payment) => (
          <li key={payment.paymentId}>
            {t('ui.shift.receiptNo')} {payment.receiptNo} · {t(`ui.method.${payment.method}`)}{' '}
            <Money value={payment.amount} />
            {REFERENCE_FIELDS.flatMap((field) => {
              const value = payment.reference?.[field]
              return value ? [` · ${t(`reference.${field}`)} ${referenceText(field, value)}`] : []
            })}
          </li>
        ))}
      </ul>
    </>
  )
}
