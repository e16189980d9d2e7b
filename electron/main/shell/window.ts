import { BrowserWindow } from 'electron'
import type { BrowserWindowConstructorOptions } from 'electron'
import { trustWindow } from './security'
import type { AppOrigin } from './security'

export interface MainWindowOptions {
  /** The built CommonJS preload (`out/preload/index.js`): a sandboxed preload cannot be ESM. */
  preloadPath: string
  /** DevTools only where a developer runs the app, never in the cashier's build. */
  devTools: boolean
}

export function getMainWindowOptions(opts: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Caja',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: opts.devTools
    }
  }
}

/**
 * Opens the cashier's window on the app origin and makes it the only trusted IPC sender.
 * Navigation and window-open guards come from `hardenWebContents`, applied to every
 * WebContents in `web-contents-created`.
 */
export function createMainWindow(
  opts: MainWindowOptions & { origin: AppOrigin; onLoadFailed: (error: unknown) => void }
): BrowserWindow {
  const window = new BrowserWindow(getMainWindowOptions(opts))
  trustWindow(window.webContents, opts.origin)
  window.once('ready-to-show', () => window.show())
  window.loadURL(opts.origin.entryUrl).catch(opts.onLoadFailed)
  return window
}

/** Brings the window back when the cashier starts Caja a second time. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
