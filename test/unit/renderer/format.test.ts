import { describe, expect, it } from 'vitest'
import { formatDay, formatMoment, minutesSince } from '@renderer/lib/format'
import { checkWhileTyping } from '@renderer/lib/identification-check'
import { describeError } from '@renderer/i18n/use-t'

describe('display helpers', () => {
  it('shows calendar dates without shifting them across time zones', () => {
    expect(formatDay('2025-01-31', 'es')).toBe('31/01/2025')
    expect(formatDay('20250131', 'en')).toBe('01/31/2025')
    expect(formatDay(undefined, 'es')).toBe('—')
    // A payment day without a time must not turn into the evening before in Bogotá.
    expect(formatMoment('2026-11-27', 'es')).toBe('27/11/2026')
  })

  it('keeps "p. m." whole and on the line of its time', () => {
    const text = formatMoment('2026-11-27T22:15:00Z', 'es')
    expect(text).toMatch(/\d\u00a0[ap]\.\u00a0m\.$/)
    expect(text).not.toMatch(/[ap]\. m\./)
  })

  it('counts whole minutes of cache age, never negative', () => {
    const now = Date.parse('2025-01-31T12:00:00Z')
    expect(minutesSince('2025-01-31T11:42:30Z', now)).toBe(17)
    expect(minutesSince('2025-01-31T12:05:00Z', now)).toBe(0)
  })
})

describe('identification while typing', () => {
  it('reports a wrong NIT check digit at once, and the right digit when none is typed', () => {
    expect(checkWhileTyping('NIT', '900123456-1')).toMatchObject({
      kind: 'error',
      code: 'nit_check_digit'
    })
    expect(checkWhileTyping('NIT', '900123456')).toEqual({ kind: 'ok', checkDigit: 8 })
  })

  it('waits for the search to complain about length', () => {
    expect(checkWhileTyping('CC', '12')).toEqual({ kind: 'empty' })
    expect(checkWhileTyping('CC', '12a')).toMatchObject({
      kind: 'error',
      code: 'identification_format'
    })
  })
})

describe('error text', () => {
  it('translates coded errors and falls back to the message for unknown codes', () => {
    expect(describeError('es', { code: 'internal' })).toBe(
      'Ocurrió un error inesperado. Intente de nuevo.'
    )
    expect(describeError('en', { code: 'no_such_code', message: 'Disk full' })).toBe('Disk full')
    expect(describeError('en', new Error('boom'))).toBe('Something went wrong. Please try again.')
  })
})
