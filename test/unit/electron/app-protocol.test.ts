import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '@support/temp-dir'
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  resolveAppFile
} from '@main/shell/app-protocol'
import { buildCsp, createAppOrigin } from '@main/shell/security'

const tempDir = useTempDir('caja-protocol-')
let base: string
let root: string
const csp = buildCsp(createAppOrigin({}))

beforeAll(() => {
  base = tempDir()
  root = join(base, 'out', 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Caja</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export const x = 1')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'a b#c%.svg'), '<svg/>')
  // What an XSS would want: the database and secrets next to (above) the renderer.
  writeFileSync(join(base, 'caja.db'), 'SQLite format 3')
  mkdirSync(join(base, 'out', 'renderer-evil'))
  writeFileSync(join(base, 'out', 'renderer-evil', 'x.js'), 'evil')
})

const handler = () => createAppProtocolHandler({ rootDir: root, csp })
const get = (url: string, method = 'GET') => handler()({ url, method })

describe('app:// protocol', () => {
  it('is registered standard and secure, without CORS or CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true }
    })
  })

  it('serves the built renderer with its type, the strict CSP and nosniff', async () => {
    const page = await get('app://caja/index.html')
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(csp)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await page.text()).toContain('<title>Caja</title>')

    const script = await get('app://caja/assets/index-abc.js')
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('export const x = 1')
    expect((await get('app://caja/assets/index-abc.css')).headers.get('content-type')).toMatch(
      /^text\/css/
    )
    expect((await get('app://caja/')).status).toBe(200) // the entry
    // A file whose name needs escaping (#, %, space) is found through its URL encoding.
    expect(await (await get('app://caja/assets/a%20b%23c%25.svg')).text()).toBe('<svg/>')
    const head = await get('app://caja/index.html', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })

  it('refuses anything outside out/renderer, encoded or not', async () => {
    for (const url of [
      'app://caja/../caja.db',
      'app://caja/%2e%2e/%2e%2e/caja.db',
      'app://caja/..%2f..%2fcaja.db',
      'app://caja/..%5c..%5ccaja.db',
      'app://caja/assets/..%2F..%2F..%2Fcaja.db',
      'app://caja/%00index.html',
      'app://caja/%E0%A4%A',
      'app://other/index.html',
      'app://caja/../renderer-evil/x.js',
      'file:///etc/passwd'
    ]) {
      const response = await get(url)
      expect({ url, status: response.status }).toEqual({ url, status: 404 })
    }
    expect(resolveAppFile(root, 'app://caja/../../caja.db')).not.toBe(join(base, 'caja.db'))
    expect((await get('app://caja/assets')).status).toBe(404) // a directory
    expect((await get('app://caja/missing.js')).status).toBe(404)
    expect((await get('app://caja/index.html', 'POST')).status).toBe(405)
  })

  it('does not follow a link that leads out of the folder', async () => {
    symlinkSync(join(base, 'caja.db'), join(root, 'db-link'))
    expect((await get('app://caja/db-link')).status).toBe(404)
  })

  it('maps only paths under the root', () => {
    expect(resolveAppFile(root, 'app://caja/assets/index-abc.js')).toBe(
      join(root, 'assets', 'index-abc.js')
    )
    expect(resolveAppFile(root, 'app://caja')).toBe(join(root, 'index.html'))
    expect(resolveAppFile(root, 'not a url')).toBeUndefined()
  })
})
