/**
 * The live lookups of a batch file at Tigo (issue 14): how many of the new customers and contracts
 * were looked up, as a progress bar assistive technology reads (role and values), and the button
 * that cancels those not started yet.
 */
import { useState } from 'react'
import { api } from '@renderer/api'
import { useT } from '@renderer/i18n/use-t'
import { ActionButton } from './action-button'

export function BatchLookupProgress({ done, total }: { done: number; total: number }) {
  const t = useT()
  const [cancelling, setCancelling] = useState(false)
  const text = t('ui.batch.lookupProgress', { done, total })
  const percent = total > 0 ? Math.round((done / total) * 100) : 0

  async function cancel(): Promise<void> {
    setCancelling(true)
    // A failure leaves the lookups running to their end: the preview comes all the same.
    await api.invoke('batch:cancelLookups', {}).catch(() => setCancelling(false))
  }

  return (
    <div className="batch-lookup" data-testid="batch-lookup">
      <p id="batch-lookup-text" aria-live="polite">
        {cancelling ? t('ui.batch.cancellingLookups') : text}
      </p>
      <div
        className="meter"
        role="progressbar"
        aria-label={t('ui.batch.lookupLabel')}
        aria-describedby="batch-lookup-text"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <ActionButton
        variant="danger"
        disabled={cancelling}
        data-testid="batch-cancel-lookups"
        onClick={() => void cancel()}
      >
        {t('ui.batch.cancelLookups')}
      </ActionButton>
    </div>
  )
}
