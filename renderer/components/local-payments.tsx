/**
 * Payments this terminal took for the open contract's bills, so a customer who comes back for a
 * copy gets one: each with its receipt number and a reprint marked COPIA.
 */
import { formatReceiptNumber } from '@shared/domain/receipt-number'
import { useEffect, useMemo, useState } from 'react'
import type { BillView, OutboxPaymentView } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { formatMoment } from '@renderer/lib/format'
import { whileCurrent } from '@renderer/lib/while-current'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { ErrorMessage } from './error-message'
import { Money } from './money'
import { ReceiptPrintActions } from './receipt-print-actions'

export function LocalPayments({ bills }: { bills: readonly BillView[] }) {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const [payments, setPayments] = useState<OutboxPaymentView[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const taken = useMemo(() => bills.filter((bill) => bill.outboxState !== undefined), [bills])
  const wanted = useMemo(
    () => new Set(taken.map((bill) => `${bill.contractId}/${bill.billNo}`)),
    [taken]
  )

  useEffect(() => {
    if (wanted.size === 0) return
    return whileCurrent(
      api.invoke('outbox:list', {}),
      (all) =>
        setPayments(
          all.filter((payment) =>
            payment.items.some((item) => wanted.has(`${item.contractId}/${item.billNo}`))
          )
        ),
      (error) => setFailure(describe(error))
    )
  }, [wanted, describe])

  if (wanted.size === 0) return null
  return (
    <section className="panel local-payments" aria-label={t('ui.reprint.title')}>
      <h3>{t('ui.reprint.title')}</h3>
      <ErrorMessage text={failure} />
      {payments?.map((payment) => (
        <div key={payment.id} className="local-payment" data-testid="local-payment">
          <p>
            <strong className="mono">
              {t('ui.receipt.number', {
                receiptNo: formatReceiptNumber(payment.terminalId, payment.receiptNo)
              })}
            </strong>{' '}
            · {formatMoment(payment.createdAt, language)} · <Money value={payment.total} /> ·{' '}
            {t('ui.reprint.bills', {
              bills: payment.items.map((item) => item.billNo).join(', ')
            })}
          </p>
          <ReceiptPrintActions paymentId={payment.id} reprint />
        </div>
      ))}
    </section>
  )
}
