import { describe, expect, it } from 'vitest'
import {
  canRetry,
  commonDecisions,
  decisionsFor,
  matchesFilter,
  openFirst,
  parseDayInput,
  toOutboxQuery
} from '@renderer/lib/outbox-rules'

describe('outbox rules', () => {
  it('offers a retry only for what the sync engine may resend', () => {
    expect(canRetry({ state: 'rejected', flagged: false, rejectedReason: 'api_rejected' })).toBe(
      true
    )
    expect(canRetry({ state: 'queued', flagged: true })).toBe(true)
    expect(canRetry({ state: 'uncertain', flagged: false })).toBe(false)
    expect(canRetry({ state: 'uncertain', flagged: true })).toBe(false)
    expect(canRetry({ state: 'registered', flagged: false })).toBe(false)
    expect(canRetry({ state: 'sending', flagged: true })).toBe(false)
  })

  it('offers no retry for a bill Tigo reports paid: a supervisor decides it', () => {
    const paid = {
      state: 'rejected' as const,
      flagged: false,
      rejectedReason: 'bill_paid_elsewhere: reconciled'
    }
    expect(canRetry(paid)).toBe(false)
    expect(decisionsFor(paid)).toEqual(['registered'])
    expect(decisionsFor({ state: 'uncertain', flagged: true })).toEqual(['registered', 'resend'])
    expect(commonDecisions([paid, { state: 'uncertain', flagged: true }])).toEqual(['registered'])
    expect(commonDecisions([{ state: 'queued', flagged: false }])).toEqual([])
  })

  it('turns local calendar days into an inclusive range of instants', () => {
    const query = toOutboxQuery({ state: 'queued', from: '2025-03-01', to: '2025-03-01' })
    expect(query.states).toEqual(['queued'])
    expect(Date.parse(query.to ?? '') - Date.parse(query.from ?? '')).toBe(86_400_000 - 1)
    expect(new Date(query.from ?? '').getDate()).toBe(1)
  })

  it('filters flagged items locally and sends no state for "all"', () => {
    expect(toOutboxQuery({ state: 'all', from: '', to: '' })).toEqual({})
    expect(toOutboxQuery({ state: 'flagged', from: '', to: '' })).toEqual({})
    const filter = { state: 'flagged' as const, from: '', to: '' }
    expect(matchesFilter({ flagged: false }, filter)).toBe(false)
    expect(matchesFilter({ flagged: true }, filter)).toBe(true)
  })

  it('asks for what is not registered by default, and lists open payments first', () => {
    expect(toOutboxQuery({ state: 'open', from: '', to: '' }).states).toEqual([
      'queued',
      'sending',
      'uncertain',
      'rejected'
    ])
    const done = { id: 'done', items: [{ state: 'registered' as const }] }
    const waiting = { id: 'waiting', items: [{ state: 'queued' as const }] }
    const mixed = {
      id: 'mixed',
      items: [{ state: 'registered' as const }, { state: 'rejected' as const }]
    }
    expect(openFirst([done, waiting, mixed]).map((p) => p.id)).toEqual(['waiting', 'mixed', 'done'])
  })

  it('reads days typed es-CO', () => {
    expect(parseDayInput('')).toBe('')
    expect(parseDayInput('1/3/2025')).toBe('2025-03-01')
    expect(parseDayInput(' 29/02/2028 ')).toBe('2028-02-29')
    expect(parseDayInput('29/02/2027')).toBeUndefined()
    expect(parseDayInput('2025-03-01')).toBeUndefined()
    expect(parseDayInput('03/13/2025')).toBeUndefined()
  })
})
