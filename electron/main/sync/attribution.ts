/**
 * "The bill is paid" is not "our payment went through": another office may have paid the same
 * bill while our request was lost. Before a paid bill settles one of our uncertain items as
 * registered, the bill's payments must hold one that is plausibly ours: booked on or after the
 * day of our first attempt (Bogotá time) and, where Tigo echoes them, with our payment method and
 * our `bankingEntity` (`Caja <terminalId>`, sent in every register request).
 */
import type { Payment } from '../../../shared/api/models'
import type { OutboxItem } from '../store/types'
import { realPayments, type BillWitness } from './reconcile'
import type { SyncOutbox } from './types'

export type Attribution =
  { kind: 'ours' } | { kind: 'elsewhere' } | { kind: 'unknown'; error: unknown }

const BOGOTA_OFFSET_MS = -5 * 3_600_000

/** What the register request sends as `paymentData.bankingEntity`, so Tigo's record names us. */
export function bankingEntityFor(terminalId: string): string {
  return `Caja ${terminalId}`
}

export function bogotaDay(ms: number): string {
  return new Date(ms + BOGOTA_OFFSET_MS).toISOString().slice(0, 10)
}

export interface OurPayment {
  /** Bogotá day (YYYY-MM-DD) of our first attempt to send this bill. */
  since: string
  method: string
  bankingEntity: string
}

export function isPlausiblyOurs(payment: Payment, ours: OurPayment): boolean {
  const day = payment.paymentDay?.trim().slice(0, 10)
  if (!day || day < ours.since) return false
  if (payment.paymentMethod !== undefined && payment.paymentMethod !== ours.method) return false
  if (payment.bankingEntity !== undefined && payment.bankingEntity !== ours.bankingEntity) {
    return false
  }
  return true
}

/** Our side of the item: when we first tried to send it, how, and under which name. */
export function ourPayment(
  outbox: Pick<SyncOutbox, 'attempts'>,
  item: Pick<OutboxItem, 'id' | 'method' | 'terminalId' | 'createdAt'>
): OurPayment {
  const sent = outbox.attempts(item.id).filter((attempt) => attempt.toState === 'sending')
  const first = sent.reduce((min, attempt) => Math.min(min, attempt.at), Number.POSITIVE_INFINITY)
  return {
    since: bogotaDay(Number.isFinite(first) ? first : item.createdAt),
    method: item.method,
    bankingEntity: bankingEntityFor(item.terminalId)
  }
}

/** Asks Tigo for each item's bill payments; one question per item, one after another. */
export async function attributePaid(
  witness: Pick<BillWitness, 'getBillPayments'>,
  outbox: Pick<SyncOutbox, 'attempts'>,
  items: readonly OutboxItem[]
): Promise<Map<number, Attribution>> {
  const result = new Map<number, Attribution>()
  for (const item of items) {
    try {
      const payments = realPayments(await witness.getBillPayments(item.contractId, item.billNo))
      const ours = ourPayment(outbox, item)
      result.set(item.id, {
        kind: payments.some((payment) => isPlausiblyOurs(payment, ours)) ? 'ours' : 'elsewhere'
      })
    } catch (error) {
      result.set(item.id, { kind: 'unknown', error })
    }
  }
  return result
}
