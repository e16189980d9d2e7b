/**
 * One round of a drain: the claimed items, grouped into register requests, sent and settled.
 * Items Tigo accepted are handed back, not written: the engine writes them in the transaction
 * that claims the next round, so a round costs one disk flush, not two.
 *
 * How each answer settles an item:
 * - `true`                      → registered.
 * - `false`, or a 4xx for one bill → ask Tigo about the bill: paid, an earlier attempt of ours
 *                                 was lost and the bill's payments hold one plausibly ours →
 *                                 registered; paid otherwise → rejected `bill_paid_elsewhere`
 *                                 (refund case); unpaid → rejected with Tigo's reason; can't
 *                                 tell → queued with backoff (a "no" registered nothing), or
 *                                 uncertain when an earlier attempt may have gone through.
 * - a 4xx for several bills     → each bill queued now as a request of its own: one bad bill
 *                                 must not take the good ones down with it.
 * - bill missing from answer    → uncertain.
 * - timeout, reset, 5xx, unreadable answer → uncertain (reconciled later, never resent blind).
 *   A 5xx that carries Retry-After also stops the round.
 * - refused, DNS, no token, 429, 401 after a fresh token → queued with backoff (never processed),
 *   and the rest of the round waits at least as long as a Retry-After says.
 */
import type { RegisterPaymentResponse } from '@shared/api/models'
import { isAppError } from '@shared/errors'
import type { OutboxItem } from '@main/store/types'
import { isTigoError, type TigoError } from '@main/tigo/errors'
import { describe, noteFor, settleQueued, settleRejected, settleUncertain } from './outcomes'
import { settlePaid } from './attribution'
import { billKey, checkBills } from './reconcile'
import { answerFor, buildRegisterBody, groupForRegister, groupIdType } from './register-request'
import type { RegisterGroup } from './register-request'
import { gateResends } from './resend-gate'
import type { DrainContext, SyncSettings } from './types'
import { verifyScanned } from './verify-step'

/** `halt-unreachable`: the round stopped on a failure with no HTTP answer at all. */
export type RoundOutcome = 'continue' | 'halt' | 'halt-unreachable'

export interface RoundResult {
  outcome: RoundOutcome
  /** Answered `true` by Tigo, still `sending` in the database: the caller must write them. */
  accepted: OutboxItem[]
}

interface Halt {
  reason: string
  /** No HTTP status came back: the link itself may be down. */
  transport: boolean
  /** Tigo asked us to wait this long before the next request. */
  retryAfterMs?: number
}

/** How many register requests a round keeps in flight at once. */
export function requestWidth(settings: SyncSettings): number {
  return Math.max(1, Math.trunc(settings.parallelRequests ?? 1))
}

/** Sends every group of `claimed`; stops early when Tigo is unreachable or busy. */
export async function sendRound(
  ctx: DrainContext,
  claimed: readonly OutboxItem[]
): Promise<RoundResult> {
  // A bill paid offline from its barcode alone goes out only once Tigo confirms it is that
  // customer's, for that amount; then, like every bill, a possible resend only past the gate.
  const verified = await verifyScanned(ctx, claimed)
  const cleared = await gateResends(ctx, verified)
  const groups = groupForRegister(cleared, ctx.settings.batchSize, ctx.sendAlone)
  const width = requestWidth(ctx.settings)
  let next = 0
  let halted: (Halt & { backoff: boolean }) | undefined
  const accepted: OutboxItem[] = []

  async function worker(): Promise<void> {
    for (;;) {
      if (halted) return
      if (ctx.isStopping()) {
        halted = { reason: 'engine stopping', transport: false, backoff: false }
        return
      }
      const group = groups[next]
      if (!group) return
      next += 1
      const outcome = await sendGroup(ctx, group, accepted)
      if (outcome !== undefined && !halted) halted = { ...outcome, backoff: true }
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, groups.length) }, worker))

  const unsent = groups.slice(next).flatMap((group) => group.items)
  if (unsent.length > 0 && halted) {
    settleQueued(ctx, unsent, `not sent: the round stopped (${halted.reason})`, {
      now: !halted.backoff,
      ...(halted.retryAfterMs !== undefined ? { retryAfterMs: halted.retryAfterMs } : {})
    })
  }
  if (!halted) return { outcome: 'continue', accepted }
  return { outcome: halted.transport ? 'halt-unreachable' : 'halt', accepted }
}

/** Returns why the rest of the round should not be sent now, if it should not. */
async function sendGroup(
  ctx: DrainContext,
  group: RegisterGroup,
  accepted: OutboxItem[]
): Promise<Halt | undefined> {
  const idType = groupIdType(group)
  if (idType === undefined) {
    settleRejected(ctx, group.items, `invalid_id_type: unknown identification type ${group.idType}`)
    return undefined
  }
  let answer: RegisterPaymentResponse
  try {
    answer = await ctx.client.registerPayment(
      idType,
      group.identification,
      buildRegisterBody(group)
    )
  } catch (error) {
    return onFailure(ctx, group.items, error)
  }
  ctx.connectivity.reachable()
  await onAnswer(ctx, group.items, answer, accepted)
  return undefined
}

async function onAnswer(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  answer: RegisterPaymentResponse,
  accepted: OutboxItem[]
): Promise<void> {
  const refused: OutboxItem[] = []
  const silent: OutboxItem[] = []
  for (const item of items) {
    const verdict = answerFor(answer, item)
    if (verdict === true) accepted.push(item)
    else if (verdict === false) refused.push(item)
    else silent.push(item)
  }
  settleUncertain(ctx, silent, 'Tigo answered without this bill')
  await decideRefused(ctx, refused, 'register_refused', 'Tigo answered false for this bill')
}

async function onFailure(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  error: unknown
): Promise<Halt | undefined> {
  if (isAppError(error)) {
    // The client refused to build the request: nothing left this terminal.
    settleRejected(ctx, items, `invalid_request: ${describe(error)}`)
    return undefined
  }
  if (!isTigoError(error)) {
    settleUncertain(ctx, items, noteFor('unexpected failure', error))
    return undefined
  }
  if (error.status !== undefined) ctx.connectivity.reachable()
  if (error.endpoint === 'token') return notSent(ctx, items, error)
  switch (error.kind) {
    case 'not-sent':
      return notSent(ctx, items, error)
    case 'uncertain':
      settleUncertain(ctx, items, noteFor('may have reached Tigo', error), error.retryAfterMs)
      // A timeout or a reset says the link is struggling: don't pile more requests on it.
      if (error.status === undefined) return { reason: describe(error), transport: true }
      // A busy server that says when to come back is obeyed for the whole round.
      if (error.retryAfterMs !== undefined) {
        return { reason: describe(error), transport: false, retryAfterMs: error.retryAfterMs }
      }
      return undefined
    case 'invalid-response':
      settleUncertain(ctx, items, noteFor('unreadable answer', error))
      return undefined
    case 'rejected':
      if (error.status === 401 || error.status === 403) return notSent(ctx, items, error)
      if (items.length > 1) {
        // Which bill Tigo objected to is unknown: each goes again alone, so only it is refused.
        settleQueued(ctx, items, noteFor('refused with other bills; sending it alone', error), {
          now: true
        })
        for (const item of items) ctx.sendAlone.add(item.id)
        return undefined
      }
      await decideRefused(
        ctx,
        items,
        'api_rejected',
        `HTTP ${error.status ?? '?'}${error.apiMessage ? ` ${error.apiMessage}` : ''}`
      )
      return undefined
  }
}

function notSent(ctx: DrainContext, items: readonly OutboxItem[], error: TigoError): Halt {
  settleQueued(ctx, items, noteFor('not sent', error), {
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {})
  })
  if (error.status === undefined && error.kind === 'not-sent') ctx.connectivity.unreachable()
  return {
    reason: describe(error),
    transport: error.status === undefined,
    ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {})
  }
}

/** Tigo said no: find out whether the bill is paid before calling it rejected. */
async function decideRefused(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  code: string,
  text: string
): Promise<void> {
  if (items.length === 0) return
  const verdicts = await checkBills(ctx.client, items, ctx.isStopping)
  // An earlier request of ours for the bill may be the payment on it (resend-gate.ts's test).
  const earlier = ctx.outbox.possiblyDelivered(items)
  const lostAndPaid: OutboxItem[] = []
  const paidElsewhere: OutboxItem[] = []
  const refused: OutboxItem[] = []
  const unknown: OutboxItem[] = []
  let unknownError: unknown
  for (const item of items) {
    const verdict = verdicts.get(billKey(item))
    if (verdict?.kind === 'paid') {
      if (earlier.has(item.id)) lostAndPaid.push(item)
      else paidElsewhere.push(item)
    } else if (verdict?.kind === 'unpaid') {
      refused.push(item)
    } else {
      unknown.push(item)
      unknownError = verdict?.error
    }
  }
  // Paid after a lost attempt: ours only if the bill's payments hold one that may be ours.
  const settled = await settlePaid(ctx, lostAndPaid, `${text}; an earlier attempt may have landed`)
  settleRejected(ctx, paidElsewhere, `bill_paid_elsewhere: ${text}; the bill was already paid`)
  settleRejected(ctx, refused, `${code}: ${text}`)
  // The lost attempt may be the payment on the bill: only a later reconcile may tell.
  settleUncertain(
    ctx,
    settled.unread,
    noteFor(`${text}; the bill is paid but its payments could not be read`, settled.error)
  )
  // Tigo's "no" was an answer (nothing was registered by that request), so asking again later
  // is safe.
  settleQueued(
    ctx,
    unknown,
    noteFor(`${text}; could not check the bill, will try again`, unknownError)
  )
}
