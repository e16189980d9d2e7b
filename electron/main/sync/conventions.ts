/**
 * How this Tigo records a payment of ours, learned from registrations it confirmed (`true`).
 * An API may book our payments in its own words ("EFECTIVO", "CAJA") whatever we sent; one that
 * echoes ours tells us so too. Once a few confirmed registrations agree, a payment in other
 * words is someone else's; while nothing is learned (or the samples disagree) the words are no
 * evidence either way and attribution rests on dates and amounts (attribution.ts).
 */
import type { Payment } from '@shared/api/models'

export interface PaymentWords {
  paymentMethod: string | undefined
  bankingEntity: string | undefined
}

export interface Conventions {
  /** The words confirmed registrations of `method` agree on, if any. */
  wordsFor(method: string): PaymentWords | undefined
  /** True while a confirmed registration of `method` is worth a look at its payments. */
  wants(method: string): boolean
  learn(method: string, words: PaymentWords): void
}

/** Samples before the words count (a later one that disagrees makes them untrusted). */
export const SAMPLES_TO_TRUST = 1
const MAX_SAMPLES = 3

export function wordsOf(payment: Payment): PaymentWords {
  const clean = (value: string | undefined): string | undefined => {
    const trimmed = value?.trim()
    return trimmed ? trimmed : undefined
  }
  return {
    paymentMethod: clean(payment.paymentMethod),
    bankingEntity: clean(payment.bankingEntity)
  }
}

export function sameWords(a: PaymentWords, b: PaymentWords): boolean {
  return a.paymentMethod === b.paymentMethod && a.bankingEntity === b.bankingEntity
}

export function createConventions(): Conventions {
  const learned = new Map<string, { words: PaymentWords; samples: number } | 'inconsistent'>()
  return {
    wordsFor(method) {
      const entry = learned.get(method)
      if (entry === undefined || entry === 'inconsistent') return undefined
      return entry.samples >= SAMPLES_TO_TRUST ? entry.words : undefined
    },
    wants(method) {
      const entry = learned.get(method)
      return entry === undefined || (entry !== 'inconsistent' && entry.samples < MAX_SAMPLES)
    },
    learn(method, words) {
      const entry = learned.get(method)
      if (entry === 'inconsistent') return
      if (entry === undefined) {
        learned.set(method, { words, samples: 1 })
        return
      }
      // Words that change from one payment of ours to the next tell nothing about whose it is.
      learned.set(
        method,
        sameWords(entry.words, words) ? { words, samples: entry.samples + 1 } : 'inconsistent'
      )
    }
  }
}
