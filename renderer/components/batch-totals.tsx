/** What a preview found: rows, valid and not, the amount to import and why rows fail. */
import type { BatchReason, BatchTotals } from '@shared/ipc/channels/batch'
import { useT } from '@renderer/i18n/use-t'
import { Money } from './money'

export function BatchTotalsView({ totals }: { totals: BatchTotals }) {
  const t = useT()
  const reasons = Object.entries(totals.byReason) as [BatchReason, number][]
  return (
    <div className="batch-totals" data-testid="batch-totals">
      <dl className="facts">
        <dt>{t('ui.batch.rows')}</dt>
        <dd data-testid="batch-total-rows">{totals.rows}</dd>
        <dt>{t('ui.batch.validRows')}</dt>
        <dd data-testid="batch-total-valid">{totals.valid}</dd>
        <dt>{t('ui.batch.invalidRows')}</dt>
        <dd data-testid="batch-total-invalid">{totals.invalid}</dd>
        <dt>{t('ui.batch.validAmount')}</dt>
        <dd data-testid="batch-total-amount">
          <Money value={totals.validAmount} />
        </dd>
        <dt>{t('ui.batch.pendingNow')}</dt>
        <dd>
          <Money value={totals.pendingAmount} /> / <Money value={totals.pendingCap} />
        </dd>
      </dl>
      {reasons.length > 0 ? (
        <ul className="batch-reasons">
          {reasons.map(([reason, count]) => (
            <li key={reason}>
              {t(`ui.batch.reasonName.${reason}`)}: <strong>{count}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {totals.overPendingCap ? (
        <p className="warning" role="alert">
          {t('ui.batch.overPendingCap')}
        </p>
      ) : null}
    </div>
  )
}
