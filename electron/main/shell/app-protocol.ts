/**
 * The renderer's own origin, `app://caja/`, instead of file://. Electron's security checklist
 * (docs/tutorial/security.md, item 18) and the GrantFileProtocolExtraPrivileges fuse
 * (docs/tutorial/fuses.md) say why: a file:// page may read any file the user can, so one XSS
 * would reach caja.db, the secret files and the logs. This handler serves only the built
 * renderer folder, and nothing above it.
 */
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, resolve, sep } from 'node:path'
import type { CustomScheme } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'caja'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/**
 * Registered before `ready` (protocol.registerSchemesAsPrivileged may only be called then, and
 * once). `standard` gives the scheme real origins and relative URL resolution; `secure` makes
 * it a secure context like https. Module scripts are same-origin here, so `corsEnabled` (which
 * lets other origins read it) and `bypassCSP` stay off: the CSP applies as before.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true }
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8'
}

/**
 * The file a request names, or undefined when it names none we serve: another host, a path
 * that leaves `rootDir` (`..`, encoded or not), a NUL, or an encoded separator.
 */
export function resolveAppFile(rootDir: string, url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined
  let path: string
  try {
    path = decodeURIComponent(parsed.pathname)
  } catch {
    return undefined
  }
  // An encoded "/" or "\" would let a single segment climb once decoded.
  if (path.includes('\0') || /%2f|%5c/i.test(parsed.pathname) || path.includes('\\')) {
    return undefined
  }
  const root = resolve(rootDir)
  const segments = path.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.')) return undefined
  const file = resolve(root, ...(segments.length === 0 ? ['index.html'] : segments))
  return file.startsWith(root + sep) ? file : undefined
}

export type AppRequest = Pick<Request, 'url' | 'method'>

/**
 * The `protocol.handle(APP_SCHEME, …)` handler: GET/HEAD of a file under `rootDir` (inside
 * app.asar in a package: Electron's asar support patches fs.promises readFile, stat and realpath,
 * lib/node/asar-fs-wrapper.ts), with the
 * same CSP the session adds to every response (sent here too, so the policy does not depend on
 * webRequest seeing custom-protocol responses).
 */
export function createAppProtocolHandler(opts: {
  rootDir: string
  csp: string
  onRefused?: (url: string, status: number) => void
}): (request: AppRequest) => Promise<Response> {
  const refuse = (url: string, status: number) => {
    opts.onRefused?.(url, status)
    return new Response(null, { status })
  }
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(request.url, 405)
    const file = resolveAppFile(opts.rootDir, request.url)
    if (!file) return refuse(request.url, 404)
    try {
      // A link inside the folder that points out of it is refused too.
      const [real, realRoot] = await Promise.all([realpath(file), realpath(opts.rootDir)])
      if (!real.startsWith(realRoot + sep)) return refuse(request.url, 404)
      if (!(await stat(real)).isFile()) return refuse(request.url, 404)
      const body = request.method === 'HEAD' ? null : await readFile(real)
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': opts.csp,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache'
        }
      })
    } catch {
      return refuse(request.url, 404)
    }
  }
}
