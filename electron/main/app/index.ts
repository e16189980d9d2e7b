/** Every channel's handler, by feature. */
import type { Handlers } from '../ipc'
import type { AppContext } from './context'
import { lookupHandlers } from './lookups'
import { outboxHandlers } from './outbox'
import { paymentHandlers } from './payments'
import { settingsHandlers } from './settings'

export type { AppContext }

export function createAppHandlers(ctx: AppContext): Handlers {
  return {
    ...lookupHandlers(ctx),
    ...paymentHandlers(ctx),
    ...outboxHandlers(ctx),
    ...settingsHandlers(ctx)
  }
}
