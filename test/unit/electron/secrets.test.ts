import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useTempDir } from '@support/temp-dir'
import { allowPlainTextFallback, openSecretStore, testing } from '@main/secrets/safe-storage-store'
import type { SafeStorageLike } from '@main/secrets/safe-storage-store'
import type { ClientSecretStore } from '@main/secrets/secret-store'

type Backend = ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>>

/**
 * safeStorage needs the Electron binary and an OS keyring: a reversible stand-in of the async API
 * that, like the real one, never leaves the plaintext in the encrypted bytes, refuses foreign
 * ciphertext, and (like electron_api_safe_storage.cc) reports `basic_text` available only after
 * setUsePlainTextEncryption(true).
 */
function fakeSafeStorage(opts: {
  available?: boolean
  backend?: Backend
  key?: number
  rotate?: boolean
}) {
  const key = opts.key ?? 0x5a
  const storage = {
    encrypted: 0,
    plainText: false,
    isAsyncEncryptionAvailable: async () => {
      if ((opts.backend ?? 'gnome_libsecret') === 'basic_text') return storage.plainText
      return opts.available ?? true
    },
    getSelectedStorageBackend: (): Backend => opts.backend ?? 'gnome_libsecret',
    setUsePlainTextEncryption: (use: boolean) => {
      storage.plainText = use
    },
    encryptStringAsync: async (text: string) => {
      storage.encrypted++
      return Buffer.concat([Buffer.from([key]), Buffer.from(text).map((byte) => byte ^ key)])
    },
    decryptStringAsync: async (data: Buffer) => {
      if (data[0] !== key) throw new Error('Error while decrypting the ciphertext provided')
      return {
        result: Buffer.from(data.subarray(1).map((byte) => byte ^ key)).toString(),
        shouldReEncrypt: opts.rotate ?? false
      }
    }
  }
  return storage satisfies SafeStorageLike
}

const SECRET = 'cs_live_9f8e7d6c5b4a'

const tempDir = useTempDir('caja-secrets-')
let dir: string
beforeEach(() => {
  dir = tempDir()
})

describe('secret store', () => {
  it('keeps the client secret encrypted in a 0600 file and reads it back after a restart', async () => {
    const safeStorage = fakeSafeStorage({})
    const store = await openSecretStore({ dir, safeStorage })
    store.set('clientSecret', SECRET)
    await store.flush()

    const file = testing.secretPath(dir, 'clientSecret')
    expect(readFileSync(file).includes(Buffer.from(SECRET))).toBe(false)
    if (process.platform !== 'win32') {
      expect(statSync(file).mode & 0o777).toBe(0o600)
      expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700)
    }
    expect(readdirSync(join(dir, 'secrets'))).toEqual(['client-secret.bin'])

    const afterRestart = await openSecretStore({ dir, safeStorage })
    expect(afterRestart.get('clientSecret')).toBe(SECRET)
    expect(afterRestart.get('accessToken')).toBeNull()
    expect(afterRestart.getBackendWarning()).toBeNull()
    expect(afterRestart.protection()).toBe('strong')
  })

  it('serves the services as their ClientSecretStore (set, read, clear with null)', async () => {
    const store = await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    const services: ClientSecretStore = store
    services.setClientSecret(SECRET)
    await store.flush()
    expect(
      (await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })).getClientSecret()
    ).toBe(SECRET)
    services.setClientSecret(null)
    expect(services.getClientSecret()).toBeNull()
    await store.flush()
    expect(
      (await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })).getClientSecret()
    ).toBeNull()
  })

  it('writes and deletes in the order asked, even though encryption is asynchronous', async () => {
    const store = await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    store.set('accessToken', '{"accessToken":"eyJhbGciOi.abc.def","expiresAt":1}')
    store.delete('accessToken')
    expect(store.get('accessToken')).toBeNull()
    await store.flush()
    expect(
      (await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })).get('accessToken')
    ).toBeNull()
  })

  it('returns null (the cashier re-enters it) when the keyring key changed, and says why', async () => {
    const first = await openSecretStore({ dir, safeStorage: fakeSafeStorage({ key: 1 }) })
    first.set('clientSecret', SECRET)
    await first.flush()
    const onError = vi.fn()
    const second = await openSecretStore({ dir, safeStorage: fakeSafeStorage({ key: 2 }), onError })
    expect(second.get('clientSecret')).toBeNull()
    expect(onError).toHaveBeenCalledWith('secret clientSecret unreadable', expect.any(Error))
  })

  it('writes a secret again when safeStorage says the key was rotated (shouldReEncrypt)', async () => {
    const first = await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    first.set('clientSecret', SECRET)
    await first.flush()
    const rotating = fakeSafeStorage({ rotate: true })
    const store = await openSecretStore({ dir, safeStorage: rotating })
    await store.flush()
    expect(store.get('clientSecret')).toBe(SECRET)
    expect(rotating.encrypted).toBe(1)
  })

  it('Linux without a keyring: lost at every restart before, persisted (obfuscated) with the plain-text fallback', async () => {
    // Without setUsePlainTextEncryption(true), basic_text is "unavailable": memory only.
    const without = fakeSafeStorage({ backend: 'basic_text' })
    const lost = await openSecretStore({ dir, safeStorage: without })
    lost.set('clientSecret', SECRET)
    await lost.flush()
    expect(lost.protection()).toBe('memory')
    expect((await openSecretStore({ dir, safeStorage: without })).get('clientSecret')).toBeNull()

    const safeStorage = fakeSafeStorage({ backend: 'basic_text' })
    allowPlainTextFallback(safeStorage, 'linux')
    const store = await openSecretStore({ dir, safeStorage })
    store.set('clientSecret', SECRET)
    await store.flush()
    expect(store.getBackendWarning()).toBe('weak')
    expect(store.protection()).toBe('weak')
    expect(store.isPersistent()).toBe(true)
    expect((await openSecretStore({ dir, safeStorage })).get('clientSecret')).toBe(SECRET)
  })

  it('asks for the plain-text fallback on Linux only', () => {
    const calls: string[] = []
    const safeStorage = {
      ...fakeSafeStorage({}),
      setUsePlainTextEncryption: (use: boolean) => calls.push(String(use))
    }
    allowPlainTextFallback(safeStorage, 'win32')
    allowPlainTextFallback(safeStorage, 'darwin')
    expect(calls).toEqual([])
    allowPlainTextFallback(safeStorage, 'linux')
    expect(calls).toEqual(['true'])
  })

  it('keeps secrets in memory only, writing nothing, when encryption is unavailable', async () => {
    const safeStorage = fakeSafeStorage({ available: false })
    // A file another run left must not be read without encryption either.
    const store = await openSecretStore({ dir, safeStorage })
    store.set('clientSecret', SECRET)
    await store.flush()
    expect(store.get('clientSecret')).toBe(SECRET)
    expect(store.getBackendWarning()).toBe('weak')
    expect(store.isPersistent()).toBe(false)
    expect(store.protection()).toBe('memory')
    expect(safeStorage.encrypted).toBe(0)
    expect(readdirSync(dir)).toEqual([])
    expect((await openSecretStore({ dir, safeStorage })).get('clientSecret')).toBeNull()
  })

  it('reports a failed write instead of throwing into the caller', async () => {
    const onError = vi.fn()
    const safeStorage = {
      ...fakeSafeStorage({}),
      encryptStringAsync: async () => {
        throw new Error('Error while encrypting the text provided')
      }
    }
    const store = await openSecretStore({ dir, safeStorage, onError })
    store.set('clientSecret', SECRET)
    await store.flush()
    expect(store.get('clientSecret')).toBe(SECRET)
    expect(onError).toHaveBeenCalledWith('secret clientSecret not saved', expect.any(Error))
  })

  it('gives the log redactor every value, including the token inside a cached JSON', async () => {
    const store = await openSecretStore({ dir, safeStorage: fakeSafeStorage({}) })
    store.set('clientSecret', SECRET)
    store.set('accessToken', JSON.stringify({ accessToken: 'eyJhbGciOi.abc.def', expiresAt: 99 }))
    expect(store.knownValues()).toEqual(expect.arrayContaining([SECRET, 'eyJhbGciOi.abc.def']))
    await store.flush()
  })
})
