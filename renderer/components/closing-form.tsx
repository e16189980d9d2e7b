/**
 * Closing the shift: the cashier counts each method, sees expected against counted as they type,
 * and closes. Unconfirmed payments are listed with a warning; they do not block the closing.
 */
import { useMemo, useState } from 'react'
import type { ClosingReport, ShiftSummaryView } from '../../shared/ipc/channels/shifts'
import { api } from '../api'
import { checkCounts, toCountedInput, type CountTexts } from '../lib/closing-count'
import { useSubmission } from '../hooks/use-submission'
import { useT } from '../i18n/use-t'
import { useAppStore } from '../store/app-store'
import { ActionButton } from './action-button'
import { Difference } from './difference'
import { ErrorMessage } from './error-message'
import { Field } from './field'
import { Money } from './money'
import { MoneyInput } from './money-input'
import { UnsettledList } from './unsettled-list'

interface ClosingFormProps {
  summary: ShiftSummaryView
  onClosed: (report: ClosingReport) => void
}

export function ClosingForm({ summary, onClosed }: ClosingFormProps) {
  const t = useT()
  const { busy, failure, submit: send } = useSubmission()
  const announce = useAppStore((state) => state.announce)
  const [texts, setTexts] = useState<CountTexts>({})
  const [notes, setNotes] = useState('')
  const checks = useMemo(() => checkCounts(summary.lines, texts), [summary.lines, texts])
  const anyInvalid = checks.some((check) => check.invalid)

  async function close(): Promise<void> {
    if (anyInvalid) return
    await send(async () => {
      const report = await api.invoke('shifts:close', {
        counted: toCountedInput(checks),
        ...(notes.trim() ? { notes: notes.trim() } : {})
      })
      announce('success', t('ui.shift.closed', { shiftId: report.shift.id }))
      onClosed(report)
    })
  }

  return (
    <form
      className="panel closing-form"
      aria-label={t('ui.shift.closeTitle')}
      onSubmit={(event) => {
        event.preventDefault()
        void close()
      }}
    >
      <h2>{t('ui.shift.closeTitle')}</h2>
      <table className="data-table closing-table">
        <thead>
          <tr>
            <th scope="col">{t('ui.pay.method')}</th>
            <th scope="col" className="col-amount">
              {t('ui.shift.payments')}
            </th>
            <th scope="col" className="col-amount">
              {t('ui.shift.expected')}
            </th>
            <th scope="col">{t('ui.shift.counted')}</th>
            <th scope="col">{t('ui.shift.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {summary.lines.map((line, index) => {
            const check = checks[index]
            return (
              <tr key={line.method} data-testid={`closing-line-${line.method}`}>
                <th scope="row">{t(`ui.method.${line.method}`)}</th>
                <td className="col-amount">{line.payments}</td>
                <td className="col-amount">
                  <Money value={line.expected} />
                </td>
                <td>
                  <Field
                    label={
                      <span className="sr-only">
                        {t('ui.shift.countedOf', { method: t(`ui.method.${line.method}`) })}
                      </span>
                    }
                    error={check?.invalid ? t('ui.shift.amountInvalid') : null}
                  >
                    <MoneyInput
                      value={texts[line.method] ?? ''}
                      data-testid={`counted-${line.method}`}
                      onText={(text) => setTexts({ ...texts, [line.method]: text })}
                    />
                  </Field>
                </td>
                <td>
                  <Difference value={check?.difference ?? null} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <UnsettledList items={summary.unsettled} />
      <Field label={t('ui.shift.notes')}>
        <textarea
          rows={2}
          maxLength={1000}
          value={notes}
          onChange={(event) => setNotes(event.target.value)}
        />
      </Field>
      <ErrorMessage text={failure} />
      <ActionButton type="submit" variant="danger" disabled={busy || anyInvalid}>
        {t('ui.shift.close')}
      </ActionButton>
    </form>
  )
}
