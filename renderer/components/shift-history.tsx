/** The terminal's past shifts; a closed one opens its stored report. */
import { useEffect, useState } from 'react'
import type { ShiftView } from '@shared/ipc/channels/shifts'
import { api } from '@renderer/api'
import { formatMoment } from '@renderer/lib/format'
import { whileCurrent } from '@renderer/lib/while-current'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { Money } from './money'
import { TableHead } from './table-head'

interface ShiftHistoryProps {
  refreshKey: number
  onOpenReport: (shiftId: number) => void
}

export function ShiftHistory({ refreshKey, onOpenReport }: ShiftHistoryProps) {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const [shifts, setShifts] = useState<ShiftView[] | null>(null)

  useEffect(
    () =>
      whileCurrent(api.invoke('shifts:history', { limit: 30 }), setShifts, (error) =>
        announce('error', describe(error))
      ),
    [refreshKey, announce, describe]
  )

  if (!shifts) return null
  return (
    <section className="panel" aria-label={t('ui.shift.historyTitle')}>
      <h2>{t('ui.shift.historyTitle')}</h2>
      {shifts.length === 0 ? (
        <p className="empty">{t('ui.shift.noHistory')}</p>
      ) : (
        <table className="data-table" data-testid="shift-history">
          <TableHead
            columns={[
              { label: t('ui.shift.shiftNo') },
              { label: t('ui.shift.cashier') },
              { label: t('ui.shift.openedAt') },
              { label: t('ui.shift.closedAt') },
              { label: t('ui.shift.openingFloat'), amount: true },
              { label: t('ui.bills.actions'), hidden: true }
            ]}
          />
          <tbody>
            {shifts.map((shift) => (
              <tr key={shift.id}>
                <td className="mono">{shift.id}</td>
                <td>{shift.cashier.name}</td>
                <td>{formatMoment(shift.openedAt, language)}</td>
                <td>
                  {shift.closedAt
                    ? formatMoment(shift.closedAt, language)
                    : t('ui.shift.stillOpen')}
                </td>
                <td className="col-amount">
                  <Money value={shift.openingFloat} />
                </td>
                <td>
                  {shift.closedAt ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onOpenReport(shift.id)}
                    >
                      {t('ui.shift.viewReport', { shiftId: shift.id })}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
