/**
 * The reconcile pass of a drain: every uncertain item whose wait is over is checked against
 * Tigo. Paid with a payment plausibly ours → registered; paid by someone else → rejected
 * `bill_paid_elsewhere` (a supervisor's refund case); unpaid → queued to be resent now; Tigo
 * unreachable or unclear → stays uncertain and is asked again later (with backoff), never resent
 * blind. After `supervisorAfterReconciles` undecided passes the item is flagged for a supervisor.
 */
import type { OutboxItem } from '../store/types'
import { isTigoError } from '../tigo/errors'
import { attributePaid } from './attribution'
import { backoffDelay } from './backoff'
import { describe, settleQueued, settleRegistered, settleRejected } from './outcomes'
import { billKey, checkBills, type BillVerdict } from './reconcile'
import type { DrainContext } from './types'

/** Bounds one pass; the rest waits for the next drain. */
const MAX_ITEMS_PER_PASS = 500
export const DEFAULT_SUPERVISOR_AFTER_RECONCILES = 5

/** Returns true when Tigo answered at least one question (the link works). */
export async function reconcileUncertain(ctx: DrainContext): Promise<boolean> {
  const { reconcile } = ctx
  const now = ctx.monotonic()
  const uncertain = ctx.outbox.listUncertain()
  const present = new Set(uncertain.map((item) => item.id))
  for (const id of [...reconcile.dueAt.keys()]) {
    if (!present.has(id)) {
      reconcile.dueAt.delete(id)
      reconcile.tries.delete(id)
    }
  }
  const due: OutboxItem[] = []
  for (const item of uncertain) {
    let at = reconcile.dueAt.get(item.id)
    if (at === undefined) {
      // Left uncertain by an earlier run: its request's fate is settled only after a full delay.
      at = now + ctx.settings.reconcileDelayMs
      reconcile.dueAt.set(item.id, at)
    }
    if (at <= now && due.length < MAX_ITEMS_PER_PASS) due.push(item)
  }
  if (due.length === 0) return false

  const verdicts = await checkBills(ctx.client, due)
  const billPaid: OutboxItem[] = []
  const unpaid: OutboxItem[] = []
  const undecided: { item: OutboxItem; verdict: BillVerdict | undefined }[] = []
  for (const item of due) {
    const verdict = verdicts.get(billKey(item))
    if (verdict?.kind === 'paid') billPaid.push(item)
    else if (verdict?.kind === 'unpaid') unpaid.push(item)
    else undecided.push({ item, verdict })
  }
  const paid: OutboxItem[] = []
  const elsewhere: OutboxItem[] = []
  const attribution = await attributePaid(ctx.client, ctx.outbox, billPaid)
  for (const item of billPaid) {
    const who = attribution.get(item.id)
    if (who?.kind === 'ours') paid.push(item)
    else if (who?.kind === 'elsewhere') elsewhere.push(item)
    else undecided.push({ item, verdict: { kind: 'unknown', error: who?.error } })
  }

  settleRegistered(ctx, paid, 'reconciled: Tigo has the bill as paid, by a payment of ours')
  settleRejected(
    ctx,
    elsewhere,
    'bill_paid_elsewhere: reconciled: Tigo has the bill as paid, but by no payment of ours'
  )
  settleQueued(ctx, unpaid, 'reconciled: Tigo has the bill as unpaid; resending', { now: true })
  if (paid.length > 0 || unpaid.length > 0 || elsewhere.length > 0) {
    try {
      ctx.audit?.record('system', 'sync.reconciled', {
        registered: paid.map((item) => ({ id: item.id, billNo: item.billNo })),
        paidElsewhere: elsewhere.map((item) => ({ id: item.id, billNo: item.billNo })),
        resent: unpaid.map((item) => ({ id: item.id, billNo: item.billNo }))
      })
    } catch (error) {
      ctx.report(error)
    }
  }

  let unreachable = false
  if (undecided.length > 0) {
    const later = ctx.monotonic()
    const first = undecided[0]?.verdict
    const error = first?.kind === 'unknown' ? first.error : undefined
    unreachable = isTigoError(error) && error.kind === 'not-sent' && error.status === undefined
    ctx.outbox.recordReconcile(
      undecided.map(({ item }) => item.id),
      `reconcile could not decide: ${describe(error)}`
    )
    const limit = ctx.settings.supervisorAfterReconciles ?? DEFAULT_SUPERVISOR_AFTER_RECONCILES
    const stuck: number[] = []
    for (const { item } of undecided) {
      const tries = (reconcile.tries.get(item.id) ?? 0) + 1
      reconcile.tries.set(item.id, tries)
      if (tries === limit) stuck.push(item.id)
      const wait = Math.max(ctx.policy.baseMs, backoffDelay(tries, ctx.policy, ctx.random))
      reconcile.dueAt.set(item.id, later + wait)
    }
    if (stuck.length > 0) {
      try {
        ctx.outbox.flagForSupervisor(stuck, `${limit} reconciles could not decide`)
      } catch (error) {
        ctx.report(error)
      }
    }
  }
  const answered = paid.length > 0 || unpaid.length > 0 || elsewhere.length > 0
  if (answered) ctx.connectivity.reachable()
  else if (unreachable) ctx.connectivity.unreachable()
  return answered
}
