/**
 * The reconcile pass of a drain: every uncertain item whose wait is over is checked against
 * Tigo. Paid with a payment plausibly ours → registered; paid by someone else → rejected
 * `bill_paid_elsewhere` (a supervisor's refund case); unpaid → queued to be resent now; Tigo
 * unreachable or unclear → stays uncertain and is asked again later (with backoff), never resent
 * blind. After `supervisorAfterReconciles` undecided passes the item is flagged for a supervisor.
 */
import type { OutboxItem } from '@main/store/types'
import { isTigoError } from '@main/tigo/errors'
import { settlePaid } from './attribution'
import { backoffDelay } from './backoff'
import { describe, settleQueued } from './outcomes'
import { billKey, checkBills, type BillVerdict } from './reconcile'
import { noteUnpaid } from './resend-gate'
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

  const verdicts = await checkBills(ctx.client, due, ctx.isStopping)
  const billPaid: OutboxItem[] = []
  const unpaid: OutboxItem[] = []
  const undecided: { item: OutboxItem; verdict: BillVerdict | undefined }[] = []
  for (const item of due) {
    const verdict = verdicts.get(billKey(item))
    if (verdict?.kind === 'paid') billPaid.push(item)
    else if (verdict?.kind === 'unpaid') unpaid.push(item)
    else undecided.push({ item, verdict })
  }
  // Paid: ours or a conflict, by attribution; payments unreadable → stays undecided.
  const settled = await settlePaid(ctx, billPaid, 'reconciled')
  for (const item of settled.unread) {
    undecided.push({ item, verdict: { kind: 'unknown', error: settled.error } })
  }
  settleQueued(ctx, unpaid, 'reconciled: Tigo has the bill as unpaid; resending', { now: true })
  // The gate may send these at once on the strength of this live answer.
  noteUnpaid(ctx, unpaid)
  const decided = settled.registered.length + settled.elsewhere.length + unpaid.length
  if (decided > 0) {
    try {
      ctx.audit?.record('system', 'sync.reconciled', {
        registered: settled.registered.map((item) => ({ id: item.id, billNo: item.billNo })),
        paidElsewhere: settled.elsewhere.map((item) => ({ id: item.id, billNo: item.billNo })),
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
  const answered = decided > 0
  if (answered) ctx.connectivity.reachable()
  else if (unreachable) ctx.connectivity.unreachable()
  return answered
}
