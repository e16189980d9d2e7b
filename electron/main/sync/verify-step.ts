/**
 * Before anything is sent, a bill paid offline from its barcode alone (the customer typed by the
 * cashier, `billNo` still the scanned reference) is looked up with Tigo: the contract's bills
 * must list that reference for that amount, and the customer's contracts must hold that
 * contract.
 *
 * - Match → the item takes Tigo's bill number, is verified, and goes on to the resend gate and
 *   the register request like any other (it was never sent: nothing to reconcile).
 * - Not found, another customer's, another amount, or already paid at Tigo (paid elsewhere while
 *   the till was offline: sending it would register it twice) → rejected with the reason and its
 *   payment flagged for a supervisor; never sent to Tigo.
 * - Tigo cannot say (unreachable, 5xx…) → back to the queue with backoff, not sent.
 */
import type { BillsCollection } from '@shared/api/models'
import { sameReference } from '@shared/domain/bill-barcode'
import { isBillPaid } from '@shared/domain/bill-status'
import { parseIdType } from '@shared/domain/identification'
import { parseApiAmount } from '@shared/domain/money'
import { AppError } from '@shared/errors'
import type { OutboxItem } from '@main/store/types'
import { isNotFoundAtTigo, isTigoError } from '@main/tigo/errors'
import { askOwnership, type Ownership } from '@main/tigo/ownership'
import { noteFor, settleQueued, settleRejected } from './outcomes'
import type { DrainContext } from './types'

/** Leading codes of the rejection reasons; the outbox screen words them (outbox-words.ts). */
export const UNVERIFIED_CODES = {
  notFound: 'bill_unverified_not_found',
  customer: 'bill_unverified_customer',
  amount: 'bill_unverified_amount',
  duplicate: 'bill_unverified_duplicate',
  paid: 'bill_unverified_paid'
} as const

type Check =
  | { kind: 'match'; billNo: string }
  | { kind: 'mismatch'; reason: string }
  | { kind: 'unknown'; error: unknown }

/** Per drain round: one bills list per contract, one ownership answer per customer+contract. */
interface Answers {
  bills: Map<string, Promise<BillsCollection>>
  owners: Map<string, Promise<Ownership>>
}

function unreachable(error: unknown): boolean {
  return isTigoError(error) && error.kind === 'not-sent' && error.status === undefined
}

async function check(ctx: DrainContext, item: OutboxItem, answers: Answers): Promise<Check> {
  const reference = item.reference ?? item.billNo
  const idType = parseIdType(item.idType)
  if (idType === undefined) {
    return { kind: 'mismatch', reason: `${UNVERIFIED_CODES.customer}: unknown id type` }
  }
  let bills: BillsCollection
  try {
    const asked = answers.bills.get(item.contractId) ?? ctx.client.getBills(item.contractId)
    answers.bills.set(item.contractId, asked)
    bills = await asked
  } catch (error) {
    if (isNotFoundAtTigo(error)) {
      return {
        kind: 'mismatch',
        reason: `${UNVERIFIED_CODES.notFound}: no contract ${item.contractId}`
      }
    }
    return { kind: 'unknown', error }
  }
  const bill = bills.find((candidate) => sameReference(candidate.referencePayment, reference))
  if (!bill) {
    return {
      kind: 'mismatch',
      reason: `${UNVERIFIED_CODES.notFound}: contract ${item.contractId} lists no bill ${reference}`
    }
  }
  if (isBillPaid(bill)) {
    return {
      kind: 'mismatch',
      reason: `${UNVERIFIED_CODES.paid}: Tigo has bill ${bill.billNo} as paid`
    }
  }
  let amount: number | undefined
  try {
    amount = parseApiAmount(bill.billAmount)
  } catch {
    amount = undefined
  }
  if (amount !== item.amount) {
    return {
      kind: 'mismatch',
      reason: `${UNVERIFIED_CODES.amount}: Tigo has ${bill.billAmount}, paid ${item.amount}`
    }
  }
  const ownerKey = `${idType}:${item.identification}:${item.contractId}`
  let ownership: Ownership
  try {
    const asked =
      answers.owners.get(ownerKey) ??
      askOwnership(ctx.client, item.contractId, { idType, identification: item.identification })
    answers.owners.set(ownerKey, asked)
    ownership = await asked
  } catch (error) {
    return { kind: 'unknown', error }
  }
  if (ownership.verdict !== 'owns') {
    return {
      kind: 'mismatch',
      reason: `${UNVERIFIED_CODES.customer}: contract ${item.contractId} is not of ${item.idType} ${item.identification}`
    }
  }
  return { kind: 'match', billNo: bill.billNo }
}

function reject(ctx: DrainContext, item: OutboxItem, reason: string): void {
  settleRejected(ctx, [item], reason)
  try {
    ctx.outbox.flagPayments([item], reason)
  } catch (error) {
    ctx.report(error)
  }
}

/**
 * Of `claimed` (state `sending`), the items that may go on to be sent, in their order, the
 * verified ones with Tigo's bill number. The unverified ones that may not are settled here.
 */
export async function verifyScanned(
  ctx: DrainContext,
  claimed: readonly OutboxItem[]
): Promise<OutboxItem[]> {
  if (!claimed.some((item) => item.unverified)) return [...claimed]
  const answers: Answers = { bills: new Map(), owners: new Map() }
  const verified = new Map<number, OutboxItem>()
  let down: unknown
  for (const item of claimed) {
    if (!item.unverified) continue
    if (down === undefined && ctx.isStopping()) down = new Error('the app is stopping')
    const result: Check =
      down === undefined ? await check(ctx, item, answers) : { kind: 'unknown', error: down }
    if (result.kind === 'unknown') {
      // Nothing left this terminal for it: the next drain asks again.
      settleQueued(
        ctx,
        [item],
        noteFor('not sent: could not verify the scanned bill', result.error)
      )
      if (unreachable(result.error) && down === undefined) {
        down = result.error
        ctx.connectivity.unreachable()
      }
    } else if (result.kind === 'mismatch') {
      reject(ctx, item, result.reason)
    } else {
      try {
        verified.set(
          item.id,
          ctx.outbox.markVerified(item.id, result.billNo, `verified as ${result.billNo}`)
        )
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'bill_already_queued') throw error
        reject(
          ctx,
          item,
          `${UNVERIFIED_CODES.duplicate}: bill ${result.billNo} is already in the outbox`
        )
      }
    }
  }
  return claimed.flatMap((item) => {
    if (!item.unverified) return [item]
    const done = verified.get(item.id)
    return done ? [done] : []
  })
}
