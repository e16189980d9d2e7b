/** Events main pushes to the renderer (Actual Budget's `ServerEvents` idea: one typed map). */
import type { SessionView } from './channels/session'
import type { SyncStatus } from './views'

export interface EventMap {
  'sync:status': SyncStatus
  'outbox:changed': { paymentIds: string[] }
  'session:changed': SessionView
  /**
   * While reading the file `total` is 0 (not known yet) and `done` counts rows read. `phase`
   * 'lookup': customers and contracts looked up at Tigo, before the rows are checked.
   */
  'batch:progress': { done: number; total: number; phase?: 'lookup' }
}

export type EventName = keyof EventMap

export const EVENT_NAMES: readonly EventName[] = [
  'sync:status',
  'outbox:changed',
  'session:changed',
  'batch:progress'
]

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value)
}

export type EventListener<E extends EventName> = (payload: EventMap[E]) => void

/** Registers `cb` for `event` and returns the function that removes it. */
export type Subscribe = <E extends EventName>(event: E, cb: EventListener<E>) => () => void
