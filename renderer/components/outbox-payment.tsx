/** One payment in the outbox with its bills, their states, retry ticks and attempt details. */
import { formatReceiptNumber } from '@shared/domain/receipt-number'
import { useState } from 'react'
import type { OutboxItemView, OutboxPaymentView } from '@shared/ipc/views'
import { formatMoment } from '@renderer/lib/format'
import { canRetry, decisionsFor, type SupervisorDecision } from '@renderer/lib/outbox-rules'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { AttemptList } from './attempt-list'
import { OutboxNote } from './outbox-note'
import { Money } from './money'
import { StateChip } from './state-chip'

interface OutboxPaymentProps {
  payment: OutboxPaymentView
  items: OutboxItemView[]
  picked: ReadonlySet<number>
  onPick: (itemId: number) => void
  /** Items chosen for a bulk supervisor decision. */
  chosen: ReadonlySet<number>
  onChoose: (itemId: number) => void
  /** Items whose bill Tigo reported paid when a retry asked: no retry is offered for them. */
  paidAtTigo: ReadonlySet<number>
  onRetry: (itemIds: number[]) => void
  /** A supervisor settles an item the engine cannot; resolves true when it was accepted. */
  onDecide: (itemId: number, decision: SupervisorDecision, note: string) => Promise<boolean>
  busy: boolean
}

export type { SupervisorDecision }

function DecisionForm({
  item,
  busy,
  onDecide
}: {
  item: OutboxItemView
  busy: boolean
  onDecide: OutboxPaymentProps['onDecide']
}) {
  const t = useT()
  const [note, setNote] = useState('')
  const noteId = `decide-note-${item.itemId}`
  const ready = !busy && note.trim() !== ''
  const submit = (decision: SupervisorDecision) => {
    void onDecide(item.itemId, decision, note.trim()).then((done) => {
      if (done) setNote('')
    })
  }
  return (
    <div className="outbox-decision" data-testid="outbox-decision">
      <label htmlFor={noteId}>{t('ui.outbox.decideNote')}</label>
      <input id={noteId} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      {decisionsFor(item).map((decision) => (
        <button
          key={decision}
          type="button"
          className="btn btn-secondary"
          disabled={!ready}
          onClick={() => submit(decision)}
        >
          {t(decision === 'registered' ? 'ui.outbox.decideRegistered' : 'ui.outbox.decideResend')}
        </button>
      ))}
    </div>
  )
}

export function OutboxPayment({
  payment,
  items,
  picked,
  onPick,
  chosen,
  onChoose,
  paidAtTigo,
  onRetry,
  onDecide,
  busy
}: OutboxPaymentProps) {
  const t = useT()
  const language = useLanguage()
  const [open, setOpen] = useState<number | null>(null)
  const [deciding, setDeciding] = useState<number | null>(null)
  return (
    <article className="panel outbox-payment" data-testid="outbox-payment">
      <header className="outbox-head">
        <strong>{formatMoment(payment.createdAt, language)}</strong>
        <span>
          {payment.customer.name ? `${payment.customer.name} · ` : ''}
          {t(`idType.${payment.customer.idType}`)} {payment.customer.identification}
        </span>
        <span>{t(`ui.method.${payment.method}`)}</span>
        <Money value={payment.total} className="big" />
        <span className="mono muted">
          {t('ui.receipt.number', {
            receiptNo: formatReceiptNumber(payment.terminalId, payment.receiptNo)
          })}
        </span>
      </header>
      <ul className="outbox-items">
        {items.map((item) => {
          const retryable = canRetry(item) && !paidAtTigo.has(item.itemId)
          const decidable = decisionsFor(item).length > 0
          const checkboxId = `retry-${item.itemId}`
          return (
            <li key={item.itemId} className="outbox-item" data-testid="outbox-item">
              <div className="outbox-line">
                {retryable ? (
                  <input
                    id={checkboxId}
                    type="checkbox"
                    checked={picked.has(item.itemId)}
                    onChange={() => onPick(item.itemId)}
                    aria-label={t('ui.outbox.pick', { billNo: item.billNo })}
                  />
                ) : (
                  <span className="pick-spacer" aria-hidden="true" />
                )}
                <span className="mono">{item.billNo}</span>
                <span className="mono muted">{item.contractId}</span>
                <Money value={item.amount} />
                <StateChip state={item.state} />
                {item.flagged ? <StateChip state="flagged" /> : null}
                {decidable ? (
                  <label className="muted">
                    <input
                      type="checkbox"
                      checked={chosen.has(item.itemId)}
                      onChange={() => onChoose(item.itemId)}
                      aria-label={t('ui.outbox.choose', { billNo: item.billNo })}
                    />{' '}
                    {t('ui.outbox.needsSupervisor')}
                  </label>
                ) : null}
                <span className="muted">{t('ui.outbox.attempts', { count: item.attempts })}</span>
                {item.nextAttemptAt && item.state !== 'registered' ? (
                  <span className="muted">
                    {t('ui.outbox.next', { when: formatMoment(item.nextAttemptAt, language) })}
                  </span>
                ) : null}
                <span className="outbox-actions">
                  <button
                    type="button"
                    className="btn btn-ghost"
                    aria-expanded={open === item.itemId}
                    onClick={() => setOpen(open === item.itemId ? null : item.itemId)}
                  >
                    {open === item.itemId ? t('ui.outbox.hideDetails') : t('ui.outbox.details')}
                  </button>
                  {retryable ? (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      disabled={busy}
                      onClick={() => onRetry([item.itemId])}
                    >
                      {t('ui.outbox.retry')}
                    </button>
                  ) : null}
                  {decidable ? (
                    <button
                      type="button"
                      className="btn btn-secondary"
                      aria-expanded={deciding === item.itemId}
                      onClick={() => setDeciding(deciding === item.itemId ? null : item.itemId)}
                    >
                      {t('ui.outbox.decide')}
                    </button>
                  ) : null}
                </span>
              </div>
              {item.flagged ? <p className="flag-note">{t('ui.outbox.flagNote')}</p> : null}
              {item.rejectedReason ? (
                <p className="item-error">
                  <OutboxNote raw={item.rejectedReason} frame="ui.outbox.rejectedReason" />
                </p>
              ) : null}
              {item.lastError && item.state !== 'registered' ? (
                <p className="item-error">
                  <OutboxNote raw={item.lastError} frame="ui.outbox.lastError" />
                </p>
              ) : null}
              {decidable && deciding === item.itemId ? (
                <DecisionForm item={item} busy={busy} onDecide={onDecide} />
              ) : null}
              {open === item.itemId ? <AttemptList itemId={item.itemId} /> : null}
            </li>
          )
        })}
      </ul>
    </article>
  )
}
