import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { useTempDir } from '@support/temp-dir'
import { createLogger, redact } from '@main/log'

const SECRET = 'cs_live_9f8e7d6c5b4a+/='
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.payload.signature'
const known = () => [SECRET, TOKEN]

describe('redact', () => {
  it('removes known secret values, also URL-encoded', () => {
    const out = redact(`secret ${SECRET} token ${TOKEN} form ${encodeURIComponent(SECRET)}`, known)
    expect(out).not.toContain('9f8e7d6c5b4a')
    expect(out).not.toContain('payload.signature')
    expect(out).toBe('secret [redacted] token [redacted] form [redacted]')
  })

  it('removes credential-shaped values it was not told about', () => {
    const none = () => []
    expect(redact('Authorization: Bearer abc.DEF-123_x~y+z/==', none)).toBe(
      'Authorization: Bearer [redacted]'
    )
    expect(redact('authorization: basic Y2xpZW50OnNlY3JldA==', none)).toBe(
      'authorization: Basic [redacted]'
    )
    expect(redact('{"access_token":"tok-123","token_type":"bearer"}', none)).toBe(
      '{"access_token":"[redacted]","token_type":"bearer"}'
    )
    expect(redact('{"access_token" : "tok-123"}', none)).toBe('{"access_token" : "[redacted]"}')
    expect(redact('{"body":"{\\"access_token\\":\\"tok-123\\"}"}', none)).toBe(
      '{"body":"{\\"access_token\\":\\"[redacted]\\"}"}'
    )
    expect(redact('grant_type=client_credentials&client_secret=s3cr3t&x=1', none)).toBe(
      'grant_type=client_credentials&client_secret=[redacted]&x=1'
    )
    expect(redact('{"refresh_token":"r1","clientSecret":"c1"}', none)).toBe(
      '{"refresh_token":"[redacted]","clientSecret":"[redacted]"}'
    )
  })

  it('leaves ordinary cashier text alone', () => {
    const text = 'Pago registrado factura 123456 por $ 85.000, backend basic_text, Basic plan'
    expect(redact(text, () => ['ab', ''])).toBe(text)
  })
})

describe('createLogger', () => {
  const tempDir = useTempDir('caja-log-')
  let dir: string
  beforeEach(() => {
    dir = tempDir()
  })

  it('writes timestamped lines with the secrets redacted, also inside details and errors', () => {
    const log = createLogger({ dir, maxBytes: 10_000, files: 3, secrets: known, clock: () => 0 })
    log.info('token refreshed', { authorization: `Bearer ${TOKEN}` })
    log.error('token request failed', new Error(`bad client_secret=${SECRET}`))
    log.warn(`sent ${SECRET}`)
    const text = readFileSync(log.path, 'utf8')
    expect(text).toContain('1970-01-01T00:00:00.000Z INFO token refreshed')
    expect(text).toContain('ERROR token request failed Error: bad client_secret=[redacted]')
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('9f8e7d6c5b4a')
    if (process.platform !== 'win32') expect(statSync(log.path).mode & 0o777).toBe(0o600)
  })

  it('rotates past maxBytes and keeps at most `files` files, newest first', () => {
    const log = createLogger({ dir, maxBytes: 200, files: 3, clock: () => 0 })
    for (let i = 0; i < 40; i++) log.info(`line ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`)
    expect(readdirSync(dir).sort()).toEqual(['caja.1.log', 'caja.2.log', 'caja.log'])
    for (const name of readdirSync(dir))
      expect(statSync(join(dir, name)).size).toBeLessThanOrEqual(200)
    const current = readFileSync(join(dir, 'caja.log'), 'utf8')
    const previous = readFileSync(join(dir, 'caja.1.log'), 'utf8')
    expect(current).toContain('line 039')
    expect(previous).not.toContain('line 039')
    expect(readFileSync(join(dir, 'caja.2.log'), 'utf8')).not.toContain('line 000')
  })
})
