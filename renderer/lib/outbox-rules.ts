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

/** `open`: everything not yet registered (the default view); registered ones under their filter. */
export type StateFilter = 'open' | 'all' | OutboxState | 'flagged'

/** What still needs Tigo or a person: shown first, and alone by default. */
export const OPEN_STATES: readonly OutboxState[] = ['queued', 'sending', 'uncertain', 'rejected']

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
  if (filter.state === 'open') query.states = [...OPEN_STATES]
  else if (filter.state !== 'all' && filter.state !== 'flagged') query.states = [filter.state]
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

/** Payments with an item still open before those all registered; otherwise as listed. */
export function openFirst<T extends { items: readonly Pick<OutboxItemView, 'state'>[] }>(
  payments: readonly T[]
): T[] {
  const isOpen = (payment: T) => payment.items.some((item) => item.state !== 'registered')
  return [...payments.filter(isOpen), ...payments.filter((payment) => !isOpen(payment))]
}

const DAY_INPUT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

/**
 * A day typed es-CO (dd/mm/aaaa) as YYYY-MM-DD; '' for an empty field, undefined when it is not
 * a real calendar day (31/02/2026).
 */
export function parseDayInput(text: string): string | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  const match = DAY_INPUT.exec(trimmed)
  if (!match) return undefined
  const [, day = '', month = '', year = ''] = match
  const date = new Date(Number(year), Number(month) - 1, Number(day))
  if (date.getFullYear() !== Number(year) || date.getMonth() !== Number(month) - 1) return undefined
  if (date.getDate() !== Number(day)) return undefined
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}
