import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Services from '@main/shell/start-services'
import type { ServicesOptions } from '@main/shell/start-services'

// electron/main/index.ts is wiring only; this checks the wiring against a recording fake of
// Electron (no binary here): data dir, lock, session hardening, guards, window, quit guard.
const fake = vi.hoisted(() => ({
  calls: [] as string[],
  lock: true,
  windows: [] as Array<{ options: { webPreferences: Record<string, unknown> }; url: string }>,
  stop: undefined as unknown as () => Promise<void>,
  servicesOptions: undefined as unknown as ServicesOptions,
  sessionHandlers: {} as Record<string, (...args: unknown[]) => unknown>,
  protocolHandlers: {} as Record<string, (request: { url: string; method: string }) => unknown>,
  privileged: [] as unknown[],
  menus: [] as unknown[],
  errorBoxes: [] as Array<[string, string]>,
  plainText: [] as boolean[],
  startFails: undefined as Error | undefined,
  packaged: false
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
  Object.defineProperty(app, 'isPackaged', { get: () => fake.packaged })
  class BrowserWindow extends EventEmitter {
    webContents = Object.assign(new EventEmitter(), { id: 1, isDestroyed: () => false })
    isDestroyed = () => false
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
    isAsyncEncryptionAvailable: async () => false,
    encryptStringAsync: async () => Buffer.alloc(0),
    decryptStringAsync: async () => ({ result: '', shouldReEncrypt: false }),
    setUsePlainTextEncryption: (use: boolean) => fake.plainText.push(use)
  }
  const protocol = {
    registerSchemesAsPrivileged: (schemes: unknown[]) => {
      fake.calls.push('registerSchemesAsPrivileged')
      fake.privileged.push(...schemes)
    },
    handle: (scheme: string, handler: (request: { url: string; method: string }) => unknown) => {
      fake.calls.push(`handle:${scheme}`)
      fake.protocolHandlers[scheme] = handler
    }
  }
  const Menu = {
    setApplicationMenu: (menu: unknown) => fake.menus.push(menu),
    buildFromTemplate: (template: unknown) => ({ template })
  }
  const dialog = {
    showErrorBox: (title: string, content: string) => fake.errorBoxes.push([title, content]),
    showMessageBox: async () => ({ response: 0 })
  }
  return {
    app,
    BrowserWindow,
    Menu,
    dialog,
    protocol,
    session: { defaultSession },
    safeStorage,
    shell: { openExternal: async () => {} }
  }
})

vi.mock('@main/shell/start-services', async (importOriginal) => {
  const actual = await importOriginal<typeof Services>()
  return {
    secretsToRedact: actual.secretsToRedact,
    startServices: async (options: ServicesOptions) => {
      fake.calls.push('startServices')
      fake.servicesOptions = options
      if (fake.startFails) throw fake.startFails
      return {
        stop: fake.stop,
        secretsInUse: () => [],
        pendingCount: () => 0,
        language: () => 'es' as const
      }
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
  fake.protocolHandlers = {}
  fake.privileged.length = 0
  fake.menus.length = 0
  fake.errorBoxes.length = 0
  fake.plainText.length = 0
  fake.startFails = undefined
  fake.packaged = false
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
    await import('@main/index')
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    const { app } = await import('electron')

    expect(fake.calls.slice(0, 5)).toEqual([
      'setPath:userData',
      'registerSchemesAsPrivileged', // before ready, as Electron requires
      'lock',
      'handle:app',
      'startServices'
    ])
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }
    ])
    // The protocol serves the built renderer (out/renderer beside out/main) and nothing above.
    const served = (await fake.protocolHandlers.app!({
      url: 'app://caja/../main/index.js',
      method: 'GET'
    })) as Response
    expect(served.status).toBe(404)
    // Unpackaged: the developer's menu (reload, DevTools); the release test below has none.
    expect(fake.menus).toHaveLength(1)
    expect(fake.menus[0]).not.toBeNull()
    if (process.platform === 'linux') expect(fake.plainText).toEqual([true])
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
    expect(window.url).toBe('app://caja/index.html')
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
    await import('@main/index')
    await Promise.resolve()
    expect(fake.calls).toEqual(['setPath:userData', 'registerSchemesAsPrivileged', 'lock', 'quit'])
    expect(fake.windows).toHaveLength(0)
  })

  it('a release build has no menu (no reload, close, quit, zoom or DevTools keys) and locks zoom', async () => {
    fake.packaged = true
    await import('@main/index')
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    expect(fake.menus).toEqual([null])
    expect(fake.windows[0]!.options.webPreferences.devTools).toBe(false)
    const { app } = await import('electron')
    const contents = {
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      setZoomLevel: vi.fn(),
      setVisualZoomLevelLimits: vi.fn(async () => {})
    }
    app.emit('web-contents-created', {}, contents)
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1)
    const zoom = contents.on.mock.calls.find((call) => call[0] === 'zoom-changed')
    expect(zoom).toBeDefined()
    ;(zoom![1] as () => void)()
    expect(contents.setZoomLevel).toHaveBeenCalledWith(0)
  })

  it('resolves a relative CAJA_USER_DATA_DIR (app.setPath refuses relative paths)', async () => {
    vi.stubEnv('CAJA_USER_DATA_DIR', 'relative-data-dir')
    await import('@main/index')
    const { app } = await import('electron')
    expect(app.getPath('userData')).toBe(join(process.cwd(), 'relative-data-dir'))
    await vi.waitFor(() => expect(fake.windows).toHaveLength(1))
    rmSync(join(process.cwd(), 'relative-data-dir'), { recursive: true, force: true })
  })

  it('a start-up failure shows a translated dialog with the reason and the log path, then exits', async () => {
    fake.startFails = new Error('database is locked')
    await import('@main/index')
    await vi.waitFor(() => expect(fake.calls).toContain('exit:1'))
    expect(fake.windows).toHaveLength(0)
    const logPath = join(dataDir, 'logs', 'caja.log')
    expect(fake.errorBoxes).toEqual([
      [
        'Caja no pudo iniciar',
        `Caja no pudo iniciar.\n\ndatabase is locked\n\nEl detalle está en el registro: ${logPath}`
      ]
    ])
    expect(readFileSync(logPath, 'utf8')).toContain('database is locked')
  })

  it('the dialog speaks the language chosen in Settings', async () => {
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ language: 'en' }))
    fake.startFails = new Error('disk full')
    await import('@main/index')
    await vi.waitFor(() => expect(fake.errorBoxes).toHaveLength(1))
    expect(fake.errorBoxes[0]![0]).toBe('Caja could not start')
    expect(fake.errorBoxes[0]![1]).toContain('The details are in the log:')
  })
})
