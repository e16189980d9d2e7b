import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSecretStore, testing } from '../../../electron/main/secrets'
import type { SafeStorageLike } from '../../../electron/main/secrets'
import type { ClientSecretStore } from '../../../electron/main/secrets-node'

// safeStorage needs the Electron binary and an OS keyring: a reversible stand-in that, like the
// real one, never leaves the plaintext in the encrypted bytes and refuses foreign ciphertext.
function fakeSafeStorage(opts: {
  available?: boolean
  backend?: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>
  key?: number
}): SafeStorageLike & { encrypted: number } {
  const key = opts.key ?? 0x5a
  const storage = {
    encrypted: 0,
    isEncryptionAvailable: () => opts.available ?? true,
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
    encryptString: (text: string) => {
      storage.encrypted++
      return Buffer.concat([Buffer.from([key]), Buffer.from(text).map((byte) => byte ^ key)])
    },
    decryptString: (data: Buffer) => {
      if (data[0] !== key) throw new Error('Error while decrypting the ciphertext provided')
      return Buffer.from(data.subarray(1).map((byte) => byte ^ key)).toString()
    }
  }
  return storage
}

const SECRET = 'cs_live_9f8e7d6c5b4a'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'caja-secrets-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('secret store', () => {
  it('keeps the client secret encrypted in a 0600 file and reads it back after a restart', () => {
    const safeStorage = fakeSafeStorage({})
    createSecretStore({ dir, safeStorage }).set('clientSecret', SECRET)

    const file = testing.secretPath(dir, 'clientSecret')
    expect(readFileSync(file).includes(Buffer.from(SECRET))).toBe(false)
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700)
    }
    expect(readdirSync(join(dir, 'secrets'))).toEqual(['client-secret.bin'])

    const afterRestart = createSecretStore({ dir, safeStorage })
    expect(afterRestart.get('clientSecret')).toBe(SECRET)
    expect(afterRestart.get('accessToken')).toBeNull()
    expect(afterRestart.getBackendWarning()).toBeNull()
    expect(afterRestart.protection()).toBe('strong')
  })

  it('serves the services as their ClientSecretStore (set, read, clear with null)', () => {
    const store: ClientSecretStore = createSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    store.setClientSecret(SECRET)
    expect(createSecretStore({ dir, safeStorage: fakeSafeStorage({}) }).getClientSecret()).toBe(
      SECRET
    )
    store.setClientSecret(null)
    expect(store.getClientSecret()).toBeNull()
    expect(
      createSecretStore({ dir, safeStorage: fakeSafeStorage({}) }).getClientSecret()
    ).toBeNull()
  })

  it('forgets a secret on delete', () => {
    const store = createSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    store.set('accessToken', '{"accessToken":"eyJhbGciOi.abc.def","expiresAt":1}')
    store.delete('accessToken')
    expect(store.get('accessToken')).toBeNull()
    expect(
      createSecretStore({ dir, safeStorage: fakeSafeStorage({}) }).get('accessToken')
    ).toBeNull()
  })

  it('returns null (the cashier re-enters it) when the keyring key changed', () => {
    createSecretStore({ dir, safeStorage: fakeSafeStorage({ key: 1 }) }).set('clientSecret', SECRET)
    expect(
      createSecretStore({ dir, safeStorage: fakeSafeStorage({ key: 2 }) }).get('clientSecret')
    ).toBeNull()
  })

  it('warns "weak" on Linux without a keyring but still persists (obfuscated)', () => {
    const safeStorage = fakeSafeStorage({ backend: 'basic_text' })
    const store = createSecretStore({ dir, safeStorage })
    store.set('clientSecret', SECRET)
    expect(store.getBackendWarning()).toBe('weak')
    expect(store.protection()).toBe('weak')
    expect(store.isPersistent()).toBe(true)
    expect(createSecretStore({ dir, safeStorage }).get('clientSecret')).toBe(SECRET)
  })

  it('keeps secrets in memory only, writing nothing, when encryption is unavailable', () => {
    const safeStorage = fakeSafeStorage({ available: false })
    const store = createSecretStore({ dir, safeStorage })
    store.set('clientSecret', SECRET)
    expect(store.get('clientSecret')).toBe(SECRET)
    expect(store.getBackendWarning()).toBe('weak')
    expect(store.isPersistent()).toBe(false)
    expect(store.protection()).toBe('memory')
    expect(safeStorage.encrypted).toBe(0)
    expect(readdirSync(dir)).toEqual([])
    expect(createSecretStore({ dir, safeStorage }).get('clientSecret')).toBeNull()
  })

  it('gives the log redactor every value, including the token inside a cached JSON', () => {
    const store = createSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    store.set('clientSecret', SECRET)
    store.set('accessToken', JSON.stringify({ accessToken: 'eyJhbGciOi.abc.def', expiresAt: 99 }))
    expect(store.knownValues()).toEqual(expect.arrayContaining([SECRET, 'eyJhbGciOi.abc.def']))
  })
})
