import { describe, expect, it } from 'vitest'
import {
  classifyTransportError,
  CREDENTIALS_MISSING,
  isTigoError,
  parseRetryAfter,
  redact,
  TigoError,
  toAppError
} from '@main/tigo/errors'
import { AppError } from '@shared/errors'
import { translateError } from '@shared/i18n'

function fetchFailure(cause: object): TypeError {
  return new TypeError('fetch failed', { cause })
}

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-03-01T10:00:00Z')

  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('7', now)).toBe(7000)
    expect(parseRetryAfter('Sat, 01 Mar 2025 10:00:30 GMT', now)).toBe(30_000)
    expect(parseRetryAfter('Sat, 01 Mar 2025 09:00:00 GMT', now)).toBe(0)
  })

  it('ignores a missing or unreadable header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})

describe('classifyTransportError', () => {
  it('treats refused connections and DNS failures as never sent', () => {
    for (const code of ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']) {
      const e = classifyTransportError(fetchFailure({ code }), 'getBills')
      expect(e.kind).toBe('not-sent')
      expect(e.detail).toBe(code)
    }
  })

  it('treats a refused happy-eyeballs attempt on every address as never sent', () => {
    const cause = { errors: [{ code: 'ECONNREFUSED' }, { code: 'ECONNREFUSED' }] }
    expect(classifyTransportError(fetchFailure(cause), 'x').kind).toBe('not-sent')
  })

  it('treats resets, hang-ups, timeouts and unknown failures as uncertain', () => {
    const reset = classifyTransportError(fetchFailure({ code: 'ECONNRESET' }), 'x')
    const hangUp = classifyTransportError(fetchFailure({ code: 'UND_ERR_SOCKET' }), 'x')
    const timeout = classifyTransportError(new DOMException('t', 'TimeoutError'), 'x')
    const unknown = classifyTransportError(new Error('weird'), 'x')
    expect([reset.kind, hangUp.kind, timeout.kind, unknown.kind]).toEqual([
      'uncertain',
      'uncertain',
      'uncertain',
      'uncertain'
    ])
  })
})

describe('redact', () => {
  it('removes secrets and bounds the length', () => {
    expect(redact('token abc123 is bad', ['abc123'])).toBe('token [redacted] is bad')
    expect(redact('x'.repeat(1000), []).length).toBeLessThan(310)
  })
})

describe('toAppError', () => {
  const cases: [TigoError, string][] = [
    [new TigoError({ kind: 'not-sent', endpoint: 'getBills' }), 'api_unreachable'],
    [new TigoError({ kind: 'uncertain', endpoint: 'registerPayment' }), 'api_uncertain'],
    // A lookup that timed out speaks of the lookup, never of a payment that may have happened.
    [new TigoError({ kind: 'uncertain', endpoint: 'getBills' }), 'lookup_no_answer'],
    [new TigoError({ kind: 'uncertain', endpoint: 'getCustomerContracts' }), 'lookup_no_answer'],
    [new TigoError({ kind: 'invalid-response', endpoint: 'getBills' }), 'api_invalid_response'],
    [new TigoError({ kind: 'rejected', endpoint: 'getBills', status: 404 }), 'api_not_found'],
    [new TigoError({ kind: 'rejected', endpoint: 'getBills', status: 401 }), 'api_unauthorized'],
    [new TigoError({ kind: 'rejected', endpoint: 'token', status: 401 }), 'api_bad_credentials'],
    [new TigoError({ kind: 'not-sent', endpoint: 'getBills', status: 429 }), 'api_busy']
  ]

  it.each(cases)('maps %s to a translated code', (error, code) => {
    const app = toAppError(error)
    expect(app.code).toBe(code)
    expect(translateError('es', app.code, app.params)).not.toBe(`error.${code}`)
    expect(translateError('en', app.code, app.params)).not.toBe(`error.${code}`)
  })

  it('carries Tigo’s message for other rejections', () => {
    const error = new TigoError({
      kind: 'rejected',
      endpoint: 'registerPayment',
      status: 400,
      apiMessage: 'Bad Request: billAmount invalid'
    })
    const app = toAppError(error)
    expect(app.code).toBe('api_rejected')
    expect(translateError('es', app.code, app.params)).toBe(
      'Tigo rechazó la solicitud: Bad Request: billAmount invalid'
    )
  })

  it('passes AppErrors through and hides anything else', () => {
    const own = new AppError('invalid_input', { detail: 'x' })
    expect(toAppError(own)).toBe(own)
    expect(toAppError(new Error('secret stack')).code).toBe('internal')
    expect(isTigoError(new Error('x'))).toBe(false)
  })

  it('serializes to JSON with the kind and endpoint but no cause', () => {
    const error = new TigoError({ kind: 'uncertain', endpoint: 'registerPayment', status: 502 })
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'TigoError',
      kind: 'uncertain',
      endpoint: 'registerPayment',
      status: 502
    })
  })
})

describe('toAppError for missing credentials', () => {
  it('tells the cashier the client id or secret is missing, not that Tigo is unreachable', () => {
    const missing = new TigoError({
      kind: 'not-sent',
      endpoint: 'getBills',
      apiCode: CREDENTIALS_MISSING
    })
    const error = toAppError(missing)
    expect(error.code).toBe('api_credentials_missing')
    expect(translateError('es', error.code, error.params)).toContain('Ajustes')
    expect(translateError('en', error.code, error.params)).toContain('Settings')
    expect(toAppError(new TigoError({ kind: 'not-sent', endpoint: 'getBills' })).code).toBe(
      'api_unreachable'
    )
  })
})
