import type { BrowserWindow, IpcMainEvent, IpcMainInvokeEvent } from 'electron'
import type { Logger } from './log'
import type { SecretStore } from './secrets'

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
}

export interface RunningServices {
  /** Called once on quit: stop the sync engine, then close the database. */
  stop(): Promise<void>
}

/**
 * STUB (shell issue): the services engineers replace this body with the real wiring
 * (simulator, token, Tigo client, store, outbox, sync engine, IPC handlers).
 */
export async function startServices(_opts: ServicesOptions): Promise<RunningServices> {
  return { stop: async () => {} }
}
