/**
 * The services as the Electron app runs them: the safeStorage-backed secret store, `ipcMain` and
 * the window's pushed events around `createServices` (services.ts), which the harness and the
 * tests use without Electron.
 */
import type { BrowserWindow, IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import { forwardEventsToWindow, registerIpc } from '@main/ipc'
import type { Logger } from '@main/log'
import type { SecretStore } from '@main/secrets/safe-storage-store'
import type { ClientSecretStore } from '@main/secrets/secret-store'
import { createServices } from '@main/services'
import type { ApiEnv } from '@main/tigo/settings'
import type { Language } from '@shared/i18n'

export interface ServicesOptions {
  /** Electron's user-data dir: the database, logs and secrets live here. */
  userDataDir: string
  /** Pass to `new Database(file, { nativeBinding })`; undefined = better-sqlite3's own build. */
  nativeBinding: string | undefined
  logger: Logger
  secrets: SecretStore
  /** The IPC layer drops every message for which this is false. */
  isTrustedSender: (
    event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>
  ) => boolean
  /** For pushed events (sync status) and printing; undefined before the window opens. */
  getMainWindow: () => BrowserWindow | undefined
  /** Default `process.env` (`TIGO_API_BASE_URL`…; none set = the embedded simulator). */
  env?: ApiEnv
}

export interface RunningServices {
  /** The client secret in use (environment or secret store), for the log redactor. */
  secretsInUse(): string[]
  /** Payments not yet registered with Tigo (queued, sending, uncertain): closing asks first. */
  pendingCount(): number
  /** The language chosen in Settings, for the shell's own dialogs. */
  language(): Language
  /** Called once on quit: stop IPC and the sync engine, then close the database. */
  stop(): Promise<void>
}

/**
 * What the Electron log must never show, known before the services start: the secret store's
 * values and a `TIGO_CLIENT_SECRET` from the environment (which the store never sees).
 */
export function secretsToRedact(store: Pick<SecretStore, 'knownValues'>, env: ApiEnv): string[] {
  const fromEnv = env.TIGO_CLIENT_SECRET?.trim()
  return fromEnv ? [...store.knownValues(), fromEnv] : store.knownValues()
}

/** The safeStorage-backed store (secrets/safe-storage-store.ts) as the services see a secret store. */
export function clientSecretsFrom(store: SecretStore): ClientSecretStore {
  return {
    getClientSecret: () => store.get('clientSecret'),
    setClientSecret: (secret) => {
      if (secret === null || secret === '') store.delete('clientSecret')
      else store.set('clientSecret', secret)
    },
    protection: () => {
      if (!store.isPersistent()) return 'memory'
      return store.getBackendWarning() === 'weak' ? 'weak' : 'strong'
    },
    knownValues: () => store.knownValues()
  }
}

export async function startServices(opts: ServicesOptions): Promise<RunningServices> {
  // Loaded here, not at the top: importing this file (secretsToRedact) needs no Electron.
  const { ipcMain } = await import('electron')
  const services = await createServices({
    dataDir: opts.userDataDir,
    env: opts.env ?? process.env,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    secrets: clientSecretsFrom(opts.secrets),
    log: opts.logger,
    // The print dialog is parented to the till's window, not floating on its own.
    printer: { mode: 'electron', parentWindow: opts.getMainWindow }
  })
  const unregister = registerIpc({
    ipcMain,
    dispatch: services.dispatch,
    isTrustedSender: opts.isTrustedSender,
    log: opts.logger
  })
  const unforward = forwardEventsToWindow(services.events, () => {
    const window = opts.getMainWindow()
    return window && !window.isDestroyed() ? window.webContents : undefined
  })
  return {
    secretsInUse: () => services.secretsInUse(),
    pendingCount: () => services.syncStatus().pendingCount,
    language: () => services.settings.get().language,
    async stop() {
      // No new call from the window; the ones running finish inside services.stop().
      unregister()
      await services.stop()
      unforward()
    }
  }
}
