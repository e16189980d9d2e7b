/** Bills of the shift Tigo has not confirmed: the closing goes on, but the cashier is told. */
import type { UnsettledItemView } from '@shared/ipc/channels/shifts'
import { useT } from '@renderer/i18n/use-t'
import { Money } from './money'
import { StateChip } from './state-chip'

export function UnsettledList({ items }: { items: readonly UnsettledItemView[] }) {
  const t = useT()
  if (items.length === 0) {
    return <p className="muted">{t('ui.shift.allSettled')}</p>
  }
  return (
    <div className="unsettled" data-testid="unsettled">
      <p className="warning" role="alert">
        {t('ui.shift.unsettledWarning', { count: items.length })}
      </p>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.shift.receiptNo')}</th>
            <th scope="col">{t('ui.bills.billNo')}</th>
            <th scope="col">{t('ui.bills.state')}</th>
            <th scope="col" className="col-amount">
              {t('ui.bills.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.paymentId}/${item.billNo}`}>
              <td className="mono">{item.receiptNo}</td>
              <td className="mono">{item.billNo}</td>
              <td>
                <StateChip state={item.state} />
              </td>
              <td className="col-amount">
                <Money value={item.amount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
