import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Services from '../../../electron/main/start-services'
import type { ServicesOptions } from '../../../electron/main/start-services'

// electron/main/index.ts is wiring only; this checks the wiring against a recording fake of
// Electron (no binary here): data dir, lock, session hardening, guards, window, quit guard.
const fake = vi.hoisted(() => ({
  calls: [] as string[],
  lock: true,
  windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; url: string }>,
  stop: undefined as unknown as () => Promise<void>,
  servicesOptions: undefined as unknown as ServicesOptions,
  sessionHandlers: {} as Record<string, (...args: unknown[]) => unknown>
}))

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  const paths: Record<string, string> = {}
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setPath: (name: string, value: string) => {
      fake.calls.push(`setPath:${name}`)
      paths[name] = value
    },
    getPath: (name: string) => paths[name] ?? '/nonexistent',
    getAppPath: () => process.cwd(),
    getVersion: () => '0.1.0',
    requestSingleInstanceLock: () => {
      fake.calls.push('lock')
      return fake.lock
    },
    whenReady: () => Promise.resolve(),
    quit: () => {
      fake.calls.push('quit')
    },
    exit: (code: number) => fake.calls.push(`exit:${code}`)
  })
  class BrowserWindow extends EventEmitter {
    webContents = { id: 1, isDestroyed: () => false }
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super()
      fake.windows.push({ options, url: '' })
    }
    loadURL = async (url: string) => {
      fake.windows.at(-1)!.url = url
    }
  }
  const defaultSession = {
    webRequest: { onHeadersReceived: (fn: () => void) => (fake.sessionHandlers.headers = fn) },
    setPermissionRequestHandler: (fn: () => void) => (fake.sessionHandlers.request = fn),
    setPermissionCheckHandler: (fn: () => void) => (fake.sessionHandlers.check = fn),
    setDevicePermissionHandler: (fn: () => void) => (fake.sessionHandlers.device = fn)
  }
  const safeStorage = {
    isEncryptionAvailable: () => false,
    encryptString: () => Buffer.alloc(0),
    decryptString: () => ''
  }
  return {
    app,
    BrowserWindow,
    session: { defaultSession },
    safeStorage,
    shell: { openExternal: async () => {} }
  }
})

vi.mock('../../../electron/main/start-services', async (importOriginal) => {
  const actual = await importOriginal<typeof Services>()
  return {
    secretsToRedact: actual.secretsToRedact,
    startServices: async (options: ServicesOptions) => {
      fake.calls.push('startServices')
      fake.servicesOptions = options
      return { stop: fake.stop, secretsInUse: () => [] }
    }
  }
})

const ENV_SECRET = 'cs-index-env-4d5e6f'
let dataDir: string
beforeEach(() => {
  vi.resetModules()
  fake.calls.length = 0
  fake.windows.length = 0
  fake.sessionHandlers = {}
  fake.lock = true
  dataDir = mkdtempSync(join(tmpdir(), 'caja-index-'))
  vi.stubEnv('CAJA_USER_DATA_DIR', dataDir)
  vi.stubEnv('ELECTRON_RENDERER_URL', '')
  vi.stubEnv('TIGO_CLIENT_SECRET', ENV_SECRET)
})
afterEach(() => {
  vi.unstubAllEnvs()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('main process wiring', () => {
  it('starts services, hardens the session, opens the sandboxed window and stops services on quit', async () => {
    const stop = vi.fn(async () => {})
    fake.stop = stop
    await import('../../../electron/main/index')
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    const { app } = await import('electron')

    expect(fake.calls.slice(0, 3)).toEqual(['setPath:userData', 'lock', 'startServices'])
    expect(Object.keys(fake.sessionHandlers).sort()).toEqual([
      'check',
      'device',
      'headers',
      'request'
    ])
    const window = fake.windows[0]!
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false
    })
    const preload = String(window.options.webPreferences.preload)
    expect(isAbsolute(preload) && preload.endsWith(join('preload', 'index.js'))).toBe(true)
    expect(window.url).toMatch(/^file:\/\/.*\/renderer\/index\.html$/)
    expect(existsSync(join(dataDir, 'logs', 'caja.log'))).toBe(true)

    // The services get userData, the logger (which hides an environment secret), the sender
    // check and our window.
    const options = fake.servicesOptions
    expect(options.userDataDir).toBe(dataDir)
    options.logger.error('token request failed', new Error(`secret was ${ENV_SECRET}`))
    const log = readFileSync(options.logger.path, 'utf8')
    expect(log).toContain('token request failed')
    expect(log).not.toContain(ENV_SECRET)
    const frame = { url: 'https://evil.example/', parent: null }
    expect(options.isTrustedSender({ sender: {}, senderFrame: frame } as never)).toBe(false)
    expect(options.getMainWindow()).toBeDefined()

    const guarded = { setWindowOpenHandler: vi.fn(), on: vi.fn() }
    app.emit('web-contents-created', {}, guarded)
    expect(guarded.setWindowOpenHandler).toHaveBeenCalled()
    expect(guarded.on.mock.calls.map((call) => call[0])).toEqual(
      expect.arrayContaining(['will-navigate', 'will-redirect', 'will-attach-webview'])
    )

    const event = { preventDefault: vi.fn() }
    app.emit('before-quit', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.calls).toContain('quit'))
    expect(stop).toHaveBeenCalledTimes(1)
  })

  it('a second instance quits at once without starting anything', async () => {
    fake.lock = false
    await import('../../../electron/main/index')
    await Promise.resolve()
    expect(fake.calls).toEqual(['setPath:userData', 'lock', 'quit'])
    expect(fake.windows).toHaveLength(0)
  })
})
