/** A closed shift's report as stored at closing, with print, save as PDF and CSV export. */
import { REFERENCE_FIELDS, referenceText } from '../../shared/domain/payment-reference'
import type { ClosingReport, ReferencedPaymentView } from '../../shared/ipc/channels/shifts'
import { api } from '../api'
import { usePrint } from '../hooks/use-print'
import { downloadText } from '../lib/download'
import { formatMoment } from '../lib/format'
import { useDescribeError, useLanguage, useT } from '../i18n/use-t'
import { useAppStore } from '../store/app-store'
import { ActionButton } from './action-button'
import { Difference } from './difference'
import { Money } from './money'
import { PrintResultLine } from './print-result-line'
import { UnsettledList } from './unsettled-list'

export function ClosingReportView({ report }: { report: ClosingReport }) {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const { busy, result, run } = usePrint()
  const shiftId = report.shift.id

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
        <h2>{t('ui.shift.reportTitle', { shiftId })}</h2>
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
        <thead>
          <tr>
            <th scope="col">{t('ui.pay.method')}</th>
            <th scope="col" className="col-amount">
              {t('ui.shift.payments')}
            </th>
            <th scope="col" className="col-amount">
              {t('ui.shift.taken')}
            </th>
            <th scope="col" className="col-amount">
              {t('ui.shift.expected')}
            </th>
            <th scope="col" className="col-amount">
              {t('ui.shift.counted')}
            </th>
            <th scope="col">{t('ui.shift.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {report.lines.map((line) => (
            <tr key={line.method} data-testid={`report-line-${line.method}`}>
              <th scope="row">{t(`ui.method.${line.method}`)}</th>
              <td className="col-amount">{line.payments}</td>
              <td className="col-amount">
                <Money value={line.taken} />
              </td>
              <td className="col-amount">
                <Money value={line.expected} />
              </td>
              <td className="col-amount">
                {line.counted === null ? '—' : <Money value={line.counted} />}
              </td>
              <td>
                <Difference value={line.difference} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="report-totals">
            <th scope="row">{t('ui.shift.totals')}</th>
            <td className="col-amount">{report.totals.payments}</td>
            <td className="col-amount">
              <Money value={report.totals.taken} />
            </td>
            <td className="col-amount">
              <Money value={report.totals.expected} />
            </td>
            <td className="col-amount">
              <Money value={report.totals.counted} />
            </td>
            <td>
              <Difference value={report.totals.difference} />
            </td>
          </tr>
        </tfoot>
      </table>
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
