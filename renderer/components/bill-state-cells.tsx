/**
 * A bill line's state and amount, the closing pair of columns of every list of paid bills (the
 * receipt, the shift's unsettled bills), so they read alike wherever a bill is shown.
 */
import { useT } from '@renderer/i18n/use-t'
import { Money } from './money'
import { StateChip, type ChipState } from './state-chip'
import type { Column } from './table-head'

export function useStateAndAmountColumns(): Column[] {
  const t = useT()
  return [{ label: t('ui.bills.state') }, { label: t('ui.bills.amount'), amount: true }]
}

export function StateAndAmountCells({ state, amount }: { state: ChipState; amount: number }) {
  return (
    <>
      <td>
        <StateChip state={state} />
      </td>
      <td className="col-amount">
        <Money value={amount} />
      </td>
    </>
  )
}
