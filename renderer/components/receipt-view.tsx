/** The receipt as it will print: pending ones say so in capitals until Tigo confirms them. */
import { formatReceiptNumber } from '@shared/domain/receipt-number'
import { Fragment } from 'react'
import { REFERENCE_FIELDS, referenceText } from '@shared/domain/payment-reference'
import type { PaymentReceipt } from '@shared/ipc/views'
import { formatMoment } from '@renderer/lib/format'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { Money } from './money'
import { TableHead } from './table-head'
import { StateAndAmountCells, useStateAndAmountColumns } from './bill-state-cells'

export function ReceiptView({ receipt }: { receipt: PaymentReceipt }) {
  const t = useT()
  const stateAndAmount = useStateAndAmountColumns()
  const language = useLanguage()
  return (
    <article className="receipt" aria-label={t('ui.receipt.title')} data-testid="receipt">
      <header className="receipt-head">
        <strong>{t('ui.receipt.title')}</strong>
        <span>{formatMoment(receipt.createdAt, language)}</span>
        <span className="mono">
          {t('ui.receipt.number', {
            receiptNo: formatReceiptNumber(receipt.terminalId, receipt.receiptNo)
          })}
        </span>
        <span>
          {t('ui.status.terminal', { terminal: receipt.terminalId })}
          {` · ${t('ui.status.cashier', { name: receipt.cashier.name })}`}
        </span>
        {receipt.approvedBy ? (
          <span className="receipt-approval" data-testid="receipt-approved-by">
            {t('ui.receipt.approvedBy', { name: receipt.approvedBy.name })}
          </span>
        ) : null}
      </header>
      <div
        className={`receipt-sync ${receipt.pending ? 'receipt-pending' : 'receipt-confirmed'}`}
        data-testid="receipt-sync"
      >
        {receipt.pending ? t('ui.receipt.pending') : t('ui.receipt.confirmed')}
      </div>
      <p>
        {receipt.customer.name ? `${receipt.customer.name} · ` : ''}
        {t(`idType.${receipt.customer.idType}`)} {receipt.customer.identification}
      </p>
      <table className="receipt-lines">
        <TableHead
          columns={[
            { label: t('ui.bills.billNo') },
            { label: t('ui.receipt.contract') },
            ...stateAndAmount
          ]}
        />
        <tbody>
          {receipt.bills.map((item) => (
            <tr key={item.itemId}>
              <td className="mono">
                {item.billNo}
                {item.unverified ? (
                  <>
                    {' '}
                    <span
                      className="chip chip-unverified"
                      data-testid="receipt-unverified"
                      title={t('ui.unverified.explain')}
                    >
                      {t('ui.unverified.chip')}
                    </span>
                  </>
                ) : null}
              </td>
              <td className="mono">{item.contractId}</td>
              <StateAndAmountCells state={item.state} amount={item.amount} />
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="receipt-totals">
        <dt>{t('ui.pay.method')}</dt>
        <dd>{t(`ui.method.${receipt.method}`)}</dd>
        {REFERENCE_FIELDS.flatMap((field) => {
          const value = receipt.methodReference?.[field]
          return value
            ? [
                <Fragment key={field}>
                  <dt>{t(`reference.${field}`)}</dt>
                  <dd className="mono" data-testid={`receipt-${field}`}>
                    {referenceText(field, value)}
                  </dd>
                </Fragment>
              ]
            : []
        })}
        <dt>{t('ui.pay.total')}</dt>
        <dd>
          <Money value={receipt.total} className="big" />
        </dd>
        {receipt.tendered !== null ? (
          <>
            <dt>{t('ui.pay.tendered')}</dt>
            <dd>
              <Money value={receipt.tendered} />
            </dd>
          </>
        ) : null}
        {receipt.change !== null ? (
          <>
            <dt>{t('ui.pay.change')}</dt>
            <dd>
              <Money value={receipt.change} />
            </dd>
          </>
        ) : null}
      </dl>
    </article>
  )
}
