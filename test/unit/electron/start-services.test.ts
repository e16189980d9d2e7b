import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLogger } from '@main/log'
import type { Logger } from '@main/log'
import { openSecretStore } from '@main/secrets/safe-storage-store'
import type { SafeStorageLike } from '@main/secrets/safe-storage-store'
import { clientSecretsFrom, secretsToRedact, startServices } from '@main/shell/start-services'
import type { RunningServices } from '@main/shell/start-services'
import { startSimulator } from '@simulator/server'
import { CHANNEL_NAMES } from '@shared/ipc/contract'
import type { IpcResult } from '@shared/ipc/result'
import type { SettingsView, SyncStatus } from '@shared/ipc/views'

// startServices is the Electron-only layer over createServices: ipcMain (no binary here, so a
// recording stand-in), the safeStorage store, the logger, pushed events. The services under it
// are the real ones: SQLite in a temp dir and the simulator on 127.0.0.1:0.
type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<IpcResult>

const ipc = vi.hoisted(() => ({ handlers: new Map<string, unknown>() }))

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: unknown) => ipc.handlers.set(channel, listener),
    removeHandler: (channel: string) => ipc.handlers.delete(channel)
  }
}))

// A reversible stand-in for safeStorage (the real one needs the binary and a keyring).
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (text) => Buffer.from(Buffer.from(text).map((byte) => byte ^ 0x5a)),
    decryptStringAsync: async (data) => ({
      result: Buffer.from(data.map((byte) => byte ^ 0x5a)).toString(),
      shouldReEncrypt: false
    })
  }
}

function fakeWindow() {
  const sent: Array<[string, unknown]> = []
  let destroyed = false
  const window = {
    isDestroyed: () => destroyed,
    webContents: {
      isDestroyed: () => destroyed,
      send: (channel: string, payload: unknown) => sent.push([channel, payload])
    }
  }
  return {
    sent,
    destroy: () => (destroyed = true),
    window: window as unknown as BrowserWindow
  }
}

function senderEvent(id: number): IpcMainInvokeEvent {
  return {
    sender: { id },
    senderFrame: { url: 'https://evil.example/', parent: null }
  } as unknown as IpcMainInvokeEvent
}

let dir: string
let logger: Logger
let running: RunningServices | undefined

beforeEach(() => {
  ipc.handlers.clear()
  dir = mkdtempSync(join(tmpdir(), 'caja-electron-services-'))
  logger = createLogger({ dir: join(dir, 'logs'), maxBytes: 1_000_000, files: 2 })
})

afterEach(async () => {
  await running?.stop()
  running = undefined
  rmSync(dir, { recursive: true, force: true })
})

function invoke(channel: string, input: unknown, senderId = 1): Promise<IpcResult> {
  const listener = ipc.handlers.get(channel) as Listener | undefined
  if (!listener) throw new Error(`no handler for ${channel}`)
  return listener(senderEvent(senderId), input)
}

function value<T>(result: IpcResult): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value as T
}

/** The seeded supervisor (PIN 0000) chooses a PIN first; then supervisor channels answer. */
async function signInSupervisor(): Promise<void> {
  value(await invoke('session:signIn', { name: 'Supervisor', pin: '0000' }))
  value(await invoke('session:changePin', { currentPin: '0000', newPin: '2580' }))
}

const readLog = () => (existsSync(logger.path) ? readFileSync(logger.path, 'utf8') : '')

describe('startServices (Electron wiring)', () => {
  it('serves every channel from userData with the embedded simulator, trusted senders only', async () => {
    const win = fakeWindow()
    running = await startServices({
      userDataDir: dir,
      nativeBinding: undefined,
      logger,
      secrets: await openSecretStore({ dir, safeStorage: fakeSafeStorage() }),
      isTrustedSender: (event) => event.sender.id === 1,
      getMainWindow: () => win.window,
      env: {}
    })
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(existsSync(join(dir, 'caja.db'))).toBe(true)
    expect(readLog()).toContain('embedded simulator started')

    expect(await invoke('settings:get', {}, 2)).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' }
    })
    expect(readLog()).toContain('ipc settings:get refused: untrusted sender')

    const settings = value<SettingsView>(await invoke('settings:get', {}))
    expect(settings).toMatchObject({ usesSimulator: true, secretProtection: 'strong' })
    expect(value<SyncStatus>(await invoke('outbox:summary', {})).usesSimulator).toBe(true)

    // Sign-in pushes the session; settings:set a status: both reach our window, and nothing
    // once it is destroyed.
    expect(await invoke('settings:set', { terminalId: 'CAJA-9' })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' }
    })
    await signInSupervisor()
    expect(win.sent.filter(([channel]) => channel === 'session:changed').at(-1)?.[1]).toEqual({
      user: { id: expect.any(String), name: 'Supervisor', role: 'supervisor' },
      locked: false,
      mustChangePin: false
    })
    value(await invoke('settings:set', { terminalId: 'CAJA-9' }))
    expect(existsSync(join(dir, 'settings.json'))).toBe(true)
    const pushed = win.sent.filter(([channel]) => channel === 'sync:status')
    expect(pushed.length).toBeGreaterThan(0)
    expect(pushed.at(-1)?.[1]).toMatchObject({
      usesSimulator: true,
      terminalId: 'CAJA-9',
      cashierName: 'Supervisor'
    })
    win.destroy()
    const before = win.sent.length
    value(await invoke('settings:set', { terminalId: 'CAJA-10' }))
    expect(win.sent.length).toBe(before)
  })

  it('keeps the client secret in the safeStorage store, encrypted, and redacts it from the log', async () => {
    const secret = 'cs-electron-wiring-7f3a9c'
    const secrets = await openSecretStore({ dir, safeStorage: fakeSafeStorage() })
    logger = createLogger({
      dir: join(dir, 'logs'),
      maxBytes: 1_000_000,
      files: 2,
      secrets: () => secretsToRedact(secrets, {})
    })
    running = await startServices({
      userDataDir: dir,
      nativeBinding: undefined,
      logger,
      secrets,
      isTrustedSender: () => true,
      getMainWindow: () => undefined,
      env: {}
    })
    await signInSupervisor()
    const view = value<SettingsView>(await invoke('settings:set', { clientSecret: secret }))
    expect(view.hasClientSecret).toBe(true)
    expect(JSON.stringify(view)).not.toContain(secret)
    // The services wrote it through the adapter into the store, which encrypted it on disk.
    expect(secrets.get('clientSecret')).toBe(secret)
    expect(running.secretsInUse()).toContain(secret)
    logger.error('a failure quoting', new Error(`token request with ${secret} failed`))
    expect(readLog()).not.toContain(secret)
    expect(readLog()).toContain('[redacted]')
  })

  it('talks to a configured API instead of starting the simulator', async () => {
    const api = await startSimulator({ port: 0, clientId: 'till-7', clientSecret: 'cs-env-1a2b3c' })
    try {
      running = await startServices({
        userDataDir: dir,
        nativeBinding: undefined,
        logger,
        secrets: await openSecretStore({ dir, safeStorage: fakeSafeStorage() }),
        isTrustedSender: () => true,
        getMainWindow: () => undefined,
        env: {
          TIGO_API_BASE_URL: api.baseUrl,
          TIGO_TOKEN_URL: api.tokenUrl,
          TIGO_CLIENT_ID: 'till-7',
          TIGO_CLIENT_SECRET: 'cs-env-1a2b3c'
        }
      })
      expect(readLog()).not.toContain('embedded simulator started')
      const settings = value<SettingsView>(await invoke('settings:get', {}))
      expect(settings).toMatchObject({ usesSimulator: false, hasClientSecret: true })
      expect(running.secretsInUse()).toEqual(['cs-env-1a2b3c'])
      await signInSupervisor()
      const customer = api.dataset.customers.find((c) => c.idType === 'NIT')!
      const found = await invoke('customers:contracts', {
        idType: 'NIT',
        identification: customer.identification
      })
      expect(found).toMatchObject({ ok: true, value: { source: 'live' } })
      expect(api.stats().apiRequests).toBeGreaterThan(0)
    } finally {
      await running?.stop()
      running = undefined
      await api.close()
    }
  })

  it('on stop removes every handler and closes the database; a late call is logged, not thrown', async () => {
    running = await startServices({
      userDataDir: dir,
      nativeBinding: undefined,
      logger,
      secrets: await openSecretStore({ dir, safeStorage: fakeSafeStorage(false) }),
      isTrustedSender: () => true,
      getMainWindow: () => undefined,
      env: {}
    })
    // Signed in, so the late call gets past the session check to the closed database.
    await signInSupervisor()
    const late = ipc.handlers.get('outbox:list') as Listener
    await running.stop()
    running = undefined
    expect(ipc.handlers.size).toBe(0)
    // A listener Electron had already picked before removal: the dispatcher answers `internal`
    // and logs through the same logger.
    expect(await late(senderEvent(1), {})).toMatchObject({
      ok: false,
      error: { code: 'internal' }
    })
    expect(readLog()).toContain('ipc outbox:list failed')
  })
})

describe('secret store adapter', () => {
  it('maps null and empty to delete, and the backend to the protection shown', async () => {
    const strong = await openSecretStore({ dir, safeStorage: fakeSafeStorage() })
    const adapted = clientSecretsFrom(strong)
    adapted.setClientSecret('cs-adapter-1234')
    expect([strong.get('clientSecret'), adapted.getClientSecret()]).toEqual([
      'cs-adapter-1234',
      'cs-adapter-1234'
    ])
    expect(adapted.knownValues()).toEqual(['cs-adapter-1234'])
    expect(adapted.protection()).toBe('strong')
    adapted.setClientSecret('')
    expect(adapted.getClientSecret()).toBeNull()
    adapted.setClientSecret('cs-adapter-5678')
    adapted.setClientSecret(null)
    expect(strong.get('clientSecret')).toBeNull()

    const basic: SafeStorageLike = {
      ...fakeSafeStorage(),
      getSelectedStorageBackend: () => 'basic_text'
    }
    expect(clientSecretsFrom(await openSecretStore({ dir, safeStorage: basic })).protection()).toBe(
      'weak'
    )
    const none = await openSecretStore({ dir, safeStorage: fakeSafeStorage(false) })
    expect(clientSecretsFrom(none).protection()).toBe('memory')
  })

  it('redacts an environment secret the store never saw', () => {
    const store = { knownValues: () => ['from-store-1234'] }
    expect(secretsToRedact(store, { TIGO_CLIENT_SECRET: ' from-env-5678 ' })).toEqual([
      'from-store-1234',
      'from-env-5678'
    ])
    expect(secretsToRedact(store, { TIGO_CLIENT_SECRET: '  ' })).toEqual(['from-store-1234'])
  })
})
