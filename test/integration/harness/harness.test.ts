import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '@support/temp-dir'
import { createHttpTransport, TOKEN_HEADER } from '@shared/ipc/http-transport'
import { makeApi } from '@shared/ipc/make-api'
import { IpcError } from '@shared/ipc/result'
import type { Harness } from '../../harness/server'
import { DEMO_CREDENTIALS, startHarness } from '../../harness/server'
import { FAST_HASH } from '@support/fast-hash'
import { signIn } from '../app/fixtures'

let harness: Harness
const tempDir = useTempDir('caja-renderer-')

beforeAll(async () => {
  const rendererDir = tempDir()
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Caja</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  harness = await startHarness({
    port: 0,
    env: {},
    rendererDir,
    syncEngine: false,
    log: quiet,
    demoUsers: true,
    pinHash: FAST_HASH
  })
})

afterAll(async () => {
  await harness?.close()
})

const quiet = { info: () => {}, warn: () => {}, error: () => {} }

function api() {
  const transport = createHttpTransport({ baseUrl: harness.origin, token: harness.token })
  return makeApi(transport.invoke, transport.subscribe)
}

describe('browser harness', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
    expect(harness.url).toBe(`${harness.origin}/?token=${harness.token}`)
  })

  it('answers 401 to every request without the token, or with a wrong one', async () => {
    for (const path of ['/', '/assets/app.js', '/rpc/settings:get', '/events']) {
      const response = await fetch(`${harness.origin}${path}`, {
        method: path.startsWith('/rpc/') ? 'POST' : 'GET',
        headers: { 'content-type': 'application/json' }
      })
      expect(response.status, path).toBe(401)
      await response.body?.cancel()
    }
    const wrong = await fetch(`${harness.origin}/rpc/settings:get`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: 'x'.repeat(32) },
      body: '{}'
    })
    expect(wrong.status).toBe(401)
  })

  it('refuses a request for another host name (DNS rebinding)', async () => {
    const url = new URL(harness.url)
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: url.port,
          path: url.pathname + url.search,
          headers: { host: 'evil.example:80' }
        },
        (res) => {
          res.resume()
          resolve(res.statusCode)
        }
      )
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(403)
  })

  it('serves the page with the token and its assets with the cookie it sets', async () => {
    const page = await fetch(harness.url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<title>Caja</title>')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const cookie = page.headers.get('set-cookie')?.split(';')[0]
    expect(cookie).toBeTruthy()

    const asset = await fetch(`${harness.origin}/assets/app.js`, { headers: { cookie: cookie! } })
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toContain('javascript')
    await asset.body?.cancel()

    const escape = await fetch(`${harness.origin}/..%2f..%2fetc%2fpasswd`, {
      headers: { cookie: cookie! }
    })
    // Clamped to the renderer folder: at most the app's own page, never the file asked for.
    expect(await escape.text()).not.toContain('root:')
  })

  it('carries the contract over HTTP: values, and errors as IpcError', async () => {
    const cashier = api()
    const settings = await cashier.settings.get()
    expect(settings.usesSimulator).toBe(true)
    expect(settings.terminalId).toBeTruthy()

    const error = await cashier.bills.list({ contractId: 'not-digits' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IpcError)
    expect(error).toMatchObject({ code: 'invalid_input' })

    const unknown = await fetch(`${harness.origin}/rpc/nope:nothing`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: '{}'
    })
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
  })

  it('answers 400 to a channel path that is not valid percent-encoded UTF-8', async () => {
    const response = await fetch(`${harness.origin}/rpc/%ff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: '{}'
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ error: 'malformed channel path' })
  })

  it('answers 413 to a body over the limit, declared or streamed, and keeps serving', async () => {
    const oversized = 'x'.repeat(25_000_001)
    const declared = await fetch(`${harness.origin}/rpc/batch:preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: oversized
    })
    expect(declared.status).toBe(413)

    // Chunked, with no length announced: the limit is found while reading.
    const chunk = new TextEncoder().encode('x'.repeat(1_000_000))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 26) controller.enqueue(chunk)
        else controller.close()
      }
    })
    const streamed = await fetch(`${harness.origin}/rpc/batch:preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
      body: stream,
      duplex: 'half'
    } as RequestInit)
    expect(streamed.status).toBe(413)

    expect((await api().settings.get()).terminalId).toBeTruthy()
  })

  it('delivers pushed events over server-sent events', async () => {
    const controller = new AbortController()
    const response = await fetch(`${harness.origin}/events?token=${harness.token}`, {
      signal: controller.signal
    })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    let text = ''
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read()
        if (done) throw new Error(`stream ended before ${needle}`)
        text += decoder.decode(value, { stream: true })
      }
    }
    await readUntil(': connected')

    // Signing in pushes the session; settings:set a sync:status with the new terminal id.
    await signIn(harness.services.dispatch, 'supervisor')
    await readUntil('event: session:changed')
    await api().settings.set({ terminalId: 'CAJA-SSE' })
    await readUntil('"terminalId":"CAJA-SSE"')
    const block = text.split('\n\n').find((b) => b.includes('CAJA-SSE'))!
    expect(block).toMatch(/^event: sync:status$/m)
    const data = JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as {
      terminalId: string
      cashierName?: string
    }
    expect(data).toMatchObject({ terminalId: 'CAJA-SSE', cashierName: 'Supervisor' })
    controller.abort()
  })

  it('seeds the demo users it was asked for, and says how to sign in', async () => {
    const cashier = api()
    await cashier.session.signOut()
    await expect(cashier.payments.get({ paymentId: 'x' })).rejects.toMatchObject({
      code: 'signed_out'
    })
    const session = await cashier.session.signIn({ name: 'Cajero Demo', pin: '1234' })
    expect(session).toMatchObject({ user: { name: 'Cajero Demo', role: 'cashier' } })
    await expect(cashier.settings.set({ terminalId: 'CAJA-X' })).rejects.toMatchObject({
      code: 'forbidden'
    })
    expect(DEMO_CREDENTIALS).toContain('"Cajero Demo" PIN 1234')
    expect(DEMO_CREDENTIALS).toContain('"Supervisor" PIN 0000')
  })
})
