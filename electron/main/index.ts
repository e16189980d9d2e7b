import { join } from 'node:path'
import { app, safeStorage, session, shell } from 'electron'
import type { BrowserWindow } from 'electron'
import { claimSingleInstance, installQuitGuard } from './lifecycle'
import { createLogger } from './log'
import { missingNativeBindingHint, resolveNativeBinding } from './native-sqlite'
import { createSecretStore } from './secrets'
import { createAppOrigin, hardenSession, hardenWebContents, isTrustedSender } from './security'
// SERVICES WIRING: services.ts builds every service and registers the IPC handlers.
import { secretsToRedact, startServices } from './start-services'
import { createMainWindow, focusWindow } from './window'

const STOP_TIMEOUT_MS = 5_000

// Lets tests (and a second till on one PC) run with their own data dir; must precede the lock.
if (process.env.CAJA_USER_DATA_DIR) app.setPath('userData', process.env.CAJA_USER_DATA_DIR)

let mainWindow: BrowserWindow | undefined

if (!claimSingleInstance(app, () => focusWindow(mainWindow))) {
  app.quit()
} else {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('Caja failed to start', error)
      app.exit(1)
    })
}

async function start(): Promise<void> {
  const userDataDir = app.getPath('userData')
  const secrets = createSecretStore({ dir: userDataDir, safeStorage })
  const logger = createLogger({
    dir: join(userDataDir, 'logs'),
    maxBytes: 1_000_000,
    files: 5,
    secrets: () => secretsToRedact(secrets, process.env)
  })
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', reason))
  logger.info(`Caja ${app.getVersion()} starting`, { electron: process.versions.electron })

  const origin = createAppOrigin({
    rendererDir: join(__dirname, '../renderer'),
    devServerUrl: app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  })
  hardenSession(session.defaultSession, origin)
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      origin,
      openExternal: (url) => shell.openExternal(url),
      onBlocked: (what, url) => logger.warn(`blocked ${what}`, { url })
    })
  })
  app.on('render-process-gone', (_event, _contents, details) =>
    logger.error('renderer gone', details)
  )

  const nativeOptions = { appPath: app.getAppPath(), isPackaged: app.isPackaged }
  const hint = missingNativeBindingHint(nativeOptions)
  if (hint) logger.warn(hint)

  try {
    // SERVICES WIRING: everything the cashier's screens call is started here.
    const services = await startServices({
      userDataDir,
      nativeBinding: resolveNativeBinding(nativeOptions),
      logger,
      secrets,
      isTrustedSender,
      getMainWindow: () => mainWindow
    })
    installQuitGuard({
      app,
      stop: () => services.stop(),
      timeoutMs: STOP_TIMEOUT_MS,
      onError: (error) => logger.error('services stop failed', error)
    })
  } catch (error) {
    logger.error('services failed to start', error)
    app.exit(1)
    return
  }

  mainWindow = createMainWindow({
    preloadPath: join(__dirname, '../preload/index.js'),
    devTools: !app.isPackaged,
    origin,
    onLoadFailed: (error) => logger.error('window failed to load', error)
  })
  mainWindow.on('closed', () => {
    mainWindow = undefined
  })
  app.on('window-all-closed', () => app.quit())
}
