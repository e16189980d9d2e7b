/** What the outbox screen may offer for an item, and how its filters become a query. */
import type { OutboxItemView, OutboxState } from '../../shared/ipc/views'

/** Registered and in-flight items are never resent by hand; the rest the sync engine accepts. */
export function canRetry(item: Pick<OutboxItemView, 'state' | 'flagged'>): boolean {
  if (item.state === 'registered' || item.state === 'sending') return false
  return (
    item.state === 'rejected' ||
    item.state === 'uncertain' ||
    item.state === 'queued' ||
    item.flagged
  )
}

export type StateFilter = 'all' | OutboxState | 'flagged'

export interface OutboxFilter {
  state: StateFilter
  /** YYYY-MM-DD in the terminal's local time; '' = open. */
  from: string
  to: string
}

export interface OutboxQuery {
  states?: OutboxState[]
  from?: string
  to?: string
}

/** Local calendar days become an inclusive range of instants. */
export function toOutboxQuery(filter: OutboxFilter): OutboxQuery {
  const query: OutboxQuery = {}
  if (filter.state !== 'all' && filter.state !== 'flagged') query.states = [filter.state]
  if (filter.from) query.from = new Date(`${filter.from}T00:00:00`).toISOString()
  if (filter.to) query.to = new Date(`${filter.to}T23:59:59.999`).toISOString()
  return query
}

/** Flagged is a mark on items of any state, so it filters here rather than in the query. */
export function matchesFilter(
  item: Pick<OutboxItemView, 'flagged'>,
  filter: OutboxFilter
): boolean {
  return filter.state !== 'flagged' || item.flagged
}
