/**
 * One table of per-method closing lines, shared by the review before confirming a closing and the
 * stored report after it, so both read the same columns in the same order.
 */
import type { PaymentMethod } from '@shared/ipc/views'
import { useT } from '@renderer/i18n/use-t'
import { Difference } from './difference'
import { Money } from './money'
import { TableHead, type Column } from './table-head'

/** The header; `withTaken` adds the pesos taken column (the report has it, the review not). */
export function ClosingLinesHead({ withTaken }: { withTaken: boolean }) {
  const t = useT()
  const columns: Column[] = [
    { label: t('ui.pay.method') },
    { label: t('ui.shift.payments'), amount: true },
    ...(withTaken ? [{ label: t('ui.shift.taken'), amount: true }] : []),
    { label: t('ui.shift.expected'), amount: true },
    { label: t('ui.shift.counted'), amount: true },
    { label: t('ui.shift.difference') }
  ]
  return <TableHead columns={columns} />
}

/** The drawer's line is named apart: it holds the float and cash moves besides payments. */
export function useMethodLineName(): (method: PaymentMethod) => string {
  const t = useT()
  return (method) =>
    method === 'cash'
      ? t('ui.closing.cashLine')
      : t('ui.closing.methodLine', { method: t(`ui.method.${method}`) })
}

/** What the method should hold, what was counted (a dash when not counted) and the difference. */
export function CountCells(props: {
  expected: number
  counted: number | null
  difference: number | null
}) {
  return (
    <>
      <td className="col-amount">
        <Money value={props.expected} />
      </td>
      <td className="col-amount">
        {props.counted === null ? '—' : <Money value={props.counted} />}
      </td>
      <td>
        <Difference value={props.difference} />
      </td>
    </>
  )
}
