/**
 * Whose payment is it? Evidence that does not need Tigo to echo our fields: the payment's day
 * (in whatever format this Tigo writes it), its amount where it has one, and its words when the
 * engine has learned how this Tigo records ours.
 */
import { describe, expect, it } from 'vitest'
import { ECHO, whyNotOurs, type OurPayment } from '@main/sync/attribution'
import { createConventions } from '@main/sync/conventions'
import { paymentBogotaDay } from '@main/sync/payment-day'

const ours: OurPayment = {
  since: '2026-12-01',
  method: 'cash',
  bankingEntity: 'Caja T-1',
  amount: 125_000
}

describe('paymentBogotaDay', () => {
  it('reads the day each way an API may write it, as the day it means in Bogotá', () => {
    expect(paymentBogotaDay('2026-12-01')).toBe('2026-12-01')
    // 02:30 UTC on the 2nd is still the evening of the 1st in Bogotá (UTC−5).
    expect(paymentBogotaDay('2026-12-02T02:30:00Z')).toBe('2026-12-01')
    expect(paymentBogotaDay('2026-12-02T02:30:00+00:00')).toBe('2026-12-01')
    expect(paymentBogotaDay('2026-12-01T21:30:00-05:00')).toBe('2026-12-01')
    expect(paymentBogotaDay('2026-12-01 21:30')).toBe('2026-12-01')
    expect(paymentBogotaDay('01/12/2026')).toBe('2026-12-01')
    expect(paymentBogotaDay('1-12-2026 09:15')).toBe('2026-12-01')
    expect(paymentBogotaDay('20261201')).toBe('2026-12-01')
    expect(paymentBogotaDay(String(Date.parse('2026-12-01T15:00:00Z')))).toBe('2026-12-01')
  })

  it('is undefined for what is not a date', () => {
    for (const value of [undefined, '', 'ayer', '2026-13-01', '31/02/2026', '2026-12']) {
      expect(paymentBogotaDay(value)).toBeUndefined()
    }
  })
})

describe('whyNotOurs', () => {
  it("takes a payment in the API's own words, dated since our send, as ours while nothing is learned", () => {
    const theirs = {
      paymentDay: '2026-12-02T02:30:00Z',
      paymentMethod: 'EFECTIVO',
      bankingEntity: 'CAJA'
    }
    expect(whyNotOurs(theirs, ours, undefined)).toBeUndefined()
    expect(whyNotOurs({ paymentDay: '2026-12-01' }, ours, undefined)).toBeUndefined()
  })

  it('sees a real conflict in a payment dated before our send or for another amount', () => {
    expect(whyNotOurs({ paymentDay: '2026-11-30' }, ours, undefined)).toMatch(
      /before our first send/
    )
    expect(whyNotOurs({ paymentDay: '2026-12-01', amount: '99000' }, ours, undefined)).toMatch(
      /payment of 99000/
    )
    expect(whyNotOurs({ paymentDay: 'pronto' }, ours, undefined)).toMatch(/not a date/)
    expect(
      whyNotOurs({ paymentDay: '2026-12-01', paymentAmount: 125_000 }, ours, undefined)
    ).toBeUndefined()
  })

  it('once this Tigo is known to echo our words, other words are another office', () => {
    const conventions = createConventions()
    conventions.learn('cash', { paymentMethod: ECHO, bankingEntity: ECHO })
    const learned = conventions.wordsFor('cash')
    const echoed = { paymentDay: '2026-12-01', paymentMethod: 'cash', bankingEntity: 'Caja T-1' }
    expect(whyNotOurs(echoed, ours, learned)).toBeUndefined()
    // For an item of terminal T-2, a payment naming T-1 is not its own.
    expect(whyNotOurs(echoed, { ...ours, bankingEntity: 'Caja T-2' }, learned)).toMatch(
      /recorded as/
    )
    expect(
      whyNotOurs(
        { paymentDay: '2026-12-01', paymentMethod: 'EFECTIVO', bankingEntity: 'Punto de pago' },
        ours,
        learned
      )
    ).toMatch(/records ours as \(ours\)\/\(ours\)/)
  })

  it("once this Tigo's own words for ours are learned, a payment in those words is ours", () => {
    const conventions = createConventions()
    conventions.learn('cash', { paymentMethod: 'EFECTIVO', bankingEntity: 'CAJA' })
    const learned = conventions.wordsFor('cash')
    const recorded = { paymentDay: '2026-12-01', paymentMethod: 'EFECTIVO', bankingEntity: 'CAJA' }
    expect(whyNotOurs(recorded, ours, learned)).toBeUndefined()
    expect(whyNotOurs({ ...recorded, bankingEntity: 'Bancolombia' }, ours, learned)).toMatch(
      /recorded as EFECTIVO\/Bancolombia/
    )
  })

  it('stops trusting learned words that disagree between payments of ours', () => {
    const conventions = createConventions()
    conventions.learn('cash', { paymentMethod: 'EFECTIVO', bankingEntity: 'CAJA' })
    expect(conventions.wordsFor('cash')).toBeDefined()
    conventions.learn('cash', { paymentMethod: 'EFECTIVO', bankingEntity: 'CAJA 2' })
    expect(conventions.wordsFor('cash')).toBeUndefined()
    expect(conventions.wants('cash')).toBe(false)
    expect(conventions.wants('debit_card')).toBe(true)
  })
})
