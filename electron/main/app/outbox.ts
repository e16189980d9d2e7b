/** The outbox screen: what waits, what failed and why, and the supervisor's retry. */
import { AppError } from '../../../shared/errors'
import type { Handlers } from '../ipc'
import type { OutboxFilter } from '../store/types'
import { billKey, checkBills } from '../sync/reconcile'
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

    'outbox:decide': async (input) => {
      const [item] = ctx.outbox.items([input.itemId])
      if (!item) throw new AppError('outbox_item_unknown', { itemId: input.itemId })
      let billUnpaid = false
      if (input.decision === 'resend') {
        if (!ctx.outbox.decisionsFor(item).includes('resend')) {
          throw new AppError('outbox_decision_not_allowed', {
            itemId: item.id,
            state: item.state,
            decision: input.decision
          })
        }
        // Resending money that may have reached Tigo is safe only if Tigo says unpaid right now.
        const verdict = (await checkBills(ctx.client, [item])).get(billKey(item))
        if (verdict?.kind === 'paid') throw new AppError('outbox_resend_bill_paid', {})
        if (verdict?.kind !== 'unpaid') throw new AppError('outbox_resend_unverified', {})
        billUnpaid = true
      }
      const cashier = ctx.cashier()
      const decided = ctx.outbox.decide({
        itemId: input.itemId,
        decision: input.decision,
        supervisor: { id: cashier.id, name: cashier.name },
        note: input.note,
        billUnpaid
      })
      ctx.events.emit('outbox:changed', { paymentIds: [decided.paymentId] })
      ctx.events.emit('sync:status', ctx.syncStatus())
      if (decided.state === 'queued') void ctx.requestDrain('retry')
      return { state: decided.state }
    },

    'sync:now': async () => {
      await ctx.requestDrain('manual')
      return ctx.syncStatus()
    }
  }
}
