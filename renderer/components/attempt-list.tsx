/** Every send attempt of one outbox item, newest last, as the sync engine recorded them. */
import { useEffect, useState } from 'react'
import type { AttemptView } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { formatMoment } from '@renderer/lib/format'
import { whileCurrent } from '@renderer/lib/while-current'
import { useDescribeError, useLanguage, useT, type Translate } from '@renderer/i18n/use-t'
import { ErrorMessage } from './error-message'
import { OutboxNote } from './outbox-note'
import { TableHead } from './table-head'

/** Known outcomes in words; a new one from main still shows, under its code. */
function outcomeText(outcome: string, t: Translate): string {
  const key = `ui.outbox.outcome.${outcome}`
  const words = t(key)
  return words === key ? outcome : words
}

export function AttemptList({ itemId }: { itemId: number }) {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const [attempts, setAttempts] = useState<AttemptView[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(
    () =>
      whileCurrent(api.invoke('outbox:attempts', { itemId }), setAttempts, (error) =>
        setFailure(describe(error))
      ),
    [itemId, describe]
  )

  if (failure) return <ErrorMessage text={failure} />
  if (!attempts) return <p className="muted">{t('ui.common.loading')}</p>
  if (attempts.length === 0) return <p className="muted">{t('ui.outbox.noAttempts')}</p>
  return (
    <table className="data-table attempts" data-testid="attempts">
      <TableHead
        columns={[
          { label: t('ui.outbox.attemptAt') },
          { label: t('ui.outbox.attemptOutcome') },
          { label: t('ui.outbox.attemptDetail') }
        ]}
      />
      <tbody>
        {attempts.map((attempt, index) => (
          <tr key={index}>
            <td>{formatMoment(attempt.at, language)}</td>
            <td>{outcomeText(attempt.outcome, t)}</td>
            <td>
              {attempt.detail ? (
                <OutboxNote
                  raw={attempt.detail}
                  extra={attempt.httpStatus ? `HTTP ${attempt.httpStatus}` : null}
                />
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
