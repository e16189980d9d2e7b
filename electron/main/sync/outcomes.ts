/**
 * Writing an outcome: each helper moves items to one state and keeps the engine's in-memory
 * bookkeeping (in-flight set, reconcile deadlines) in step with the database.
 */
import { isAppError } from '@shared/errors'
import type { AttemptNote, OutboxItem } from '@main/store/types'
import { isTigoError } from '@main/tigo/errors'
import { backoffDelay } from './backoff'
import type { DrainContext } from './types'

export function describe(error: unknown): string {
  if (error === undefined) return 'no detail'
  if (isTigoError(error)) return error.message
  if (isAppError(error)) return `${error.code}: ${error.message}`
  if (error instanceof Error) return error.message
  return String(error)
}

/** The note a transition records for a failure (the HTTP status kept for the attempts screen). */
export function noteFor(prefix: string, error: unknown): AttemptNote {
  const detail = `${prefix}: ${describe(error)}`
  const status = isTigoError(error) ? error.status : undefined
  return status === undefined ? detail : { detail, httpStatus: status }
}

function ids(items: readonly OutboxItem[]): number[] {
  return items.map((item) => item.id)
}

function forget(ctx: DrainContext, items: readonly OutboxItem[]): void {
  for (const item of items) {
    ctx.inFlight.delete(item.id)
    ctx.reconcile.dueAt.delete(item.id)
    ctx.reconcile.tries.delete(item.id)
  }
}

export function settleRegistered(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  note: AttemptNote
): void {
  if (items.length === 0) return
  ctx.outbox.markRegistered(ids(items), note)
  forget(ctx, items)
  for (const item of items) ctx.sendAlone.delete(item.id)
  ctx.onRegistered()
  try {
    ctx.cache.markBillsPaid(items.map((item) => item.billNo))
  } catch (error) {
    // The cache is a convenience for offline lookups; the outbox already holds the truth.
    ctx.report(error)
  }
}

export function settleUncertain(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  note: AttemptNote,
  retryAfterMs?: number
): void {
  if (items.length === 0) return
  ctx.outbox.markUncertain(ids(items), note)
  const at = ctx.monotonic() + Math.max(ctx.settings.reconcileDelayMs, retryAfterMs ?? 0)
  for (const item of items) {
    ctx.inFlight.delete(item.id)
    ctx.reconcile.dueAt.set(item.id, at)
  }
}

/** Back to the queue after backoff (the request certainly did not reach Tigo, or must be resent). */
export function settleQueued(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  note: AttemptNote,
  options: { now?: boolean; retryAfterMs?: number } = {}
): void {
  if (items.length === 0) return
  const now = ctx.clock()
  const attempt = items.reduce((max, item) => Math.max(max, item.attempts), 0)
  const at = options.now
    ? now
    : now + backoffDelay(attempt, ctx.policy, ctx.random, options.retryAfterMs)
  ctx.outbox.markQueued(ids(items), at, note)
  forget(ctx, items)
}

export function settleRejected(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  reason: string
): void {
  if (items.length === 0) return
  ctx.outbox.markRejected(ids(items), reason)
  forget(ctx, items)
  for (const item of items) ctx.sendAlone.delete(item.id)
  try {
    ctx.audit?.record('system', 'sync.rejected', {
      reason,
      items: items.map((item) => ({ id: item.id, paymentId: item.paymentId, billNo: item.billNo }))
    })
  } catch (error) {
    ctx.report(error)
  }
}
