import { describe, expect, it } from 'vitest'

import {
  OUTBOX_TRANSITIONS,
  canTransition,
  noteParts,
  sanitizeDetail
} from '@main/outbox/outbox-transitions'
import { OUTBOX_STATES } from '@main/store/types'

describe('outbox state machine table', () => {
  it('allows exactly the designed engine moves', () => {
    const allowed = OUTBOX_STATES.flatMap((from) =>
      OUTBOX_STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`)
    )
    expect(allowed.sort()).toEqual(
      [
        'queued→sending',
        'sending→registered',
        'sending→rejected',
        'sending→uncertain',
        'sending→queued',
        'uncertain→registered',
        'uncertain→queued',
        'uncertain→rejected'
      ].sort()
    )
  })

  it('never resends an uncertain item directly and never leaves registered', () => {
    expect(canTransition('uncertain', 'sending')).toBe(false)
    expect(OUTBOX_TRANSITIONS.registered).toEqual([])
    expect(canTransition('registered', 'queued', 'supervisor')).toBe(false)
  })

  it('lets only a supervisor requeue a rejected item', () => {
    expect(canTransition('rejected', 'queued')).toBe(false)
    expect(canTransition('rejected', 'queued', 'supervisor')).toBe(true)
    expect(canTransition('uncertain', 'sending', 'supervisor')).toBe(false)
  })
})

describe('attempt details', () => {
  it('redacts bearer tokens and secrets and keeps the rest', () => {
    const text = sanitizeDetail(
      'POST /register 401 Authorization: Bearer abc.DEF-123 client_secret=hunter2&x=1 "access_token": "tok"'
    )
    expect(text).not.toMatch(/abc\.DEF|hunter2|"tok"/)
    expect(text).toContain('POST /register 401')
    expect(text).toContain('x=1')
  })

  it('caps the length and keeps the HTTP status apart', () => {
    expect(sanitizeDetail('x'.repeat(2000))).toHaveLength(500)
    expect(noteParts({ detail: 'Service Unavailable', httpStatus: 503 })).toEqual({
      detail: 'Service Unavailable',
      httpStatus: 503
    })
    expect(noteParts(undefined)).toEqual({ detail: null, httpStatus: null })
  })
})
