/** What the outbox screen may offer for an item, and how its filters become a query. */
import type { OutboxItemView, OutboxState } from '@shared/ipc/views'

const PAID_ELSEWHERE = 'bill_paid_elsewhere'

type RuleItem = Pick<OutboxItemView, 'state' | 'flagged'> & { rejectedReason?: string | null }

/**
 * A retry puts a rejected bill back in the queue (or makes a queued one due now). Never for a
 * bill Tigo reports paid (rejected as paid elsewhere: a supervisor decides it instead), nor for an
 * uncertain one (only a check with Tigo or a supervisor's decision moves it), nor registered or
 * in-flight ones. The main process asks Tigo again before queueing, and the engine before sending.
 */
export function canRetry(item: RuleItem): boolean {
  if (item.state === 'queued') return true
  return item.state === 'rejected' && !item.rejectedReason?.startsWith(PAID_ELSEWHERE)
}

export type SupervisorDecision = 'registered' | 'resend'

/** What a supervisor may decide for an item; the main process has the last word. */
export function decisionsFor(item: RuleItem): SupervisorDecision[] {
  if (item.state === 'uncertain' && item.flagged) return ['registered', 'resend']
  if (item.state === 'rejected' && item.rejectedReason?.startsWith(PAID_ELSEWHERE)) {
    return ['registered']
  }
  return []
}

/** The decisions every one of the chosen items allows (a bulk decision is one for all). */
export function commonDecisions(items: readonly RuleItem[]): SupervisorDecision[] {
  if (items.length === 0) return []
  const [first, ...rest] = items.map(decisionsFor)
  return (first ?? []).filter((decision) => rest.every((allowed) => allowed.includes(decision)))
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
