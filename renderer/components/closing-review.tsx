/**
 * After the blind count: what each method should hold against what was counted. The cash line is
 * the drawer (float + cash payments + cash in − cash out); every other line is that method's
 * total. Batch imports are shown apart: that money never passed through this drawer.
 */
import type { ImportedPaymentsView, ShiftSummaryView } from '@shared/ipc/channels/shifts'
import type { CountCheck } from '@renderer/lib/closing-count'
import { useT } from '@renderer/i18n/use-t'
import { ClosingLinesHead, CountCells, useMethodLineName } from './closing-lines'
import { Money } from './money'

export function ClosingReview({
  summary,
  checks
}: {
  summary: ShiftSummaryView
  checks: readonly CountCheck[]
}) {
  const t = useT()
  const lineName = useMethodLineName()
  const cash = summary.lines.find((line) => line.method === 'cash')
  return (
    <>
      <table className="data-table closing-table">
        <ClosingLinesHead withTaken={false} />
        <tbody>
          {checks.map((check) => {
            const line = summary.lines.find((l) => l.method === check.method)
            return (
              <tr key={check.method} data-testid={`closing-line-${check.method}`}>
                <th scope="row">
                  {lineName(check.method)}
                  <span className="field-hint">
                    {check.method === 'cash'
                      ? t('ui.closing.cashLineHint')
                      : t('ui.closing.methodLineHint')}
                  </span>
                </th>
                <td className="col-amount">{line?.payments ?? 0}</td>
                <CountCells {...check} />
              </tr>
            )
          })}
        </tbody>
      </table>
      {cash ? (
        <p className="muted" data-testid="cash-expected-breakdown">
          {t('ui.closing.cashBreakdown')} <Money value={summary.shift.openingFloat} /> +{' '}
          <Money value={cash.taken} /> + <Money value={summary.cashIn} /> −{' '}
          <Money value={summary.cashOut} /> ={' '}
          <strong>
            <Money value={cash.expected} />
          </strong>
        </p>
      ) : null}
      <ImportedPayments imported={summary.imported} />
    </>
  )
}

/** Payments of batch imports confirmed during the shift, per method: never in the drawer. */
export function ImportedPayments({ imported }: { imported: ImportedPaymentsView | undefined }) {
  const t = useT()
  if (!imported || imported.payments === 0) return null
  return (
    <section className="imported-payments" data-testid="imported-payments">
      <h3>{t('ui.closing.imported')}</h3>
      <p className="muted">{t('ui.closing.importedIntro')}</p>
      <ul>
        {imported.lines.map((line) => (
          <li key={line.method}>
            {t(`ui.method.${line.method}`)}: {line.payments} · <Money value={line.taken} />
          </li>
        ))}
      </ul>
    </section>
  )
}
