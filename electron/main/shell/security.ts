import type { IpcMainEvent, IpcMainInvokeEvent, Session, WebContents } from 'electron'
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './app-protocol'

/**
 * Where the cashier's screens come from: the built renderer served on `app://caja/` by our own
 * protocol handler (app-protocol.ts) in the app, or the electron-vite dev server in
 * development. Everything else is foreign, file:// included.
 */
export interface AppOrigin {
  readonly kind: 'app' | 'dev-server'
  /** The page to load in the main window. */
  readonly entryUrl: string
  /** The dev server origin (`http://localhost:5173`) or undefined for app://. */
  readonly devServerOrigin: string | undefined
  isAppUrl(url: string): boolean
}

export function createAppOrigin(opts: { devServerUrl?: string | undefined }): AppOrigin {
  if (opts.devServerUrl) {
    const dev = new URL(opts.devServerUrl)
    return {
      kind: 'dev-server',
      entryUrl: dev.href,
      devServerOrigin: dev.origin,
      isAppUrl: (url) => parseUrl(url)?.origin === dev.origin
    }
  }
  // Built with URL, never by joining strings: the entry is a URL of our origin, not a path.
  const entry = new URL('/index.html', APP_ORIGIN)
  return {
    kind: 'app',
    entryUrl: entry.href,
    devServerOrigin: undefined,
    isAppUrl: (url) => {
      const parsed = parseUrl(url)
      return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
    }
  }
}

function parseUrl(url: string): URL | undefined {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

// --- Content Security Policy ---

const PRODUCTION_CSP: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data:"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['frame-ancestors', "'none'"]
]

/**
 * The policy sent with every response. In development Vite injects an inline React-refresh
 * preamble and talks HMR over a WebSocket on its own origin, so only there are those allowed.
 */
export function buildCsp(origin: Pick<AppOrigin, 'devServerOrigin'>): string {
  const dev = origin.devServerOrigin
  return PRODUCTION_CSP.map(([name, value]) => {
    if (dev && name === 'script-src') return `${name} ${value} 'unsafe-inline'`
    if (dev && name === 'connect-src') return `${name} ${value} ${dev.replace(/^http/, 'ws')}`
    return `${name} ${value}`
  }).join('; ')
}

// --- External links ---

/** The only sites a cashier may open from the app, in the system browser. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = [
  'www.tigo.com.co',
  'tigo.com.co',
  'ayuda.tigo.com.co',
  'www.une.com.co',
  'une.com.co'
]

export function isAllowedExternalUrl(url: string, hosts: readonly string[] = EXTERNAL_LINK_HOSTS) {
  const parsed = parseUrl(url)
  return (
    parsed !== undefined &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    hosts.includes(parsed.hostname)
  )
}

// --- Permissions ---

// Copying a reference number to the clipboard is the one web permission the screens need.
const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

export function isPermissionGranted(
  origin: AppOrigin,
  permission: string,
  requestingUrl: string | undefined
): boolean {
  return (
    GRANTED_PERMISSIONS.has(permission) &&
    requestingUrl !== undefined &&
    origin.isAppUrl(requestingUrl)
  )
}

/** Applies the CSP header and the deny-by-default permission handlers to a session. */
export function hardenSession(session: Session, origin: AppOrigin): void {
  const csp = buildCsp(origin)
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders }
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === 'content-security-policy') delete headers[key]
    }
    headers['Content-Security-Policy'] = [csp]
    callback({ responseHeaders: headers })
  })
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(origin, permission, details.requestingUrl))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const url = details.requestingUrl ?? details.securityOrigin ?? requestingOrigin
    return isPermissionGranted(origin, permission, url)
  })
  session.setDevicePermissionHandler(() => false)
}

/**
 * Guards one WebContents: no new windows, no navigation away from the app, no <webview>.
 * Allowlisted https links go to the system browser instead.
 */
export function hardenWebContents(
  contents: WebContents,
  opts: {
    origin: AppOrigin
    openExternal: (url: string) => Promise<void>
    onBlocked?: (what: string, url: string) => void
  }
): void {
  const openIfAllowed = (url: string) => {
    if (isAllowedExternalUrl(url)) {
      opts.openExternal(url).catch(() => opts.onBlocked?.('open-external-failed', url))
    } else {
      opts.onBlocked?.('external', url)
    }
  }
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url)
    return { action: 'deny' }
  })
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (opts.origin.isAppUrl(url)) return
    event.preventDefault()
    openIfAllowed(url)
  }
  contents.on('will-navigate', guardNavigation)
  contents.on('will-redirect', guardNavigation)
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    opts.onBlocked?.('webview', '')
  })
}

// --- IPC sender check ---

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>

interface TrustedWindow {
  contents: Pick<WebContents, 'id' | 'isDestroyed'>
  origin: AppOrigin
}

let trusted: TrustedWindow | undefined

/** Marks the main window as the only renderer whose IPC is served. */
export function trustWindow(contents: TrustedWindow['contents'], origin: AppOrigin): void {
  trusted = { contents, origin }
}

/**
 * True only for a message from our main window's top frame while it shows our app. The IPC layer
 * drops anything else (a subframe, a navigated-away page, a DevTools extension).
 */
export function isTrustedSender(event: SenderEvent): boolean {
  const window = trusted
  if (!window || window.contents.isDestroyed()) return false
  if (event.sender.id !== window.contents.id) return false
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return window.origin.isAppUrl(frame.url)
}

export const testing = {
  PRODUCTION_CSP,
  GRANTED_PERMISSIONS,
  reset: () => {
    trusted = undefined
  }
}
