/**
 * "The bill is paid" is not "our payment went through": another office may have paid the same
 * bill while our request was lost. Before a paid bill settles one of our items as registered,
 * one of its payments must be plausibly ours, on evidence that does not need Tigo to echo our
 * fields:
 * - the bill was unpaid when we sent (a payment is taken only for a bill the lookup had unpaid,
 *   and a resend only after the gate saw it unpaid, live);
 * - the payment is dated on or after the Bogotá day of our first send (in whatever date format
 *   this Tigo writes, payment-day.ts);
 * - where the payment carries an amount, it is the amount we sent;
 * - where Tigo's words are known, they are ours: either it echoes what we sent
 *   (`bankingEntity: Caja <terminal>`), or they are the words its confirmed registrations of ours
 *   agreed on (conventions.ts). Words other than those are someone else's payment.
 * What fails a test is a real conflict, for a supervisor (`bill_paid_elsewhere`).
 */
import type { Payment } from '@shared/api/models'
import type { OutboxItem } from '@main/store/types'
import { sameWords, wordsOf, type Conventions, type PaymentWords } from './conventions'
import { settleRegistered, settleRejected } from './outcomes'
import { bogotaDay, paymentBogotaDay } from './payment-day'
import { realPayments, type BillWitness } from './reconcile'
import type { DrainContext, SyncOutbox } from './types'

export { bogotaDay }

export type Attribution =
  { kind: 'ours' } | { kind: 'elsewhere'; why: string } | { kind: 'unknown'; error: unknown }

/** What the register request sends as `paymentData.bankingEntity`, so Tigo's record names us. */
export function bankingEntityFor(terminalId: string): string {
  return `Caja ${terminalId}`
}

export interface OurPayment {
  /** Bogotá day (YYYY-MM-DD) of our first attempt to send this bill. */
  since: string
  method: string
  bankingEntity: string
  /** Pesos we sent for the bill. */
  amount: number
}

/** Stands for "the words we sent" in learned words: terminals differ, the echo does not. */
export const ECHO = '\u0000echo'

const AMOUNT_FIELDS = ['amount', 'paymentAmount', 'billAmount', 'value'] as const

/** The amount a payment carries, when this Tigo reports one (the seed's `Payment` has none). */
function paymentAmount(payment: Payment): number | undefined {
  for (const field of AMOUNT_FIELDS) {
    const raw: unknown = payment[field]
    const value = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : NaN
    if (Number.isFinite(value)) return value
  }
  return undefined
}

/** Why `payment` is not ours, or undefined when it may be. */
export function whyNotOurs(
  payment: Payment,
  ours: OurPayment,
  learned: ReturnType<Conventions['wordsFor']>
): string | undefined {
  const day = paymentBogotaDay(payment.paymentDay)
  if (day === undefined) return `payment dated "${payment.paymentDay ?? ''}", not a date`
  if (day < ours.since) return `payment dated ${day}, before our first send (${ours.since})`
  const amount = paymentAmount(payment)
  if (amount !== undefined && amount !== ours.amount) {
    return `payment of ${amount}, we sent ${ours.amount}`
  }
  const words = relativeWords(wordsOf(payment), ours)
  // Tigo echoed what we sent: ours, whatever it learned.
  if (words.bankingEntity === ECHO) {
    return words.paymentMethod === undefined || words.paymentMethod === ECHO
      ? undefined
      : `payment method ${words.paymentMethod}, we sent ${ours.method}`
  }
  if (learned !== undefined && !sameWords(words, learned)) {
    return `recorded as ${show(words)}, this Tigo records ours as ${show(learned)}`
  }
  return undefined
}

function relativeWords(words: PaymentWords, ours: OurPayment): PaymentWords {
  return {
    paymentMethod: words.paymentMethod === ours.method ? ECHO : words.paymentMethod,
    bankingEntity: words.bankingEntity === ours.bankingEntity ? ECHO : words.bankingEntity
  }
}

function show(words: PaymentWords): string {
  const one = (value: string | undefined): string => (value === ECHO ? '(ours)' : (value ?? '-'))
  return `${one(words.paymentMethod)}/${one(words.bankingEntity)}`
}

/** Our side of the item: when we first tried to send it, how, and under which name. */
export function ourPayment(
  outbox: Pick<SyncOutbox, 'attempts'>,
  item: Pick<OutboxItem, 'id' | 'method' | 'terminalId' | 'createdAt' | 'amount'>
): OurPayment {
  const sent = outbox.attempts(item.id).filter((attempt) => attempt.toState === 'sending')
  const first = sent.reduce((min, attempt) => Math.min(min, attempt.at), Number.POSITIVE_INFINITY)
  return {
    since: bogotaDay(Number.isFinite(first) ? first : item.createdAt),
    method: item.method,
    bankingEntity: bankingEntityFor(item.terminalId),
    amount: item.amount
  }
}

/** Asks Tigo for each item's bill payments; one question per item, one after another. */
export async function attributePaid(
  witness: Pick<BillWitness, 'getBillPayments'>,
  outbox: Pick<SyncOutbox, 'attempts'>,
  items: readonly OutboxItem[],
  conventions?: Pick<Conventions, 'wordsFor'>
): Promise<Map<number, Attribution>> {
  const result = new Map<number, Attribution>()
  for (const item of items) {
    try {
      const payments = realPayments(await witness.getBillPayments(item.contractId, item.billNo))
      const ours = ourPayment(outbox, item)
      const learned = conventions?.wordsFor(item.method)
      const reasons = payments.map((payment) => whyNotOurs(payment, ours, learned))
      const match = reasons.some((reason) => reason === undefined)
      result.set(
        item.id,
        match
          ? { kind: 'ours' }
          : { kind: 'elsewhere', why: reasons.filter(Boolean).join('; ') || 'no payment listed' }
      )
    } catch (error) {
      result.set(item.id, { kind: 'unknown', error })
    }
  }
  return result
}

export interface SettledPaid {
  registered: OutboxItem[]
  elsewhere: OutboxItem[]
  /** Payments could not be read: nothing written for these. */
  unread: OutboxItem[]
  error: unknown
}

/**
 * Settles items whose bill Tigo reports paid: ours → registered; a real conflict → rejected
 * `bill_paid_elsewhere` for a supervisor. Returns the items whose payments could not be read,
 * with the error, for the caller to keep or requeue.
 */
export async function settlePaid(
  ctx: DrainContext,
  items: readonly OutboxItem[],
  context: string
): Promise<SettledPaid> {
  if (items.length === 0) return { registered: [], elsewhere: [], unread: [], error: undefined }
  const attribution = await attributePaid(ctx.client, ctx.outbox, items, ctx.conventions)
  const ours: OutboxItem[] = []
  const elsewhere: OutboxItem[] = []
  const unread: OutboxItem[] = []
  let error: unknown
  for (const item of items) {
    const who = attribution.get(item.id)
    if (who?.kind === 'ours') ours.push(item)
    else if (who?.kind === 'elsewhere') {
      elsewhere.push(item)
      settleRejected(
        ctx,
        [item],
        `bill_paid_elsewhere: ${context}: Tigo has the bill as paid, by no payment of ours (${who.why})`
      )
    } else {
      unread.push(item)
      error = who?.error
    }
  }
  settleRegistered(ctx, ours, `${context}: Tigo has the bill as paid, by a payment of ours`)
  return { registered: ours, elsewhere, unread, error }
}

/**
 * After Tigo answered `true`: while this Tigo's words for our payments are not known, read the
 * payments of one such bill and remember how it recorded ours. A few reads per process at most.
 */
export async function learnFromConfirmed(
  ctx: DrainContext,
  accepted: readonly OutboxItem[]
): Promise<void> {
  const looked = new Set<string>()
  for (const item of accepted) {
    if (looked.has(item.method) || !ctx.conventions.wants(item.method)) continue
    looked.add(item.method)
    try {
      const payments = realPayments(await ctx.client.getBillPayments(item.contractId, item.billNo))
      const ours = ourPayment(ctx.outbox, item)
      const fresh = payments.filter((payment) => {
        const day = paymentBogotaDay(payment.paymentDay)
        return day !== undefined && day >= ours.since
      })
      // Two payments since our send: which one is ours is exactly what we cannot tell.
      const [only] = fresh
      if (fresh.length === 1 && only) {
        ctx.conventions.learn(item.method, relativeWords(wordsOf(only), ours))
      }
    } catch {
      // Learning only sharpens attribution; a failed read leaves it as it was.
    }
  }
}
