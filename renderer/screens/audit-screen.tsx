/**
 * The audit trail for supervisors (F11): who did what and when, newest first, filtered by day,
 * person and kind of action, a page at a time, in sentences rather than codes.
 */
import { useCallback, useEffect, useState } from 'react'
import type { AuditEntryView } from '@shared/ipc/channels/audit'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { AuditWhat } from '@renderer/components/audit-what'
import { DayField } from '@renderer/components/day-field'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { ScreenHeader } from '@renderer/components/screen-header'
import { AUDIT_ACTIONS } from '@renderer/lib/audit-words'
import { formatMoment } from '@renderer/lib/format'
import { parseDayInput } from '@renderer/lib/outbox-rules'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import '@renderer/styles/till.css'
import { TableHead } from '@renderer/components/table-head'

const PAGE_SIZE = 50

interface AuditFilter {
  from: string
  to: string
  actor: string
  action: string
}

/** 'YYYY-MM-DD' in the till's time: from the start of `from` to the end of `to`. */
function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString()
}

function nextDayStart(day: string): string {
  const date = new Date(`${day}T00:00:00`)
  date.setDate(date.getDate() + 1)
  return date.toISOString()
}

function usePeople(): Map<string, string> {
  const [people, setPeople] = useState(new Map<string, string>([['system', '']]))
  useEffect(() => {
    api
      .invoke('users:list')
      .then((users) => setPeople(new Map(users.map((user) => [user.id, user.name]))))
      // Names are a courtesy: without them the entries show the user ids.
      .catch(() => undefined)
  }, [])
  return people
}

export function AuditScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const people = usePeople()
  const [filter, setFilter] = useState<AuditFilter>({ from: '', to: '', actor: '', action: '' })
  const [page, setPage] = useState(0)
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const load = useCallback(async () => {
    try {
      const list = await api.invoke('audit:list', {
        ...(filter.from ? { from: dayStart(filter.from) } : {}),
        ...(filter.to ? { to: nextDayStart(filter.to) } : {}),
        ...(filter.actor ? { actor: filter.actor } : {}),
        ...(filter.action ? { action: filter.action } : {}),
        // One extra row tells whether there is a next page.
        limit: PAGE_SIZE + 1,
        offset: page * PAGE_SIZE
      })
      setEntries(list)
      setFailure(null)
    } catch (error) {
      setFailure(describe(error))
    }
  }, [filter, page, describe])

  useEffect(() => {
    void load()
  }, [load])

  function change(next: Partial<AuditFilter>): void {
    setFilter({ ...filter, ...next })
    setPage(0)
  }

  // Typed dd/mm/aaaa: the filter moves once the text is a whole day (or empty), not per key.
  const [fromText, setFromText] = useState('')
  const [toText, setToText] = useState('')
  function dayChange(bound: 'from' | 'to', text: string, keep: (text: string) => void): void {
    keep(text)
    const day = parseDayInput(text)
    if (day !== undefined && day !== filter[bound]) change({ [bound]: day })
  }

  const personName = (id: string) =>
    id === 'system'
      ? t('ui.audit.system')
      : id === 'unknown'
        ? t('ui.audit.unknownUser')
        : // An id (a UUID) is no name: someone the list no longer has is unknown.
          (people.get(id) ?? t('ui.audit.unknownUser'))
  const shown = entries?.slice(0, PAGE_SIZE) ?? []
  const hasMore = (entries?.length ?? 0) > PAGE_SIZE

  return (
    <section className="audit-screen">
      <ScreenHeader title={t('ui.audit.title')}>
        <ActionButton onClick={() => void load()}>{t('ui.audit.refresh')}</ActionButton>
      </ScreenHeader>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <DayField
          label={t('ui.outbox.from')}
          text={fromText}
          onText={(text) => dayChange('from', text, setFromText)}
          testId="audit-from"
          autoFocus
        />
        <DayField
          label={t('ui.outbox.to')}
          text={toText}
          onText={(text) => dayChange('to', text, setToText)}
          testId="audit-to"
        />
        <Field label={t('ui.audit.actor')}>
          <select value={filter.actor} onChange={(event) => change({ actor: event.target.value })}>
            <option value="">{t('ui.audit.anyone')}</option>
            <option value="system">{t('ui.audit.system')}</option>
            {[...people.entries()]
              .filter(([id]) => id !== 'system')
              .map(([id, name]) => (
                <option key={id} value={id}>
                  {name}
                </option>
              ))}
          </select>
        </Field>
        <Field label={t('ui.audit.action')}>
          <select
            value={filter.action}
            onChange={(event) => change({ action: event.target.value })}
          >
            <option value="">{t('ui.audit.anyAction')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`ui.audit.actionName.${action}`)}
              </option>
            ))}
          </select>
        </Field>
      </form>
      <ErrorMessage text={failure} />
      {entries && shown.length === 0 ? <p className="empty">{t('ui.audit.empty')}</p> : null}
      {shown.length > 0 ? (
        <table className="data-table audit-table" data-testid="audit-entries">
          <TableHead
            columns={[
              { label: t('ui.audit.when') },
              { label: t('ui.audit.who') },
              { label: t('ui.audit.what') }
            ]}
          />
          <tbody>
            {shown.map((entry) => (
              <tr key={entry.id} data-action={entry.action}>
                <td>{formatMoment(entry.at, language)}</td>
                <td>{personName(entry.actor)}</td>
                <td>
                  <AuditWhat action={entry.action} details={entry.details} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="pager">
        <ActionButton disabled={page === 0} onClick={() => setPage(page - 1)}>
          {t('ui.common.previous')}
        </ActionButton>
        <span className="pager-range">{t('ui.audit.page', { page: page + 1 })}</span>
        <ActionButton disabled={!hasMore} onClick={() => setPage(page + 1)}>
          {t('ui.common.next')}
        </ActionButton>
      </div>
    </section>
  )
}
