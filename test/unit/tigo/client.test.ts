import { afterEach, describe, expect, it } from 'vitest'
import { createTigoClient } from '@main/tigo/client'
import type { TigoClient } from '@main/tigo/client'
import { isTigoError, toAppError } from '@main/tigo/errors'
import type { TigoError } from '@main/tigo/errors'
import type { TokenProvider } from '@main/tigo/token'
import { AppError } from '@shared/errors'
import { closedPort, startScriptedServer } from './scripted-server'
import type { Script, ScriptedServer } from './scripted-server'

/** Hands out tok-0, tok-1, … : a new one after each invalidation of the current one. */
function countingTokens(): TokenProvider & { issued: number; invalidated: string[] } {
  let current = 0
  const state = {
    issued: 1,
    invalidated: [] as string[],
    getToken: () => Promise.resolve(`tok-${current}`),
    invalidate(token: string) {
      state.invalidated.push(token)
      if (token === `tok-${current}`) {
        current += 1
        state.issued += 1
      }
    }
  }
  return state
}

const bill = { billNo: '909501941', billAmount: '125000', billStatus: false }
const payment = {
  intent: 'sale',
  billsCollection: [{ billNo: '909501941', contractId: '123', billAmount: '125000' }]
}

let server: ScriptedServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function setup(
  script: Script,
  timeoutMs = 2_000,
  style: 'letters' | 'dian' = 'letters'
): Promise<{ s: ScriptedServer; client: TigoClient; tokens: ReturnType<typeof countingTokens> }> {
  server = await startScriptedServer(script)
  const tokens = countingTokens()
  const client = createTigoClient({
    baseUrl: `${server.url}/v2/tigo/b2b/co/billing/`,
    tokens,
    timeoutMs,
    idTypeStyle: style
  })
  return { s: server, client, tokens }
}

async function failure(promise: Promise<unknown>): Promise<TigoError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e
  )
  if (!isTigoError(error)) throw new Error(`expected a TigoError, got ${String(error)}`)
  return error
}

describe('tigo client requests', () => {
  it('builds each endpoint’s path, encodes segments and sends the bearer token', async () => {
    const { s, client } = await setup(
      (req) => {
        if (req.url.includes('/validate')) return { status: 200, body: { state: 'APPROVED' } }
        if (req.url.includes('/characteristics'))
          return { status: 200, body: { plusCustomer: true } }
        if (req.url.endsWith('/payments')) return { status: 200, body: { paymentMethod: 'cash' } }
        if (req.url.includes('/bills')) return { status: 200, body: [bill] }
        if (req.url.endsWith('/register')) return { status: 200, body: { '909501941': true } }
        if (req.url.endsWith('/checkout')) return { status: 200, body: { signature: 'abc' } }
        return {
          status: 200,
          body: { identification: '900123456', organization: {}, contractsCollection: [] }
        }
      },
      2_000,
      'dian'
    )
    await client.getContract('123')
    await client.getCustomerContracts('NIT', '900123456', { regIni: 1, numReg: 20 })
    expect(await client.getBills('123', { quantity: 3 })).toEqual([bill])
    expect(await client.getBillPayments('123', 'A/B 1')).toEqual([{ paymentMethod: 'cash' }])
    await client.getCharacteristics('CC', '1020', '123')
    await client.checkout('CC', '1020', payment)
    expect(await client.registerPayment('CC', '1020', payment)).toEqual({ '909501941': true })
    await client.validateBySignature('sig/1?x')
    await client.validateByCoupon('UNE', '77')
    const prefix = '/v2/tigo/b2b/co/billing'
    expect(s.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET ${prefix}/contracts/123`,
      `GET ${prefix}/customers/31/900123456/contracts?reg_ini=1&num_reg=20`,
      `GET ${prefix}/customers/contracts/123/bills?quantity=3`,
      `GET ${prefix}/customers/contracts/123/bills/A%2FB%201/payments`,
      `GET ${prefix}/customers/13/1020/contracts/123/characteristics?fields=role%2Cplus`,
      `POST ${prefix}/customers/13/1020/payments/checkout`,
      `POST ${prefix}/customers/13/1020/payments/register`,
      `GET ${prefix}/payments/sig%2F1%3Fx/validate`,
      `GET ${prefix}/payments/UNE/77/validate`
    ])
    expect(new Set(s.requests.map((r) => r.headers.authorization))).toEqual(
      new Set(['Bearer tok-0'])
    )
    expect(JSON.parse(s.requests[6]?.body ?? '')).toEqual(payment)
  })

  it('refuses path segments that URL parsing would collapse', async () => {
    const { s, client } = await setup(() => ({ status: 200, body: [] }))
    await expect(client.getBills('..')).rejects.toMatchObject({ code: 'invalid_input' })
    expect(s.requests).toHaveLength(0)
  })

  it('refuses a segment that is not well-formed Unicode instead of throwing a URIError', async () => {
    const { s, client } = await setup(() => ({ status: 200, body: [] }))
    await expect(client.getBillPayments('123', '\ud800')).rejects.toMatchObject({
      code: 'invalid_input'
    })
    expect(s.requests).toHaveLength(0)
  })
})

describe('tigo client failures', () => {
  it('maps 404 and 400 to rejected with Tigo’s message', async () => {
    const { client } = await setup((req) => ({
      status: req.url.includes('999') ? 404 : 400,
      body: {
        error: { statusCode: '400', code: '400', message: 'Bad Request', developerMessage: 'nope' }
      }
    }))
    const notFound = await failure(client.getContract('999'))
    expect([notFound.kind, notFound.status]).toEqual(['rejected', 404])
    expect(toAppError(notFound).code).toBe('api_not_found')
    const bad = await failure(client.registerPayment('CC', '1020', payment))
    expect([bad.kind, bad.apiMessage]).toEqual(['rejected', 'Bad Request: nope'])
    expect(toAppError(bad).params).toEqual({ message: 'Bad Request: nope' })
  })

  it('treats HTML and schema-failing 2xx bodies as invalid responses', async () => {
    const { s, client } = await setup(() => ({ status: 200, body: '<html>proxy login</html>' }))
    expect((await failure(client.getBills('1'))).kind).toBe('invalid-response')
    s.setScript(() => ({
      status: 200,
      body: [{ billNo: '1', billAmount: 'ten', billStatus: 'no' }]
    }))
    const schema = await failure(client.getBills('1'))
    expect(schema.kind).toBe('invalid-response')
    expect(schema.detail).toContain('billAmount')
    s.setScript(() => ({ status: 200, body: { '909501941': 'yes' } }))
    const register = await failure(client.registerPayment('CC', '1', payment))
    expect(register.kind).toBe('invalid-response')
  })

  it('refreshes the token once on a 401 and resends, even a POST', async () => {
    const { s, client, tokens } = await setup((req) =>
      req.headers.authorization === 'Bearer tok-0'
        ? { status: 401, body: { error: { message: 'Not Authorized' } } }
        : { status: 200, body: { '909501941': true } }
    )
    expect(await client.registerPayment('CC', '1020', payment)).toEqual({ '909501941': true })
    expect(tokens.invalidated).toEqual(['tok-0'])
    expect(s.requests.map((r) => r.headers.authorization)).toEqual(['Bearer tok-0', 'Bearer tok-1'])
    expect(s.requests[1]?.body).toBe(s.requests[0]?.body)
  })

  it('gives up after one refresh when the 401 persists', async () => {
    const { s, client } = await setup(() => ({
      status: 401,
      body: { error: { message: 'Not Authorized' } }
    }))
    const error = await failure(client.registerPayment('CC', '1020', payment))
    expect([error.kind, error.status]).toEqual(['rejected', 401])
    expect(toAppError(error).code).toBe('api_unauthorized')
    expect(s.requests).toHaveLength(2)
    const get = await failure(client.getBills('1'))
    expect(get.status).toBe(401)
    expect(s.requests).toHaveLength(4)
  })

  it('never resends a POST after a 5xx, and reads Retry-After', async () => {
    const { s, client } = await setup(() => ({
      status: 503,
      body: { error: { message: 'busy' } },
      headers: { 'retry-after': '0' }
    }))
    const error = await failure(client.registerPayment('CC', '1020', payment))
    expect([error.kind, error.status, error.retryAfterMs]).toEqual(['uncertain', 503, 0])
    expect(toAppError(error).code).toBe('api_uncertain')
    expect(s.requests).toHaveLength(1)
  })

  it('retries a GET twice on 5xx, but not when Tigo asks to wait longer than a request', async () => {
    const { s, client } = await setup(() => ({
      status: 503,
      body: {},
      headers: { 'retry-after': '0' }
    }))
    expect((await failure(client.getBills('1'))).kind).toBe('uncertain')
    expect(s.requests).toHaveLength(3)
    s.setScript(() => ({ status: 503, body: {}, headers: { 'retry-after': '120' } }))
    const wait = await failure(client.getBills('1'))
    expect(wait.retryAfterMs).toBe(120_000)
    expect(s.requests).toHaveLength(4)
  })

  it('sends a POST once when it times out, and calls it uncertain', async () => {
    const { s, client } = await setup(
      () => ({ status: 200, body: { '909501941': true }, delayMs: 1_500 }),
      300
    )
    const error = await failure(client.registerPayment('CC', '1020', payment))
    expect([error.kind, error.detail]).toEqual(['uncertain', 'timeout'])
    expect(s.requests).toHaveLength(1)
  })

  it('does not wait forever for a body that stops arriving', async () => {
    const { client } = await setup(() => ({ stallBody: true }), 300)
    expect((await failure(client.getBills('1'))).kind).toBe('uncertain')
  })

  it('gives up on a body that never ends even when no abort reaches it, and lets it go', async () => {
    // What a lost abort looks like (undici follows AbortSignal.any through weak references):
    // headers, then a body that ignores every signal. Only the client's own timer can end it.
    for (const status of [200, 503]) {
      let released = 0
      const silentBody: typeof globalThis.fetch = () =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              pull: () => new Promise(() => undefined),
              cancel: () => {
                released += 1
              }
            }),
            { status, headers: { 'content-type': 'application/json' } }
          )
        )
      const client = createTigoClient({
        baseUrl: 'http://127.0.0.1:9/v2/tigo/b2b/co/billing',
        tokens: countingTokens(),
        timeoutMs: 200,
        fetch: silentBody
      })
      const error = await failure(client.registerPayment('CC', '1020', payment))
      expect([status, error.kind]).toEqual([status, 'uncertain'])
      // Every branch of the answer (ky hands its hooks clones) was cancelled: the socket is free.
      expect(released).toBe(1)
    }
  })

  it('bounds the body of an error answer too, for a GET and for a POST', async () => {
    const { s, client } = await setup(() => ({ stallBody: true, status: 503 }), 300)
    const started = Date.now()
    const get = await failure(client.getBills('1'))
    const post = await failure(client.registerPayment('CC', '1020', payment))
    expect([get.kind, get.status, post.kind, post.status]).toEqual([
      'uncertain',
      503,
      'uncertain',
      503
    ])
    // Three GET attempts and one POST, each cut after 300 ms, not left hanging.
    expect(s.requests).toHaveLength(4)
    expect(Date.now() - started).toBeLessThan(20_000)
  })

  it('leaves no rejection unhandled when a 5xx is followed by a retry that times out', async () => {
    const unhandled: unknown[] = []
    const record = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', record)
    try {
      const { s, client } = await setup(
        (_req, index) =>
          index === 0
            ? { status: 503, body: { error: { message: 'busy' } } }
            : { status: 200, body: [bill], delayMs: 1_000 },
        200
      )
      const error = await failure(client.getBills('1'))
      expect([error.kind, error.detail]).toEqual(['uncertain', 'timeout'])
      expect(s.requests.length).toBeGreaterThanOrEqual(2)
      // Unhandled rejections are reported after the microtask queue drains.
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', record)
    }
  })

  it('calls a dropped connection uncertain and a refused one not sent', async () => {
    const { s, client } = await setup(() => ({ destroy: true }))
    const dropped = await failure(client.registerPayment('CC', '1020', payment))
    expect(dropped.kind).toBe('uncertain')
    expect(s.requests).toHaveLength(1)
    const port = await closedPort()
    const refused = createTigoClient({
      baseUrl: `http://127.0.0.1:${port}`,
      tokens: countingTokens()
    })
    const error = await failure(refused.registerPayment('CC', '1020', payment))
    expect([error.kind, error.detail]).toEqual(['not-sent', 'ECONNREFUSED'])
    expect(toAppError(error).code).toBe('api_unreachable')
  })

  it('does not retry a GET whose connection was refused: the cache answers at once', async () => {
    const port = await closedPort()
    const attempts: string[] = []
    const countingFetch: typeof globalThis.fetch = (input, init) => {
      attempts.push(input instanceof Request ? input.url : String(input))
      return globalThis.fetch(input, init)
    }
    const offline = createTigoClient({
      baseUrl: `http://127.0.0.1:${port}`,
      tokens: countingTokens(),
      fetch: countingFetch
    })
    const error = await failure(offline.getBills('1'))
    expect([error.kind, error.detail]).toEqual(['not-sent', 'ECONNREFUSED'])
    expect(attempts).toHaveLength(1)
  })

  it('does not retry a GET when the host name does not resolve', async () => {
    let attempts = 0
    const dnsFailure: typeof globalThis.fetch = () => {
      attempts += 1
      const cause = Object.assign(new Error('getaddrinfo ENOTFOUND api.invalid'), {
        code: 'ENOTFOUND'
      })
      return Promise.reject(new TypeError('fetch failed', { cause }))
    }
    const client = createTigoClient({
      baseUrl: 'http://api.invalid',
      tokens: countingTokens(),
      fetch: dnsFailure
    })
    const error = await failure(client.getContract('1'))
    expect([error.kind, error.detail]).toEqual(['not-sent', 'ENOTFOUND'])
    expect(attempts).toBe(1)
  })

  it('still retries a GET whose connection dropped mid-request', async () => {
    const { s, client } = await setup(() => ({ destroy: true }))
    expect((await failure(client.getBills('1'))).kind).toBe('uncertain')
    expect(s.requests).toHaveLength(3)
  })

  it('keeps the token out of errors even when Tigo echoes it', async () => {
    const { client } = await setup((req) => ({
      status: 400,
      body: { error: { message: `bad header ${String(req.headers.authorization)}` } }
    }))
    const error = await failure(client.getBills('1'))
    expect(error.apiMessage).toContain('[redacted]')
    expect(JSON.stringify(error) + String(error) + error.stack).not.toContain('tok-0')
  })
})

describe('local token problems', () => {
  it('passes an AppError from the token provider through, without sending anything', async () => {
    server = await startScriptedServer(() => ({ status: 200, body: [] }))
    let asked = 0
    const client = createTigoClient({
      baseUrl: server.url,
      tokens: {
        getToken: () => {
          asked += 1
          return Promise.reject(new AppError('api_credentials_missing'))
        },
        invalidate: () => undefined
      }
    })
    await expect(client.getBills('1')).rejects.toMatchObject({ code: 'api_credentials_missing' })
    expect([asked, server.requests.length]).toEqual([1, 0])
  })
})

describe('probe', () => {
  it('says reachable for any HTTP answer and unreachable when refused', async () => {
    const { s, client } = await setup(() => ({ status: 401, body: {} }))
    expect(await client.probe()).toBe(true)
    expect(s.requests[0]?.headers.authorization).toBeUndefined()
    const port = await closedPort()
    const offline = createTigoClient({
      baseUrl: `http://127.0.0.1:${port}`,
      tokens: countingTokens()
    })
    expect(await offline.probe()).toBe(false)
  })
})
