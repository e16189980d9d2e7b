/**
 * What the shell itself tells the person at the till, in their language: a start-up failure
 * (with where the log is), closing while payments wait, and a renderer that crashed. Each takes
 * the few Electron objects it needs, so the mocked-electron tests drive them directly.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserWindow, Dialog, MessageBoxOptions, RenderProcessGoneDetails } from 'electron'
import { translate } from '@shared/i18n'
import type { Language } from '@shared/i18n'

/** The language chosen in Settings, read straight from settings.json (services may be down). */
export function shellLanguage(userDataDir: string): Language {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(userDataDir, 'settings.json'), 'utf8'))
    const language = (parsed as { language?: unknown }).language
    return language === 'en' ? 'en' : 'es'
  } catch {
    return 'es'
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * A start-up failure used to end in `app.exit(1)` with the reason only in the log file. Now the
 * person sees why, and where the log is, before the app exits. `showErrorBox` is the one dialog
 * Electron documents as usable before `ready` (docs/api/dialog.md), so this works at any stage.
 */
export function showStartupFailure(opts: {
  dialog: Pick<Dialog, 'showErrorBox'>
  language: Language
  logPath: string
  error: unknown
}): void {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(opts.language, key, params)
  opts.dialog.showErrorBox(
    t('shell.startup.title'),
    `${t('shell.startup.message')}\n\n${t('shell.startup.detail', {
      reason: errorText(opts.error),
      log: opts.logPath
    })}`
  )
}

type CloseWindow = Pick<BrowserWindow, 'on'>
type AskDialog = Pick<Dialog, 'showMessageBox'>

/**
 * Closing the till's window while payments wait to be sent asks first: they are safe on disk
 * but are not sent while Caja is closed. Confirming quits the app (the quit guard then stops the
 * services cleanly); "stay" keeps the window. With nothing waiting, the window closes at once.
 */
export function installCloseConfirmation(opts: {
  window: CloseWindow
  dialog: AskDialog
  pendingCount: () => number
  language: () => Language
  quit: () => void
  /** True once the app is quitting anyway (the quit guard is stopping the services): no question. */
  isQuitting?: () => boolean
}): void {
  let confirmed = false
  let asking = false
  opts.window.on('close', (event) => {
    if (confirmed || opts.isQuitting?.()) return
    let count: number
    try {
      count = opts.pendingCount()
    } catch {
      count = 0 // services already stopped: nothing more can be lost by closing
    }
    if (count <= 0) return
    event.preventDefault()
    if (asking) return
    asking = true
    const t = (key: string, params?: Record<string, string | number>) =>
      translate(opts.language(), key, params)
    const box: MessageBoxOptions = {
      type: 'warning',
      title: t('shell.close.title'),
      message: t('shell.close.message', { count }),
      detail: t('shell.close.detail'),
      buttons: [t('shell.close.cancel'), t('shell.close.confirm')],
      defaultId: 0,
      cancelId: 0,
      noLink: true
    }
    void opts.dialog
      .showMessageBox(opts.window as BrowserWindow, box)
      .then(({ response }) => {
        if (response !== 1) return
        confirmed = true
        opts.quit()
      })
      .finally(() => {
        asking = false
      })
  })
}

/** Crashes closer together than this count as "in a row" for the reload loop guard. */
const CRASH_WINDOW_MS = 60_000
const MAX_RELOADS = 3

type CrashWindow = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'on' | 'once'>
}

/**
 * A renderer that dies (`render-process-gone`: crashed, killed, out of memory) used to leave a
 * blank window until restart. The window is reloaded on its entry URL and the person is told
 * plainly that the unconfirmed sale in progress was lost (it lived only in the dead renderer;
 * saved payments are in the outbox). After `MAX_RELOADS` crashes within a minute it stops
 * reloading and says so, instead of looping.
 */
export function installCrashRecovery(opts: {
  window: CrashWindow
  dialog: AskDialog
  reload: () => Promise<void>
  language: () => Language
  logPath: string
  log: (message: string, details: unknown) => void
  now?: () => number
}): void {
  const now = opts.now ?? Date.now
  let crashes: number[] = []
  opts.window.webContents.on(
    'render-process-gone',
    (_event: unknown, details: RenderProcessGoneDetails) => {
      opts.log('renderer gone', details)
      if (details.reason === 'clean-exit' || opts.window.isDestroyed()) return
      const at = now()
      crashes = [...crashes.filter((time) => at - time < CRASH_WINDOW_MS), at]
      const t = (key: string, params?: Record<string, string | number>) =>
        translate(opts.language(), key, params)
      const tell = (message: string, detail: string) =>
        void opts.dialog.showMessageBox(opts.window as BrowserWindow, {
          type: 'error',
          title: t('shell.crash.title'),
          message,
          detail,
          buttons: [t('shell.ok')],
          noLink: true
        })
      if (crashes.length > MAX_RELOADS) {
        tell(
          t('shell.crash.title'),
          t('shell.crash.again', { count: crashes.length, log: opts.logPath })
        )
        return
      }
      opts.window.webContents.once('did-finish-load', () =>
        tell(t('shell.crash.message'), t('shell.crash.detail', { log: opts.logPath }))
      )
      opts.reload().catch((error: unknown) => opts.log('reload after crash failed', error))
    }
  )
}

export const testing = { CRASH_WINDOW_MS, MAX_RELOADS }
