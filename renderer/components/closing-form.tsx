/**
 * Closing the shift in two steps (issue 14). First a BLIND count: the drawer by denomination and a
 * total per other method, with nothing expected on screen. Then expected against counted: any
 * difference needs a written reason, and one above the supervisor threshold (settings) a
 * supervisor's PIN. Closing asks for confirmation. Unconfirmed payments are listed with a
 * warning; they do not block the closing.
 */
import { useEffect, useMemo, useState } from 'react'
import { CLOSING_APPROVAL_ACTION } from '@shared/ipc/channels/shifts'
import type { ClosingReport, ShiftSummaryView } from '@shared/ipc/channels/shifts'
import type { ApprovalView } from '@shared/ipc/channels/session'
import { api } from '@renderer/api'
import {
  largestDifference,
  readDrawer,
  reviewCounts,
  toCountedInput,
  type CountTexts,
  type PieceTexts
} from '@renderer/lib/closing-count'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { formatCop } from '@shared/domain/money'
import { useAppStore } from '@renderer/store/app-store'
import { ActionButton } from './action-button'
import { CashCountForm } from './cash-count-form'
import { ClosingReview } from './closing-review'
import { ConfirmDialog } from './confirm-dialog'
import { ErrorMessage } from './error-message'
import { Field } from './field'
import { SupervisorApproval } from './supervisor-approval'
import { UnsettledList } from './unsettled-list'

interface ClosingFormProps {
  summary: ShiftSummaryView
  onClosed: (report: ClosingReport) => void
}

/** The supervisor threshold, read from the settings (main checks it again on close). */
function useApprovalThreshold(): number | null {
  const [threshold, setThreshold] = useState<number | null>(null)
  useEffect(() => {
    let live = true
    api
      .invoke('settings:get')
      .then((settings) => {
        if (live) setThreshold(settings.caps.closingApprovalAbove)
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [])
  return threshold
}

export function ClosingForm({ summary, onClosed }: ClosingFormProps) {
  const t = useT()
  const { busy, failure, setFailure, submit: send } = useSubmission()
  const announce = useAppStore((state) => state.announce)
  const threshold = useApprovalThreshold()
  const [step, setStep] = useState<'count' | 'review'>('count')
  const [pieces, setPieces] = useState<PieceTexts>({})
  const [others, setOthers] = useState<CountTexts>({})
  const [reason, setReason] = useState('')
  const [reasonShown, setReasonShown] = useState(false)
  const [notes, setNotes] = useState('')
  const [approval, setApproval] = useState<ApprovalView | null>(null)
  const [approving, setApproving] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const drawer = useMemo(() => readDrawer(pieces), [pieces])
  const checks = useMemo(
    () => reviewCounts(summary.lines, drawer.total, others),
    [summary.lines, drawer.total, others]
  )
  const invalidOthers = new Set(checks.filter((c) => c.invalid).map((c) => c.method))
  const countInvalid = drawer.invalid.length > 0 || invalidOthers.size > 0
  const largest = largestDifference(checks)
  const needsReason = largest > 0
  const needsApproval = threshold !== null && largest > threshold
  const reasonMissing = needsReason && reason.trim() === ''

  function review(): void {
    if (countInvalid) return
    setFailure(null)
    setStep('review')
  }

  function askToClose(): void {
    setReasonShown(true)
    if (reasonMissing || (needsApproval && !approval)) return
    setConfirming(true)
  }

  async function close(): Promise<void> {
    await send(async () => {
      const report = await api.invoke('shifts:close', {
        counted: toCountedInput(checks),
        cashCount: drawer.count,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
        ...(needsReason ? { differenceReason: reason.trim() } : {}),
        ...(approval && needsApproval ? { approvalId: approval.approvalId } : {})
      })
      announce('success', t('ui.shift.closed', { shiftId: report.shift.id }))
      onClosed(report)
    })
    setConfirming(false)
  }

  return (
    <>
      <form
        className="panel closing-form"
        aria-label={t('ui.shift.closeTitle')}
        onSubmit={(event) => {
          event.preventDefault()
          if (step === 'count') review()
          else askToClose()
        }}
      >
        <h2>{step === 'count' ? t('ui.closing.blindTitle') : t('ui.closing.reviewTitle')}</h2>
        {step === 'count' ? (
          <>
            <p className="muted">{t('ui.closing.blindIntro')}</p>
            <CashCountForm
              pieces={pieces}
              onPieces={setPieces}
              drawer={drawer}
              others={others}
              onOthers={setOthers}
              invalidOthers={invalidOthers}
            />
            <ActionButton
              type="submit"
              variant="primary"
              disabled={countInvalid}
              data-testid="closing-review"
            >
              {t('ui.closing.review')}
            </ActionButton>
          </>
        ) : (
          <>
            <ClosingReview summary={summary} checks={checks} />
            <UnsettledList items={summary.unsettled} />
            {needsReason ? (
              <Field
                label={t('ui.closing.reason')}
                error={reasonShown && reasonMissing ? t('ui.closing.reasonRequired') : null}
              >
                <textarea
                  rows={2}
                  maxLength={500}
                  value={reason}
                  data-testid="difference-reason"
                  onChange={(event) => setReason(event.target.value)}
                />
              </Field>
            ) : (
              <p className="difference difference-even">{t('ui.closing.noDifference')}</p>
            )}
            {needsApproval ? (
              <div className="closing-approval" data-testid="closing-approval">
                {approval ? (
                  <p className="notice-ok" data-testid="closing-approved">
                    {t('ui.closing.approvedBy', { name: approval.supervisor.name })}
                  </p>
                ) : (
                  <>
                    <p className="warning" role={reasonShown ? 'alert' : undefined}>
                      {t('ui.closing.needsApproval', {
                        difference: formatCop(largest),
                        threshold: formatCop(threshold ?? 0)
                      })}
                    </p>
                    <ActionButton
                      onClick={() => setApproving(true)}
                      data-testid="closing-request-approval"
                    >
                      {t('ui.closing.requestApproval')}
                    </ActionButton>
                  </>
                )}
              </div>
            ) : null}
            <Field label={t('ui.shift.notes')}>
              <textarea
                rows={2}
                maxLength={1000}
                value={notes}
                onChange={(event) => setNotes(event.target.value)}
              />
            </Field>
            <ErrorMessage text={failure} />
            <div className="form-actions">
              <ActionButton
                onClick={() => {
                  // A new count is a new difference: the supervisor approves that one again.
                  setApproval(null)
                  setStep('count')
                }}
              >
                {t('ui.closing.backToCount')}
              </ActionButton>
              <ActionButton type="submit" variant="danger" disabled={busy}>
                {t('ui.shift.close')}
              </ActionButton>
            </div>
          </>
        )}
      </form>
      {/* Dialogs outside the form: a form inside a form would submit the closing on Enter. */}
      {approving ? (
        <SupervisorApproval
          action={CLOSING_APPROVAL_ACTION}
          reason={t('ui.closing.approvalReason', { difference: formatCop(largest) })}
          onApproved={(granted) => {
            setApproval(granted)
            setApproving(false)
          }}
          onCancel={() => setApproving(false)}
        />
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('ui.closing.confirmTitle', { shiftId: summary.shift.id })}
          text={t('ui.closing.confirmText')}
          yes={t('ui.closing.confirmYes')}
          busy={busy}
          onYes={() => void close()}
          onNo={() => setConfirming(false)}
          testId="closing-confirm"
        />
      ) : null}
    </>
  )
}
