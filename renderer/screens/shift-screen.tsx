/**
 * The cashier's shift (F7): open it with the float, move cash in and out with a reason, and close
 * it counting each method. The closing report prints like a receipt and exports as CSV.
 */
import { useEffect, useState } from 'react'
import { api } from '@renderer/api'
import { CashMoveForm } from '@renderer/components/cash-move-form'
import { ClosingForm } from '@renderer/components/closing-form'
import { ClosingReportView } from '@renderer/components/closing-report-view'
import { ErrorMessage } from '@renderer/components/error-message'
import { Money } from '@renderer/components/money'
import { ScreenHeader } from '@renderer/components/screen-header'
import { ShiftHistory } from '@renderer/components/shift-history'
import { ShiftOpenForm } from '@renderer/components/shift-open-form'
import { formatMoment } from '@renderer/lib/format'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { useShiftStore } from '@renderer/store/shift-store'
import '@renderer/styles/till.css'

function useShiftData(): { failure: string | null; reload: () => void } {
  const describe = useDescribeError()
  const [failure, setFailure] = useState<string | null>(null)
  const [tick, setTick] = useState(0)
  useEffect(() => {
    useShiftStore
      .getState()
      .refresh()
      .then(() => setFailure(null))
      .catch((error: unknown) => setFailure(describe(error)))
  }, [tick, describe])
  // A payment taken or confirmed changes the expected amounts and the unconfirmed list.
  useEffect(() => api.on('outbox:changed', () => setTick((n) => n + 1)), [])
  return { failure, reload: () => setTick((n) => n + 1) }
}

export function ShiftScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const { loaded, current, summary, report, setReport } = useShiftStore()
  const [historyKey, setHistoryKey] = useState(0)
  const { failure, reload } = useShiftData()

  async function openReport(shiftId: number): Promise<void> {
    try {
      setReport(await api.invoke('shifts:report', { shiftId }))
    } catch (error) {
      announce('error', describe(error))
    }
  }

  return (
    <section className="shift-screen">
      <ScreenHeader title={t('ui.shift.title')} />
      <ErrorMessage text={failure} />
      {!loaded && !failure ? <p className="muted">{t('ui.common.loading')}</p> : null}
      {report ? <ClosingReportView key={report.shift.id} report={report} /> : null}
      {/* Blind count: what the drawer should hold is shown only once it was counted. */}
      {loaded && !current ? (
        <ShiftOpenForm
          onOpened={() => {
            setReport(null)
            reload()
            setHistoryKey((n) => n + 1)
          }}
        />
      ) : null}
      {current && summary ? (
        <>
          <section className="panel shift-summary" data-testid="shift-summary">
            <h2>{t('ui.shift.openShift', { shiftId: current.id })}</h2>
            <dl className="facts">
              <dt>{t('ui.shift.cashier')}</dt>
              <dd>{current.cashier.name}</dd>
              <dt>{t('ui.shift.openedAt')}</dt>
              <dd>{formatMoment(current.openedAt, language)}</dd>
              <dt>{t('ui.shift.openingFloat')}</dt>
              <dd>
                <Money value={current.openingFloat} />
              </dd>
              <dt>{t('ui.shift.paymentsTaken')}</dt>
              <dd data-testid="shift-payments">
                {summary.paymentsCount} · <Money value={summary.paymentsTotal} />
              </dd>
              <dt>{t('ui.shift.cashIn')}</dt>
              <dd>
                <Money value={summary.cashIn} />
              </dd>
              <dt>{t('ui.shift.cashOut')}</dt>
              <dd>
                <Money value={summary.cashOut} />
              </dd>
            </dl>
          </section>
          <CashMoveForm onMoved={reload} />
          <ClosingForm
            key={current.id}
            summary={summary}
            onClosed={(closed) => {
              setReport(closed)
              reload()
              setHistoryKey((n) => n + 1)
            }}
          />
        </>
      ) : null}
      <ShiftHistory refreshKey={historyKey} onOpenReport={(id) => void openReport(id)} />
    </section>
  )
}
