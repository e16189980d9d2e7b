/** The outbox screen: what waits, what failed and why, and the supervisor's retry. */
import { AppError } from '../../../shared/errors'
import type { Handlers } from '../ipc'
import type { OutboxFilter } from '../store/types'
import type { AppContext } from './context'
import { toAttemptView, toOutboxPaymentView } from './views'

function toMs(field: 'from' | 'to', value: string): number {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) {
    throw new AppError('invalid_input', { detail: `${field}: not a date` }, `Fecha inválida`)
  }
  return ms
}

export function outboxHandlers(ctx: AppContext): Handlers {
  return {
    'outbox:list': (input) => {
      const filter: OutboxFilter = {}
      if (input.states) filter.states = input.states
      if (input.from) filter.from = toMs('from', input.from)
      if (input.to) filter.to = toMs('to', input.to)
      return ctx.outbox.list(filter).map(toOutboxPaymentView)
    },

    'outbox:attempts': (input) => ctx.outbox.attempts(input.itemId).map(toAttemptView),

    'outbox:summary': () => ctx.syncStatus(),

    'outbox:retry': (input) => {
      const items = ctx.outbox.retry(input.itemIds, ctx.cashier().id)
      if (items.length > 0) {
        ctx.events.emit('outbox:changed', {
          paymentIds: [...new Set(items.map((item) => item.paymentId))]
        })
        ctx.events.emit('sync:status', ctx.syncStatus())
        void ctx.requestDrain('retry')
      }
      return { retried: items.length }
    },

    'sync:now': async () => {
      await ctx.requestDrain('manual')
      return ctx.syncStatus()
    }
  }
}
