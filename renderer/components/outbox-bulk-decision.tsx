/**
 * A supervisor's decision for several chosen bills at once: one note, the decision every chosen
 * bill allows, then a confirmation step. Each bill succeeds or fails on its own (main process).
 */
import { useState } from 'react'
import type { OutboxItemView } from '@shared/ipc/views'
import { commonDecisions, type SupervisorDecision } from '@renderer/lib/outbox-rules'
import { useT } from '@renderer/i18n/use-t'

interface BulkDecisionProps {
  chosen: readonly OutboxItemView[]
  busy: boolean
  /** Resolves true when the main process took the decision (whatever each item's outcome). */
  onDecide: (decision: SupervisorDecision, note: string) => Promise<boolean>
  onClear: () => void
}

const LABELS: Record<SupervisorDecision, string> = {
  registered: 'ui.outbox.decideRegistered',
  resend: 'ui.outbox.decideResend'
}

export function BulkDecision({ chosen, busy, onDecide, onClear }: BulkDecisionProps) {
  const t = useT()
  const [note, setNote] = useState('')
  const [pending, setPending] = useState<SupervisorDecision | null>(null)
  const decisions = commonDecisions(chosen)
  const ready = !busy && note.trim() !== ''

  function confirm(decision: SupervisorDecision): void {
    void onDecide(decision, note.trim()).then((done) => {
      setPending(null)
      if (done) setNote('')
    })
  }

  return (
    <section className="panel outbox-bulk" data-testid="outbox-bulk-decision">
      <h3>{t('ui.outbox.bulkTitle', { count: chosen.length })}</h3>
      {decisions.length === 0 ? <p className="item-error">{t('ui.outbox.bulkNone')}</p> : null}
      <label htmlFor="bulk-decision-note">{t('ui.outbox.decideNote')}</label>
      <input
        id="bulk-decision-note"
        value={note}
        maxLength={500}
        disabled={pending !== null}
        onChange={(event) => setNote(event.target.value)}
      />
      {pending === null ? (
        <div className="outbox-actions">
          {decisions.map((decision) => (
            <button
              key={decision}
              type="button"
              className="btn btn-secondary"
              disabled={!ready}
              onClick={() => setPending(decision)}
            >
              {t(LABELS[decision])}
            </button>
          ))}
          <button type="button" className="btn btn-ghost" disabled={busy} onClick={onClear}>
            {t('ui.outbox.clearChosen')}
          </button>
        </div>
      ) : (
        <div className="outbox-actions" role="alertdialog" aria-labelledby="bulk-confirm-text">
          <p id="bulk-confirm-text">
            {t('ui.outbox.bulkConfirm', { decision: t(LABELS[pending]), count: chosen.length })}
          </p>
          <button
            type="button"
            className="btn btn-primary"
            disabled={!ready}
            onClick={() => confirm(pending)}
          >
            {t('ui.outbox.bulkApply')}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            disabled={busy}
            onClick={() => setPending(null)}
          >
            {t('ui.outbox.bulkBack')}
          </button>
        </div>
      )}
    </section>
  )
}
