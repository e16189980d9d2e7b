import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { Dialog, MessageBoxOptions } from 'electron'
import { appMenuTemplate } from '@main/shell/app-menu'
import {
  installCloseConfirmation,
  installCrashRecovery,
  shellLanguage,
  testing
} from '@main/shell/shell-dialogs'

function fakeDialog(response = 0) {
  const shown: MessageBoxOptions[] = []
  const dialog = {
    showMessageBox: vi.fn(async (_window: unknown, options: MessageBoxOptions) => {
      shown.push(options)
      return { response, checkboxChecked: false }
    })
  }
  return { dialog: dialog as unknown as Pick<Dialog, 'showMessageBox'>, shown, raw: dialog }
}

function closeEvent() {
  return { preventDefault: vi.fn() }
}

describe('closing the window while payments wait', () => {
  it('closes at once when nothing waits', () => {
    const window = new EventEmitter()
    const { dialog, raw } = fakeDialog()
    const quit = vi.fn()
    installCloseConfirmation({
      window: window as never,
      dialog,
      pendingCount: () => 0,
      language: () => 'es',
      quit
    })
    const event = closeEvent()
    window.emit('close', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(raw.showMessageBox).not.toHaveBeenCalled()
  })

  it('asks in Spanish, keeps the window on "Seguir en Caja"', async () => {
    const window = new EventEmitter()
    const { dialog, shown } = fakeDialog(0)
    const quit = vi.fn()
    installCloseConfirmation({
      window: window as never,
      dialog,
      pendingCount: () => 3,
      language: () => 'es',
      quit
    })
    const event = closeEvent()
    window.emit('close', event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]).toMatchObject({
      type: 'warning',
      message: 'Hay 3 pagos esperando para enviarse a Tigo. ¿Cerrar Caja de todos modos?',
      buttons: ['Seguir en Caja', 'Cerrar Caja'],
      defaultId: 0,
      cancelId: 0
    })
    await Promise.resolve()
    expect(quit).not.toHaveBeenCalled()
  })

  it('quits cleanly (through app.quit and its guard) when confirmed, and lets the close through', async () => {
    const window = new EventEmitter()
    const { dialog } = fakeDialog(1)
    const quit = vi.fn()
    installCloseConfirmation({
      window: window as never,
      dialog,
      pendingCount: () => 2,
      language: () => 'en',
      quit
    })
    window.emit('close', closeEvent())
    // A second close while the question is open does not ask twice.
    window.emit('close', closeEvent())
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    const again = closeEvent()
    window.emit('close', again)
    expect(again.preventDefault).not.toHaveBeenCalled()
  })

  it('does not ask again when the app is already quitting (the quit guard closes the window)', () => {
    const window = new EventEmitter()
    const { dialog, raw } = fakeDialog()
    const event = closeEvent()
    installCloseConfirmation({
      window: window as never,
      dialog,
      pendingCount: () => 5,
      language: () => 'es',
      quit: vi.fn(),
      isQuitting: () => true
    })
    window.emit('close', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
    expect(raw.showMessageBox).not.toHaveBeenCalled()
  })

  it('does not hold the window when the services can no longer answer', () => {
    const window = new EventEmitter()
    const event = closeEvent()
    installCloseConfirmation({
      window: window as never,
      dialog: fakeDialog().dialog,
      pendingCount: () => {
        throw new Error('database closed')
      },
      language: () => 'es',
      quit: vi.fn()
    })
    window.emit('close', event)
    expect(event.preventDefault).not.toHaveBeenCalled()
  })
})

function crashWindow() {
  const webContents = new EventEmitter()
  return { window: { isDestroyed: () => false, webContents }, webContents }
}

describe('a renderer that crashed', () => {
  it('reloads the window and, once loaded, says the unconfirmed sale was lost', async () => {
    const { window, webContents } = crashWindow()
    const { dialog, shown } = fakeDialog()
    const reload = vi.fn(async () => {})
    const log = vi.fn()
    installCrashRecovery({
      window: window as never,
      dialog,
      reload,
      language: () => 'es',
      logPath: '/data/logs/caja.log',
      log
    })
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 })
    expect(log).toHaveBeenCalledWith('renderer gone', { reason: 'crashed', exitCode: 11 })
    expect(reload).toHaveBeenCalledTimes(1)
    expect(shown).toHaveLength(0)
    webContents.emit('did-finish-load')
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]!.message).toBe(
      'La pantalla de Caja se cerró inesperadamente y se volvió a abrir.'
    )
    expect(shown[0]!.detail).toContain(
      'La venta que estaba en curso y no se había confirmado se perdió'
    )
    expect(shown[0]!.detail).toContain('/data/logs/caja.log')
  })

  it('leaves a clean exit alone', () => {
    const { window, webContents } = crashWindow()
    const reload = vi.fn(async () => {})
    installCrashRecovery({
      window: window as never,
      dialog: fakeDialog().dialog,
      reload,
      language: () => 'es',
      logPath: 'x',
      log: vi.fn()
    })
    webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 })
    expect(reload).not.toHaveBeenCalled()
  })

  it('stops reloading after repeated crashes within a minute, and says so', async () => {
    const { window, webContents } = crashWindow()
    const { dialog, shown } = fakeDialog()
    const reload = vi.fn(async () => {})
    let now = 0
    installCrashRecovery({
      window: window as never,
      dialog,
      reload,
      language: () => 'en',
      logPath: '/l',
      log: vi.fn(),
      now: () => now
    })
    for (let i = 0; i <= testing.MAX_RELOADS; i++) {
      now += 1000
      webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 })
    }
    expect(reload).toHaveBeenCalledTimes(testing.MAX_RELOADS)
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]!.detail).toMatch(/failed 4 times in a row and will not reopen by itself/)
    // A crash long after counts afresh.
    now += testing.CRASH_WINDOW_MS * 2
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    expect(reload).toHaveBeenCalledTimes(testing.MAX_RELOADS + 1)
  })
})

describe('shell language and menu', () => {
  it('reads the language from settings.json, Spanish when unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'caja-shell-'))
    try {
      expect(shellLanguage(dir)).toBe('es')
      writeFileSync(join(dir, 'settings.json'), '{"language":"en"}')
      expect(shellLanguage(dir)).toBe('en')
      writeFileSync(join(dir, 'settings.json'), '{nope')
      expect(shellLanguage(dir)).toBe('es')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('gives a release build no menu and a developer only reload and DevTools', () => {
    expect(appMenuTemplate({ developer: false })).toBeUndefined()
    const roles = JSON.stringify(appMenuTemplate({ developer: true }))
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(roles).toContain(role)
    for (const role of ['close', 'quit', 'zoomIn', 'zoomOut', 'resetZoom']) {
      expect(roles).not.toContain(`"${role}"`)
    }
  })
})
