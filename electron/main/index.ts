import { join, resolve } from 'node:path'
import { app, dialog, Menu, protocol, safeStorage, session, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './shell/app-protocol'
import { applyAppMenu, lockZoom } from './shell/app-menu'
import { claimSingleInstance, installQuitGuard } from './shell/lifecycle'
import { createLogger } from './log'
import type { Logger } from './log'
import { resolveNativeBinding } from './shell/native-sqlite'
import { allowPlainTextFallback, openSecretStore } from './secrets/safe-storage-store'
import type { SecretStore } from './secrets/safe-storage-store'
import {
  buildCsp,
  createAppOrigin,
  hardenSession,
  hardenWebContents,
  isTrustedSender
} from './shell/security'
import {
  installCloseConfirmation,
  installCrashRecovery,
  shellLanguage,
  showStartupFailure
} from './shell/shell-dialogs'
// SERVICES WIRING: services.ts builds every service and registers the IPC handlers.
import { secretsToRedact, startServices } from './shell/start-services'
import { createMainWindow, focusWindow } from './shell/window'

const STOP_TIMEOUT_MS = 5_000

// Lets tests (and a second till on one PC) run with their own data dir; must precede the lock.
// app.setPath throws on a relative path, so a relative one is taken from the working directory.
if (process.env.CAJA_USER_DATA_DIR) {
  app.setPath('userData', resolve(process.env.CAJA_USER_DATA_DIR))
}

// Must happen before `ready`, and only once (docs/api/protocol.md registerSchemesAsPrivileged).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

let mainWindow: BrowserWindow | undefined
let logger: Logger | undefined

if (!claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.quit()
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStart(error))
}

/** Whatever stopped the start: logged, then shown with the log's path, then exit. */
function failStart(error: unknown): void {
  const userDataDir = app.getPath('userData')
  const logPath = logger?.path ?? join(userDataDir, 'logs', 'caja.log')
  if (logger) logger.error('Caja failed to start', error)
  else console.error('Caja failed to start', error)
  try {
    showStartupFailure({ dialog, language: shellLanguage(userDataDir), logPath, error })
  } finally {
    app.exit(1)
  }
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData')
  // The logger comes first (a failure opening the secrets must be logged); it redacts the
  // secrets once they are known.
  const known: { secrets?: SecretStore } = {}
  const log = createLogger({
    dir: join(userDataDir, 'logs'),
    maxBytes: 1_000_000,
    files: 5,
    secrets: () => (known.secrets ? secretsToRedact(known.secrets, process.env) : [])
  })
  logger = log
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection', reason))
  log.info(`Caja ${app.getVersion()} starting`, { electron: process.versions.electron })

  allowPlainTextFallback(safeStorage)
  const secrets = await openSecretStore({
    dir: userDataDir,
    safeStorage,
    onError: (message, error) => log.warn(message, error)
  })
  known.secrets = secrets

  const developer = !app.isPackaged
  const origin = createAppOrigin({
    devServerUrl: developer ? process.env.ELECTRON_RENDERER_URL : undefined
  })
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: join(__dirname, '../renderer'),
      csp: buildCsp(origin),
      onRefused: (url, status) => log.warn('app protocol refused', { url, status })
    })
  )
  hardenSession(session.defaultSession, origin)
  applyAppMenu(Menu, { developer })
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      origin,
      openExternal: (url) => shell.openExternal(url),
      onBlocked: (what, url) => log.warn(`blocked ${what}`, { url })
    })
    if (!developer) lockZoom(contents)
  })

  // Proven before anything loads it: a wrong ABI is a start-up failure with the reason.
  const nativeBinding = resolveNativeBinding({
    appPath: app.getAppPath(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath
  })

  // SERVICES WIRING: everything the cashier's screens call is started here.
  const services = await startServices({
    userDataDir,
    nativeBinding,
    logger: log,
    secrets,
    isTrustedSender,
    getMainWindow: () => mainWindow
  })
  let quitting = false
  app.on('before-quit', () => {
    quitting = true
  })
  installQuitGuard({
    app,
    stop: async () => {
      await services.stop()
      await secrets.flush()
    },
    timeoutMs: STOP_TIMEOUT_MS,
    onError: (error) => log.error('services stop failed', error)
  })

  const language = () => services.language()
  const window = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    devTools: developer,
    origin,
    onLoadFailed: (error) => log.error('window failed to load', error)
  })
  mainWindow = window
  installCloseConfirmation({
    window,
    dialog,
    pendingCount: () => services.pendingCount(),
    language,
    quit: () => app.quit(),
    isQuitting: () => quitting
  })
  installCrashRecovery({
    window,
    dialog,
    reload: () => window.loadURL(origin.entryUrl),
    language,
    logPath: log.path,
    log: (message, details) => log.error(message, details)
  })
  window.on('closed', () => {
    mainWindow = undefined
  })
  app.on('window-all-closed', () => app.quit())
}
