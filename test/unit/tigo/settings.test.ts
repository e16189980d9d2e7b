import { describe, expect, it } from 'vitest'
import {
  resolveApiSettings,
  SIMULATOR_CREDENTIALS,
  simulatorApiSettings
} from '@main/tigo/settings'

describe('resolveApiSettings', () => {
  it('uses the simulator when no base URL is configured anywhere', () => {
    const resolved = resolveApiSettings({}, {})
    expect(resolved.usesSimulator).toBe(true)
    expect(resolved.settings).toEqual({
      baseUrl: '',
      tokenUrl: '',
      clientId: '',
      timeoutMs: 10_000,
      idTypeStyle: 'letters'
    })
    const sim = simulatorApiSettings(resolved.settings, {
      baseUrl: 'http://127.0.0.1:4000/v2/tigo/b2b/co/billing',
      tokenUrl: 'http://127.0.0.1:4000/oauth/client_credential/accesstoken'
    })
    expect(sim.clientId).toBe(SIMULATOR_CREDENTIALS.clientId)
  })

  it('lets the environment override stored settings and keeps the secret apart', () => {
    const resolved = resolveApiSettings(
      {
        baseUrl: 'https://stored.example/v2/tigo/b2b/co/billing',
        clientId: 'stored',
        timeoutMs: 5_000,
        idTypeStyle: 'dian'
      },
      {
        TIGO_API_BASE_URL: 'https://test.api.tigo.com/v2/tigo/b2b/co/billing/',
        TIGO_CLIENT_ID: 'from-env',
        TIGO_CLIENT_SECRET: 'hush'
      }
    )
    expect(resolved.usesSimulator).toBe(false)
    expect(resolved.clientSecret).toBe('hush')
    expect(resolved.settings).toEqual({
      baseUrl: 'https://test.api.tigo.com/v2/tigo/b2b/co/billing',
      tokenUrl:
        'https://test.api.tigo.com/oauth/client_credential/accesstoken?grant_type=client_credentials',
      clientId: 'from-env',
      timeoutMs: 5_000,
      idTypeStyle: 'dian'
    })
    expect(JSON.stringify(resolved.settings)).not.toContain('hush')
  })

  it('takes an explicit token URL and bounds the timeout', () => {
    const resolved = resolveApiSettings(
      { baseUrl: 'http://10.0.0.5:8080/billing', timeoutMs: 5 },
      { TIGO_TOKEN_URL: 'http://10.0.0.5:8080/token' }
    )
    expect(resolved.settings.tokenUrl).toBe('http://10.0.0.5:8080/token')
    expect(resolved.settings.timeoutMs).toBe(1_000)
    expect(resolved.clientSecret).toBeUndefined()
  })

  it.each([
    ['ftp://tigo.example/billing', {}],
    ['not a url', {}],
    ['https://user:pass@tigo.example/billing', {}],
    ['https://tigo.example/billing', { TIGO_TOKEN_URL: 'file:///etc/passwd' }]
  ])('refuses %s', (baseUrl, env) => {
    expect(() => resolveApiSettings({ baseUrl }, env)).toThrow(
      expect.objectContaining({ code: 'settings_invalid_url' })
    )
  })
})
