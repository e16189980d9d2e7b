import { describe, expect, it } from 'vitest'
import { canRetry, matchesFilter, toOutboxQuery } from '../../../renderer/lib/outbox-rules'

describe('outbox rules', () => {
  it('offers a retry only for what the sync engine may resend', () => {
    expect(canRetry({ state: 'rejected', flagged: false })).toBe(true)
    expect(canRetry({ state: 'uncertain', flagged: false })).toBe(true)
    expect(canRetry({ state: 'queued', flagged: true })).toBe(true)
    expect(canRetry({ state: 'registered', flagged: false })).toBe(false)
    expect(canRetry({ state: 'sending', flagged: true })).toBe(false)
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
})
