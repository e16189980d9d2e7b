/**
 * THE gate every resend passes. `payments/register` has no idempotency key, so a bill that a
 * request of ours may already have reached Tigo with is sent again only when Tigo has just been
 * asked, live, and answered that the bill is unpaid. Whatever put the item back in the queue — a
 * reconcile, a supervisor's retry or decision, a batch re-import of the same bill, a restart —
 * the only code that sends a registration (send-round.ts) runs every claimed item through
 * `gateResends` first, so none of those paths can skip it.
 *
 * - Never possibly delivered (first send, or every earlier attempt certainly never left): sent.
 * - Possibly delivered: asked now (or a reconcile of this drain asked within `FRESH_VERDICT_MS`
 *   and nothing was sent since). Unpaid → sent. Paid → settled by attribution (ours →
 *   registered, a conflict → `bill_paid_elsewhere`), never sent. Tigo cannot say → back to the
 *   queue with backoff, not sent; the gate asks again next time.
 *
 * `askTigo` is the same live question for handlers (`outbox:retry`, `outbox:decide`) that want to
 * tell a supervisor at once; the engine's gate still asks again before it sends.
 */
import type { OutboxItem } from '@main/store/types'
import { settlePaid } from './attribution'
import { noteFor, settleQueued } from './outcomes'
import { billKey, checkBills, type BillWitness } from './reconcile'
import type { DrainContext } from './types'

/** How long an "unpaid" a reconcile read may stand in for the gate's own question. */
export const FRESH_VERDICT_MS = 15_000

export interface LiveAnswer<T> {
  unpaid: T[]
  paid: T[]
  unknown: T[]
  /** Why the first unknown one could not be told. */
  error: unknown
}

/** Asks Tigo, live, whether each item's bill is paid. */
export async function askTigo<T extends { contractId: string; billNo: string }>(
  witness: BillWitness,
  items: readonly T[],
  stopping?: () => boolean
): Promise<LiveAnswer<T>> {
  const answer: LiveAnswer<T> = { unpaid: [], paid: [], unknown: [], error: undefined }
  if (items.length === 0) return answer
  const verdicts = await checkBills(witness, items, stopping)
  for (const item of items) {
    const verdict = verdicts.get(billKey(item))
    if (verdict?.kind === 'unpaid') answer.unpaid.push(item)
    else if (verdict?.kind === 'paid') answer.paid.push(item)
    else {
      if (answer.unknown.length === 0) answer.error = verdict?.error
      answer.unknown.push(item)
    }
  }
  return answer
}

/** Remembers a live "unpaid" so a send right after it need not ask again. */
export function noteUnpaid(ctx: DrainContext, items: readonly OutboxItem[]): void {
  const now = ctx.monotonic()
  for (const item of items) ctx.freshUnpaid.set(billKey(item), now)
}

/**
 * Of `claimed` (state `sending`), the items that may be sent now, in their order. The others are
 * settled here without a request.
 */
export async function gateResends(
  ctx: DrainContext,
  claimed: readonly OutboxItem[]
): Promise<OutboxItem[]> {
  const now = ctx.monotonic()
  for (const [key, at] of ctx.freshUnpaid) {
    if (now - at > FRESH_VERDICT_MS) ctx.freshUnpaid.delete(key)
  }
  const suspects = ctx.outbox.possiblyDelivered(claimed)
  if (suspects.size === 0) return [...claimed]
  const ask: OutboxItem[] = []
  const cleared = new Set<number>()
  for (const item of claimed) {
    if (!suspects.has(item.id)) {
      cleared.add(item.id)
      continue
    }
    const key = billKey(item)
    const at = ctx.freshUnpaid.get(key)
    // Used once: a second send of the bill needs a new answer.
    ctx.freshUnpaid.delete(key)
    if (at !== undefined && now - at <= FRESH_VERDICT_MS) cleared.add(item.id)
    else ask.push(item)
  }
  if (ask.length > 0) {
    const answer = await askTigo(ctx.client, ask, ctx.isStopping)
    for (const item of answer.unpaid) cleared.add(item.id)
    if (answer.unpaid.length > 0 || answer.paid.length > 0) ctx.connectivity.reachable()
    const { unread, error } = await settlePaid(ctx, answer.paid, 'resend held')
    settleQueued(
      ctx,
      answer.unknown,
      noteFor('not sent: Tigo could not say whether the bill is unpaid', answer.error)
    )
    settleQueued(
      ctx,
      unread,
      noteFor('not sent: the bill is paid but its payments could not be read', error)
    )
  }
  return claimed.filter((item) => cleared.has(item.id))
}
