/** Bills of the shift Tigo has not confirmed: the closing goes on, but the cashier is told. */
import type { UnsettledItemView } from '@shared/ipc/channels/shifts'
import { useT } from '@renderer/i18n/use-t'
import { TableHead } from './table-head'
import { StateAndAmountCells, useStateAndAmountColumns } from './bill-state-cells'

export function UnsettledList({ items }: { items: readonly UnsettledItemView[] }) {
  const t = useT()
  const stateAndAmount = useStateAndAmountColumns()
  if (items.length === 0) {
    return <p className="muted">{t('ui.shift.allSettled')}</p>
  }
  return (
    <div className="unsettled" data-testid="unsettled">
      <p className="warning" role="alert">
        {t('ui.shift.unsettledWarning', { count: items.length })}
      </p>
      <table className="data-table">
        <TableHead
          columns={[
            { label: t('ui.shift.receiptNo') },
            { label: t('ui.bills.billNo') },
            ...stateAndAmount
          ]}
        />
        <tbody>
          {items.map((item) => (
            <tr key={`${item.paymentId}/${item.billNo}`}>
              <td className="mono">{item.receiptNo}</td>
              <td className="mono">{item.billNo}</td>
              <StateAndAmountCells state={item.state} amount={item.amount} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
