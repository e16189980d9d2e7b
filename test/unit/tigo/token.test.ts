import { afterEach, describe, expect, it } from 'vitest'
import { isTigoError, toAppError } from '@main/tigo/errors'
import { createTokenProvider } from '@main/tigo/token'
import { closedPort, startScriptedServer } from './scripted-server'
import type { Answer, ScriptedServer } from './scripted-server'

const SECRET = 's3cr3t-value-xyz'

function apigeeToken(token: string, expiresIn: string, issuedAt = '1405620313800'): Answer {
  return {
    status: 200,
    body: {
      refresh_token_expires_in: '0',
      api_product_list: '[Billing]',
      organization_name: 'tigo',
      'developer.email': 'dev@example.com',
      token_type: 'BearerToken',
      issued_at: issuedAt,
      client_id: 'caja',
      access_token: token,
      application_name: 'caja-app',
      scope: '',
      expires_in: expiresIn,
      refresh_count: '0',
      status: 'approved'
    }
  }
}

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function withTokens(answer: (index: number) => Answer): Promise<ScriptedServer> {
  server = await startScriptedServer((_req, index) => answer(index))
  return server
}

function provider(url: string, clock: () => number = Date.now, refreshMarginMs?: number) {
  return createTokenProvider({
    tokenUrl: `${url}/oauth/client_credential/accesstoken?grant_type=client_credentials`,
    clientId: 'caja',
    clientSecret: () => SECRET,
    clock,
    ...(refreshMarginMs !== undefined ? { refreshMarginMs } : {})
  })
}

describe('token provider', () => {
  it('asks with client_credentials and HTTP Basic auth, and caches the token', async () => {
    const s = await withTokens((i) => apigeeToken(`tok-${i}`, '172799'))
    const tokens = provider(s.url)
    expect(await tokens.getToken()).toBe('tok-0')
    expect(await tokens.getToken()).toBe('tok-0')
    expect(s.requests).toHaveLength(1)
    const [request] = s.requests
    expect(request?.method).toBe('POST')
    expect(request?.headers['content-type']).toContain('application/x-www-form-urlencoded')
    expect(new URLSearchParams(request?.body).get('grant_type')).toBe('client_credentials')
    const basic = Buffer.from(
      String(request?.headers.authorization).replace('Basic ', ''),
      'base64'
    ).toString()
    expect(basic).toBe(`caja:${SECRET}`)
  })

  it('counts expiry from the local receive time, refreshing a margin before it', async () => {
    // issued_at from a server clock years off must not matter.
    const s = await withTokens((i) => apigeeToken(`tok-${i}`, '3600', '1000'))
    let now = 1_000_000
    const tokens = provider(s.url, () => now, 60_000)
    expect(await tokens.getToken()).toBe('tok-0')
    now += 3_600_000 - 60_000 - 1
    expect(await tokens.getToken()).toBe('tok-0')
    now += 1
    expect(await tokens.getToken()).toBe('tok-1')
    expect(s.requests).toHaveLength(2)
  })

  it('does not refetch on every call when the lifetime is shorter than the margin', async () => {
    const s = await withTokens((i) => apigeeToken(`tok-${i}`, '2'))
    let now = 0
    const tokens = provider(s.url, () => now)
    expect(await tokens.getToken()).toBe('tok-0')
    now = 900
    expect(await tokens.getToken()).toBe('tok-0')
    now = 1000
    expect(await tokens.getToken()).toBe('tok-1')
  })

  it('sends one token request for 50 concurrent callers', async () => {
    const s = await withTokens((i) => ({ ...apigeeToken(`tok-${i}`, '3600'), delayMs: 50 }))
    const tokens = provider(s.url)
    const all = await Promise.all(Array.from({ length: 50 }, () => tokens.getToken()))
    expect(new Set(all)).toEqual(new Set(['tok-0']))
    expect(s.requests).toHaveLength(1)
  })

  it('drops the cached token only when the invalidated one is still current', async () => {
    const s = await withTokens((i) => apigeeToken(`tok-${i}`, '3600'))
    const tokens = provider(s.url)
    await tokens.getToken()
    tokens.invalidate('tok-0')
    expect(await tokens.getToken()).toBe('tok-1')
    // 50 late reports about the dead token cause no further request.
    for (let i = 0; i < 50; i += 1) tokens.invalidate('tok-0')
    expect(await tokens.getToken()).toBe('tok-1')
    expect(s.requests).toHaveLength(2)
  })

  it('reports bad credentials without the secret, and tries again on the next call', async () => {
    const s = await withTokens((i) =>
      i === 0
        ? {
            status: 401,
            body: { ErrorCode: 'invalid_client', Error: `Client credentials are invalid ${SECRET}` }
          }
        : apigeeToken('tok-ok', '3600')
    )
    const tokens = provider(s.url)
    const error = await tokens.getToken().catch((e: unknown) => e)
    expect(isTigoError(error) && error.kind).toBe('rejected')
    expect(toAppError(error).code).toBe('api_bad_credentials')
    const serialized = JSON.stringify(error) + String(error) + (error as Error).stack
    expect(serialized).not.toContain(SECRET)
    expect(serialized).toContain('Client credentials are invalid')
    expect(await tokens.getToken()).toBe('tok-ok')
  })

  it('rejects an answer that is not a token', async () => {
    const s = await withTokens(() => ({ status: 200, body: '<html>login</html>' }))
    const error = await provider(s.url)
      .getToken()
      .catch((e: unknown) => e)
    expect(isTigoError(error) && error.kind).toBe('invalid-response')
    s.setScript(() => ({ status: 200, body: { access_token: 'x', expires_in: 3600 } }))
    const schema = await provider(s.url)
      .getToken()
      .catch((e: unknown) => e)
    expect(isTigoError(schema) && schema.kind).toBe('invalid-response')
  })

  it('gives up on a token answer whose body never ends', async () => {
    const s = await withTokens(() => ({ stallBody: true }))
    const error = await createTokenProvider({
      tokenUrl: `${s.url}/oauth/client_credential/accesstoken?grant_type=client_credentials`,
      clientId: 'caja',
      clientSecret: () => SECRET,
      timeoutMs: 200
    })
      .getToken()
      .catch((e: unknown) => e)
    expect(isTigoError(error) && [error.kind, error.detail]).toEqual(['uncertain', 'timeout'])
  })

  it('reports an unreachable token URL as not sent', async () => {
    const port = await closedPort()
    const error = await provider(`http://127.0.0.1:${port}`)
      .getToken()
      .catch((e: unknown) => e)
    expect(isTigoError(error) && error.kind).toBe('not-sent')
    expect(toAppError(error).code).toBe('api_unreachable')
  })
})
