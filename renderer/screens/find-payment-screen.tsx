/**
 * "Buscar pago" (F1): a past payment by receipt number, NIT or cédula, or bill number, typed in
 * one box; a receipt's QR code scanned anywhere opens its payment without this screen. A result
 * opens on the receipt screen, where F5 reprints it as a copy.
 */
import { Fragment, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { formatReceiptNumber } from '@shared/domain/receipt-number'
import type { PaymentReceipt } from '@shared/ipc/views'
import { ActionButton } from '@renderer/components/action-button'
import { CodeInput } from '@renderer/components/code-input'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { Money } from '@renderer/components/money'
import { ScreenHeader } from '@renderer/components/screen-header'
import { StateChip, type ChipState } from '@renderer/components/state-chip'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { formatDayAndMinute } from '@renderer/lib/format'
import { openPayment, searchPayments, useFoundPayments } from '@renderer/store/found-payments'
import { TableHead } from '@renderer/components/table-head'

/** The state a payment shows: its least settled bill (one rejected bill is what matters). */
const STATE_ORDER: readonly ChipState[] = ['rejected', 'uncertain', 'sending', 'queued']

function paymentState(payment: PaymentReceipt): ChipState {
  const states = new Set<ChipState>(payment.bills.map((bill) => bill.state))
  return STATE_ORDER.find((state) => states.has(state)) ?? 'registered'
}

/** Up and down move between the results' buttons, as in a list. */
function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')]
  const at = buttons.indexOf(document.activeElement as HTMLButtonElement)
  const next = buttons[at + (event.key === 'ArrowDown' ? 1 : -1)]
  if (!next) return
  event.preventDefault()
  next.focus()
}

export function FindPaymentScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const found = useFoundPayments()
  const [query, setQuery] = useState(found.query)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const results = useRef<HTMLTableSectionElement>(null)

  async function onSearch(event: FormEvent): Promise<void> {
    event.preventDefault()
    const text = query.trim()
    if (text === '' || busy) return
    setFailure(null)
    setBusy(true)
    try {
      const payments = await searchPayments(text)
      // The next keystroke belongs to the results: Enter opens the first, arrows move.
      if (payments.length > 0) {
        requestAnimationFrame(() => results.current?.querySelector('button')?.focus())
      }
    } catch (error) {
      setFailure(describe(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="find-payment-screen" aria-labelledby="find-payment-title">
      <ScreenHeader title={<span id="find-payment-title">{t('ui.findPayment.title')}</span>} />
      <form className="find-payment-form" onSubmit={(event) => void onSearch(event)} noValidate>
        <Field label={t('ui.findPayment.query')} hint={t('ui.findPayment.hint')}>
          <CodeInput
            maxLength={80}
            value={query}
            onText={setQuery}
            data-autofocus
            data-testid="find-payment-query"
          />
        </Field>
        <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
          {busy ? t('ui.findPayment.searching') : t('ui.findPayment.search')}
        </ActionButton>
      </form>
      <ErrorMessage text={failure} />
      {found.searched ? (
        <p className="find-payment-count" role="status" data-testid="find-payment-count">
          {found.payments.length === 0
            ? t('ui.findPayment.none', { query: found.query })
            : t('ui.findPayment.count', { count: found.payments.length })}
          {found.more ? ` ${t('ui.findPayment.more')}` : ''}
        </p>
      ) : null}
      {found.payments.length > 0 ? (
        <div className="find-payment-results">
          <table className="data-table" aria-label={t('ui.findPayment.results')}>
            <TableHead
              columns={[
                { label: t('ui.findPayment.receipt') },
                { label: t('ui.findPayment.date') },
                { label: t('ui.findPayment.customer') },
                { label: t('ui.findPayment.bills') },
                { label: t('ui.findPayment.total'), amount: true },
                { label: t('ui.findPayment.state') },
                { label: t('ui.findPayment.open'), hidden: true }
              ]}
            />
            <tbody ref={results} onKeyDown={moveFocus} data-testid="find-payment-results">
              {found.payments.map((payment) => (
                <tr key={payment.id}>
                  <td className="mono nowrap">
                    {formatReceiptNumber(payment.terminalId, payment.receiptNo)}
                  </td>
                  <td>{formatDayAndMinute(payment.createdAt, language)}</td>
                  <td>
                    <span className="nowrap">
                      {t(`idType.${payment.customer.idType}`)} {payment.customer.identification}
                    </span>
                    {payment.customer.name ? (
                      <span className="find-payment-name muted">{payment.customer.name}</span>
                    ) : null}
                  </td>
                  <td className="mono">
                    {payment.bills.map((bill, index) => (
                      <Fragment key={bill.itemId}>
                        {index > 0 ? ', ' : null}
                        <span className="nowrap">{bill.billNo}</span>
                      </Fragment>
                    ))}
                  </td>
                  <td className="col-amount">
                    <Money value={payment.total} />
                  </td>
                  <td>
                    <StateChip state={paymentState(payment)} />
                  </td>
                  <td>
                    <ActionButton onClick={() => openPayment(payment)}>
                      {t('ui.findPayment.open')}
                    </ActionButton>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
