import { join } from 'node:path'
import type { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'

// The Electron binary is not available here: BrowserWindow is a recording fake.
const created = vi.hoisted(() => [] as Array<{ options: unknown; window: unknown }>)
const loadFailure = vi.hoisted(() => ({ next: undefined as Error | undefined }))
vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events')
  class BrowserWindow extends EventEmitter {
    webContents = { id: 41, isDestroyed: () => false }
    loadURL = vi.fn(async (_url: string) => {
      if (loadFailure.next) throw loadFailure.next
    })
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    minimized = false
    isMinimized = () => this.minimized
    isDestroyed = () => false
    constructor(options: unknown) {
      super()
      created.push({ options, window: this })
    }
  }
  return { BrowserWindow }
})

const { createMainWindow, focusWindow, getMainWindowOptions } = await import('@main/shell/window')
const { createAppOrigin, isTrustedSender, testing } = await import('@main/shell/security')

const origin = createAppOrigin({})
const preloadPath = join('/opt', 'caja', 'out', 'preload', 'index.js')

type FakeWindow = EventEmitter & {
  loadURL: ReturnType<typeof vi.fn>
  show: ReturnType<typeof vi.fn>
  focus: ReturnType<typeof vi.fn>
  restore: ReturnType<typeof vi.fn>
  minimized: boolean
}

afterEach(() => {
  created.length = 0
  testing.reset()
})

describe('main window', () => {
  it('is isolated, sandboxed, without Node, with the built CommonJS preload', () => {
    const { webPreferences } = getMainWindowOptions({ preloadPath, devTools: false })
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      devTools: false,
      preload: preloadPath
    })
  })

  it('loads the app entry, shows when ready, and becomes the trusted IPC sender', () => {
    const onLoadFailed = vi.fn()
    createMainWindow({ preloadPath, devTools: false, origin, onLoadFailed })
    const window = created[0]!.window as FakeWindow
    expect(created[0]!.options).toMatchObject({ show: false, webPreferences: { sandbox: true } })
    expect(window.loadURL).toHaveBeenCalledWith(origin.entryUrl)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()

    const fromWindow = {
      sender: { id: 41 },
      senderFrame: { url: origin.entryUrl, parent: null }
    } as unknown as IpcMainInvokeEvent
    expect(isTrustedSender(fromWindow)).toBe(true)
  })

  it('reports a failed load instead of leaving an unhandled rejection', async () => {
    const failure = new Error('ERR_FILE_NOT_FOUND')
    loadFailure.next = failure
    try {
      const reported = new Promise((resolve) => {
        createMainWindow({ preloadPath, devTools: false, origin, onLoadFailed: resolve })
      })
      await expect(reported).resolves.toBe(failure)
    } finally {
      loadFailure.next = undefined
    }
  })

  it('restores and focuses the window for a second instance', () => {
    createMainWindow({ preloadPath, devTools: false, origin, onLoadFailed: vi.fn() })
    const window = created[0]!.window as FakeWindow
    window.minimized = true
    focusWindow(window as never)
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
    expect(() => focusWindow(undefined)).not.toThrow()
  })
})
