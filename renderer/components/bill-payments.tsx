/** How a paid bill was paid (from the API's bill payments). */
import { useEffect, useRef, useState } from 'react'
import type { BillPaymentsView, BillView } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { formatMoment } from '@renderer/lib/format'
import { whileCurrent } from '@renderer/lib/while-current'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { ErrorMessage } from './error-message'
import { SourceNote } from './source-note'
import { TableHead } from './table-head'

export function BillPayments({ bill, onClose }: { bill: BillView; onClose: () => void }) {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const [view, setView] = useState<BillPaymentsView | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const panelRef = useRef<HTMLElement>(null)
  const headingRef = useRef<HTMLHeadingElement>(null)

  // Opened from deep in a long bill list: bring the panel (and the focus) back to the cashier,
  // again once the answer has made it taller.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true })
  }, [])
  useEffect(() => {
    panelRef.current?.scrollIntoView({ block: 'nearest' })
  }, [view, failure])

  useEffect(
    () =>
      whileCurrent(
        api.invoke('bills:payments', { contractId: bill.contractId, billNo: bill.billNo }),
        setView,
        (error) => setFailure(describe(error))
      ),
    [bill.contractId, bill.billNo, describe]
  )

  return (
    <section
      className="panel bill-payments"
      aria-label={t('ui.bills.paymentsOf', { billNo: bill.billNo })}
    >
      <div className="panel-title">
        <h3 ref={headingRef} tabIndex={-1}>
          {t('ui.bills.paymentsOf', { billNo: bill.billNo })}
        </h3>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('ui.common.close')}
        </button>
      </div>
      <ErrorMessage text={failure} />
      {view ? <SourceNote source={view.source} fetchedAt={view.fetchedAt} /> : null}
      {view && view.payments.length === 0 ? (
        <p className="empty">{t('ui.bills.noPayments')}</p>
      ) : null}
      {view && view.payments.length > 0 ? (
        <table className="data-table">
          <TableHead
            columns={[
              { label: t('ui.bills.paymentDay') },
              { label: t('ui.bills.paymentMethod') },
              { label: t('ui.bills.bank') }
            ]}
          />
          <tbody>
            {view.payments.map((payment, index) => (
              <tr key={index}>
                <td>{formatMoment(payment.paymentDay, language)}</td>
                <td>{payment.paymentMethod ?? '—'}</td>
                <td>{payment.bankingEntity ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {!view && !failure ? <p className="muted">{t('ui.common.loading')}</p> : null}
    </section>
  )
}
