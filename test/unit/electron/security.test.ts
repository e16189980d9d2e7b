import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent, Session, WebContents } from 'electron'
import {
  buildCsp,
  createAppOrigin,
  hardenSession,
  hardenWebContents,
  isAllowedExternalUrl,
  isTrustedSender,
  testing,
  trustWindow
} from '@main/shell/security'

const rendererDir = join('/opt', 'caja', 'out', 'renderer')
const fileOrigin = createAppOrigin({})
const devOrigin = createAppOrigin({ devServerUrl: 'http://localhost:5173/' })
const appPage = 'app://caja/index.html'

describe('app origin', () => {
  it('is app://caja/ in the app, and file:// is never ours (not even out/renderer)', () => {
    expect(fileOrigin.kind).toBe('app')
    expect(fileOrigin.entryUrl).toBe(appPage)
    expect(fileOrigin.isAppUrl(`${appPage}#/pagos`)).toBe(true)
    expect(fileOrigin.isAppUrl('app://caja/assets/a.js')).toBe(true)
    expect(fileOrigin.isAppUrl('app://evil/index.html')).toBe(false)
    expect(fileOrigin.isAppUrl('app://caja.evil/index.html')).toBe(false)
    expect(fileOrigin.isAppUrl('app://caja:8080/index.html')).toBe(false)
    expect(fileOrigin.isAppUrl(pathToFileURL(join(rendererDir, 'index.html')).href)).toBe(false)
    expect(fileOrigin.isAppUrl('file:///etc/passwd')).toBe(false)
    expect(fileOrigin.isAppUrl('https://caja/index.html')).toBe(false)
    expect(fileOrigin.isAppUrl('http://localhost:5173/')).toBe(false)
    expect(fileOrigin.isAppUrl('not a url')).toBe(false)
  })

  it('accepts only the dev server origin in development', () => {
    expect(devOrigin.entryUrl).toBe('http://localhost:5173/')
    expect(devOrigin.isAppUrl('http://localhost:5173/src/main.tsx')).toBe(true)
    expect(devOrigin.isAppUrl('http://localhost:5174/')).toBe(false)
    expect(devOrigin.isAppUrl('https://localhost:5173/')).toBe(false)
    expect(devOrigin.isAppUrl(appPage)).toBe(false)
  })
})

describe('content security policy', () => {
  it('is the strict policy in the app', () => {
    expect(buildCsp(fileOrigin)).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    )
  })

  it('lets the Vite dev server inject its preamble and open its HMR socket, nothing more', () => {
    const csp = buildCsp(devOrigin)
    expect(csp).toContain("script-src 'self' 'unsafe-inline';")
    expect(csp).toContain("connect-src 'self' ws://localhost:5173;")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('unsafe-eval')
  })
})

describe('external links', () => {
  it('opens only https links to the allowlisted Tigo/UNE sites', () => {
    expect(isAllowedExternalUrl('https://www.tigo.com.co/pagos')).toBe(true)
    expect(isAllowedExternalUrl('https://www.une.com.co/')).toBe(true)
    expect(isAllowedExternalUrl('http://www.tigo.com.co/')).toBe(false)
    expect(isAllowedExternalUrl('https://www.tigo.com.co.evil.example/')).toBe(false)
    expect(isAllowedExternalUrl('https://evil.example/?www.tigo.com.co')).toBe(false)
    expect(isAllowedExternalUrl('https://user:pw@www.tigo.com.co/')).toBe(false)
    expect(isAllowedExternalUrl('file:///etc/passwd')).toBe(false)
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false)
  })
})

type Listener = (...args: unknown[]) => unknown

function fakeSession() {
  const handlers: Record<string, Listener> = {}
  const session = {
    webRequest: { onHeadersReceived: (fn: Listener) => (handlers.headers = fn) },
    setPermissionRequestHandler: (fn: Listener) => (handlers.request = fn),
    setPermissionCheckHandler: (fn: Listener) => (handlers.check = fn),
    setDevicePermissionHandler: (fn: Listener) => (handlers.device = fn)
  }
  hardenSession(session as unknown as Session, fileOrigin)
  return handlers
}

describe('hardenSession', () => {
  it('replaces any CSP header of a response with ours', () => {
    const { headers } = fakeSession()
    const callback = vi.fn()
    headers!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] } },
      callback
    )
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Other': ['1'], 'Content-Security-Policy': [buildCsp(fileOrigin)] }
    })
  })

  it('denies permission requests and checks by default', () => {
    const handlers = fakeSession()
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read'
    ]) {
      const callback = vi.fn()
      handlers.request!({}, permission, callback, { requestingUrl: appPage, isMainFrame: true })
      expect(callback).toHaveBeenCalledWith(false)
      expect(handlers.check!(null, permission, 'file:///', { requestingUrl: appPage })).toBe(false)
    }
    expect(handlers.device!({})).toBe(false)
  })

  it('grants clipboard writing to the app only', () => {
    const handlers = fakeSession()
    const ours = vi.fn()
    const foreign = vi.fn()
    handlers.request!({}, 'clipboard-sanitized-write', ours, { requestingUrl: appPage })
    handlers.request!({}, 'clipboard-sanitized-write', foreign, {
      requestingUrl: 'https://evil.example/'
    })
    expect(ours).toHaveBeenCalledWith(true)
    expect(foreign).toHaveBeenCalledWith(false)
  })
})

function fakeContents() {
  const listeners: Record<string, Listener> = {}
  let openHandler: Listener | undefined
  const contents = {
    setWindowOpenHandler: (fn: Listener) => (openHandler = fn),
    on: (name: string, fn: Listener) => {
      listeners[name] = fn
      return contents
    }
  }
  const openExternal = vi.fn(async (_url: string) => {})
  const onBlocked = vi.fn()
  hardenWebContents(contents as unknown as WebContents, {
    origin: fileOrigin,
    openExternal,
    onBlocked
  })
  const navigate = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() }
    listeners[name]!(event, url)
    return event.preventDefault.mock.calls.length > 0
  }
  return {
    listeners,
    open: (url: string) => openHandler!({ url }),
    openExternal,
    onBlocked,
    navigate
  }
}

describe('hardenWebContents', () => {
  it('denies every window.open and sends only allowlisted links to the system browser', () => {
    const c = fakeContents()
    expect(c.open('https://www.tigo.com.co/ayuda')).toEqual({ action: 'deny' })
    expect(c.open('https://evil.example/')).toEqual({ action: 'deny' })
    expect(c.open(appPage)).toEqual({ action: 'deny' })
    expect(c.openExternal.mock.calls).toEqual([['https://www.tigo.com.co/ayuda']])
  })

  it('blocks navigation and redirects away from the app', () => {
    const c = fakeContents()
    expect(c.navigate('will-navigate', `${appPage}#/cierre`)).toBe(false)
    expect(c.navigate('will-navigate', 'https://evil.example/')).toBe(true)
    expect(c.navigate('will-redirect', 'https://evil.example/')).toBe(true)
    expect(c.navigate('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(c.navigate('will-navigate', 'https://www.une.com.co/')).toBe(true)
    expect(c.openExternal.mock.calls).toEqual([['https://www.une.com.co/']])
    expect(c.onBlocked).toHaveBeenCalledWith('external', 'https://evil.example/')
  })

  it('refuses <webview>', () => {
    const c = fakeContents()
    const event = { preventDefault: vi.fn() }
    c.listeners['will-attach-webview']!(event)
    expect(event.preventDefault).toHaveBeenCalled()
  })
})

describe('isTrustedSender', () => {
  afterEach(() => testing.reset())
  const mainFrame = { url: appPage, parent: null }
  const event = (senderId: number, frame: { url: string; parent: unknown } | null) =>
    ({ sender: { id: senderId }, senderFrame: frame }) as unknown as IpcMainInvokeEvent

  it('accepts the main window top frame showing the app', () => {
    trustWindow({ id: 7, isDestroyed: () => false }, fileOrigin)
    expect(isTrustedSender(event(7, mainFrame))).toBe(true)
  })

  it('rejects other windows, subframes, foreign pages, missing frames and before any window', () => {
    expect(isTrustedSender(event(7, mainFrame))).toBe(false)
    trustWindow({ id: 7, isDestroyed: () => false }, fileOrigin)
    expect(isTrustedSender(event(8, mainFrame))).toBe(false)
    expect(isTrustedSender(event(7, { url: appPage, parent: mainFrame }))).toBe(false)
    expect(isTrustedSender(event(7, { url: 'https://evil.example/', parent: null }))).toBe(false)
    expect(isTrustedSender(event(7, null))).toBe(false)
  })

  it('rejects everything once the window is destroyed', () => {
    trustWindow({ id: 7, isDestroyed: () => true }, fileOrigin)
    expect(isTrustedSender(event(7, mainFrame))).toBe(false)
  })
})
