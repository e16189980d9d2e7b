/** The outbox screen: what waits, what failed and why, and the supervisor's retry. */
import { AppError } from '@shared/errors'
import type { ChannelHandlers } from '@main/ipc'
import type { outboxChannels } from '@shared/ipc/channels/outbox'
import type { OutboxFilter } from '@main/store/types'
import type { SupervisorDecision } from './outbox'
import type { OutboxItem, OutboxState } from '@main/store/types'
import { askTigo } from '@main/sync/resend-gate'
import type { AppContext } from '@main/app/context'
import { toAttemptView, toOutboxPaymentView } from '@main/app/view-mappers'

function toMs(field: 'from' | 'to', value: string): number {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) {
    throw new AppError('invalid_input', { detail: `${field}: not a date` }, `Fecha inválida`)
  }
  return ms
}

export function outboxHandlers(ctx: AppContext): ChannelHandlers<typeof outboxChannels> {
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

    'outbox:retry': async (input) => {
      // A rejected bill goes back to the queue only if Tigo, asked now, does not have it as
      // paid; the engine's resend gate asks again right before it sends (sync/resend-gate.ts).
      const rejected = ctx.outbox.items(input.itemIds).filter((item) => item.state === 'rejected')
      const answer = await askTigo(ctx.client, rejected)
      const paid = new Set(answer.paid.map((item) => item.id))
      const ids = input.itemIds.filter((id) => !paid.has(id))
      const items = ids.length > 0 ? ctx.outbox.retry(ids, ctx.cashier().id) : []
      if (items.length > 0) {
        ctx.events.emit('outbox:changed', {
          paymentIds: [...new Set(items.map((item) => item.paymentId))]
        })
        ctx.events.emit('sync:status', ctx.syncStatus())
        void ctx.requestDrain('retry')
      }
      return { retried: items.length, billPaid: [...paid] }
    },

    'outbox:decide': async (input) => {
      const [outcome] = await decideAll(ctx, [input.itemId], input.decision, input.note)
      if (!outcome || outcome.error) throw outcome?.error ?? new AppError('internal', {})
      return { state: outcome.state }
    },

    'outbox:decideMany': async (input) => {
      const outcomes = await decideAll(ctx, input.itemIds, input.decision, input.note)
      return {
        results: outcomes.map((outcome) =>
          outcome.error
            ? { itemId: outcome.itemId, error: outcome.error.code }
            : { itemId: outcome.itemId, state: outcome.state }
        )
      }
    }
  }
}

type Outcome =
  { itemId: number; state: OutboxState; error?: undefined } | { itemId: number; error: AppError }

/**
 * A supervisor's decision on one or several items, with one note. A resend is written only for
 * the bills Tigo, asked live now, has unpaid (and the engine's gate asks again before sending).
 * Each item is decided on its own: one that may not be decided does not stop the others.
 */
async function decideAll(
  ctx: AppContext,
  itemIds: readonly number[],
  decision: SupervisorDecision,
  note: string
): Promise<Outcome[]> {
  const found = new Map(ctx.outbox.items(itemIds).map((item) => [item.id, item]))
  const outcomes = new Map<number, Outcome>()
  const allowed: OutboxItem[] = []
  for (const itemId of new Set(itemIds)) {
    const item = found.get(itemId)
    if (!item)
      outcomes.set(itemId, { itemId, error: new AppError('outbox_item_unknown', { itemId }) })
    else if (!ctx.outbox.decisionsFor(item).includes(decision)) {
      outcomes.set(itemId, {
        itemId,
        error: new AppError('outbox_decision_not_allowed', {
          itemId,
          state: item.state,
          decision
        })
      })
    } else allowed.push(item)
  }
  let unpaid = new Set<number>()
  if (decision === 'resend' && allowed.length > 0) {
    // Resending money that may have reached Tigo is safe only if Tigo says unpaid right now.
    const answer = await askTigo(ctx.client, allowed)
    unpaid = new Set(answer.unpaid.map((item) => item.id))
    for (const item of answer.paid) {
      outcomes.set(item.id, { itemId: item.id, error: new AppError('outbox_resend_bill_paid', {}) })
    }
    for (const item of answer.unknown) {
      outcomes.set(item.id, {
        itemId: item.id,
        error: new AppError('outbox_resend_unverified', {})
      })
    }
  }
  const cashier = ctx.cashier()
  const changed = new Set<string>()
  for (const item of allowed) {
    if (outcomes.has(item.id)) continue
    try {
      const decided = ctx.outbox.decide({
        itemId: item.id,
        decision,
        supervisor: { id: cashier.id, name: cashier.name },
        note,
        billUnpaid: unpaid.has(item.id)
      })
      outcomes.set(item.id, { itemId: item.id, state: decided.state })
      changed.add(decided.paymentId)
    } catch (error) {
      if (!(error instanceof AppError)) throw error
      outcomes.set(item.id, { itemId: item.id, error })
    }
  }
  if (changed.size > 0) {
    ctx.events.emit('outbox:changed', { paymentIds: [...changed] })
    ctx.events.emit('sync:status', ctx.syncStatus())
    if (decision === 'resend') void ctx.requestDrain('retry')
  }
  return itemIds.flatMap((itemId) => {
    const outcome = outcomes.get(itemId)
    return outcome ? [outcome] : []
  })
}
