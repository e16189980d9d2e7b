import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TokenResponse } from '@shared/api/models'
import type { SimulatorHandle } from '@simulator/server'
import { api, basic, requestToken, start, token } from './helpers'

describe('simulator token endpoint', () => {
  let sim: SimulatorHandle
  beforeAll(async () => {
    sim = await start()
  })
  afterAll(async () => {
    await sim.close()
  })

  it('issues an Apigee token where every value is a string', async () => {
    const response = await requestToken(sim)
    expect(response.status).toBe(200)
    const body = (await response.json()) as Record<string, unknown>
    expect(TokenResponse.parse(body).access_token).toMatch(/^[A-Za-z0-9]{20,}$/)
    for (const value of Object.values(body)) expect(typeof value).toBe('string')
    expect(body).toMatchObject({
      token_type: 'BearerToken',
      expires_in: '172799',
      status: 'approved',
      client_id: 'caja-demo',
      refresh_token_expires_in: '0',
      refresh_count: '0'
    })
    for (const key of [
      'issued_at',
      'application_name',
      'api_product_list',
      'organization_name',
      'scope',
      'developer.email'
    ]) {
      expect(body[key]).toEqual(expect.any(String))
    }
  })

  it('rejects wrong credentials and a missing Basic header with invalid_client', async () => {
    const wrong = await requestToken(sim, basic('caja-demo', 'not-the-secret'))
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({
      ErrorCode: 'invalid_client',
      Error: 'Client credentials are invalid'
    })
    const missing = await fetch(sim.tokenUrl, {
      method: 'POST',
      body: 'grant_type=client_credentials'
    })
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ ErrorCode: 'invalid_client' })
  })

  it('answers 400 for another grant type and 405 for GET', async () => {
    const response = await fetch(sim.tokenUrl.replace('client_credentials', 'password'), {
      method: 'POST',
      headers: { authorization: basic('caja-demo', 'caja-demo-secret') },
      body: 'grant_type=password'
    })
    expect(response.status).toBe(400)
    expect((await fetch(sim.tokenUrl)).status).toBe(405)
  })

  it('expires a token after its lifetime on the injected clock', async () => {
    let now = Date.parse('2025-06-15T12:00:00Z')
    const timed = await start({ tokenLifetimeSeconds: 60, clock: () => now })
    try {
      const response = await requestToken(timed)
      const body = (await response.json()) as {
        access_token: string
        expires_in: string
        issued_at: string
      }
      expect(body.expires_in).toBe('60')
      expect(body.issued_at).toBe(String(now))
      expect((await api(timed, body.access_token, '/customers/contracts/1/bills')).status).toBe(404)
      now += 60_000
      const expired = await api(timed, body.access_token, '/customers/contracts/1/bills')
      expect(expired.status).toBe(401)
      expect(await expired.json()).toEqual({
        error: {
          statusCode: '401',
          code: '401',
          message: 'Not Authorized',
          developerMessage: 'Access token was not provided or is invalid'
        }
      })
    } finally {
      await timed.close()
    }
  })

  it('uses the configured client credentials and counts token requests', async () => {
    const custom = await start({ clientId: 'other', clientSecret: 's3cret' })
    try {
      expect((await requestToken(custom)).status).toBe(401)
      expect((await requestToken(custom, basic('other', 's3cret'))).status).toBe(200)
      expect(custom.stats()).toEqual({ tokenRequests: 2, apiRequests: 0 })
      expect(await token(custom)).not.toBe('')
    } finally {
      await custom.close()
    }
  })
})
