import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import type { SecretProtection } from '@shared/ipc/views'

/** What Caja keeps secret: the Tigo OAuth client secret and the cached access token (JSON). */
export type SecretName = 'clientSecret' | 'accessToken'

/**
 * 'weak' when the OS offers no real protection: Linux without a keyring (`basic_text`, a key
 * hard-coded in Electron) or no encryption at all. The settings screen warns the cashier.
 */
export type SecretBackendWarning = 'weak' | null

/**
 * The asynchronous safeStorage API. Electron 45 deprecates the synchronous
 * isEncryptionAvailable/encryptString/decryptString (electron.d.ts: "Deprecated: Use
 * safeStorage.isAsyncEncryptionAvailable()"; docs/api/safe-storage.md recommends the async API,
 * which also reports key rotation through `shouldReEncrypt`). Data the sync API wrote can be
 * read by `decryptStringAsync`, so existing secret files keep working.
 */
export type SafeStorageLike = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync'
> & {
  getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend']
  setUsePlainTextEncryption?: SafeStorage['setUsePlainTextEncryption']
}

export interface SecretStore {
  get(name: SecretName): string | null
  /** Takes effect at once in memory; the encrypted file follows (see `flush`). */
  set(name: SecretName, value: string): void
  delete(name: SecretName): void
  getBackendWarning(): SecretBackendWarning
  /** False when secrets live only in memory (no encryption at all): they are gone on restart. */
  isPersistent(): boolean
  /** The services' `ClientSecretStore` view (see secret-store.ts): null clears the secret. */
  getClientSecret(): string | null
  setClientSecret(secret: string | null): void
  /** 'strong' (OS keyring), 'weak' (basic_text), 'memory' (no encryption: lost on restart). */
  protection(): SecretProtection
  /** Every secret value currently known (and the string fields of a JSON one), for the log redactor. */
  knownValues(): string[]
  /** Resolves when every write and delete asked for so far is on disk (awaited on quit). */
  flush(): Promise<void>
}

const FILE_NAMES: Record<SecretName, string> = {
  clientSecret: 'client-secret.bin',
  accessToken: 'access-token.bin'
}
const NAMES = Object.keys(FILE_NAMES) as SecretName[]

function secretsDir(dir: string): string {
  return join(dir, 'secrets')
}

function secretPath(dir: string, name: SecretName): string {
  return join(secretsDir(dir), FILE_NAMES[name])
}

function backendWarning(available: boolean, safeStorage: SafeStorageLike): SecretBackendWarning {
  if (!available) return 'weak'
  return safeStorage.getSelectedStorageBackend?.() === 'basic_text' ? 'weak' : null
}

function writePrivateFile(path: string, data: Buffer): void {
  // Write beside, then rename: a crash mid-write must not leave half a secret behind.
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, data, { mode: 0o600 })
  chmodSync(tmp, 0o600)
  renameSync(tmp, path)
}

/**
 * Linux with no keyring (no gnome-keyring/kwallet, as on a kiosk till): the sync and async
 * safeStorage report encryption unavailable unless `setUsePlainTextEncryption(true)` was called
 * (shell/browser/api/electron_api_safe_storage.cc: IsEncryptionAvailable and
 * IsAsyncEncryptionAvailable accept the `basic_text` backend only with use_password_v10_). Without
 * it the secret lived in memory and was lost at every restart, so offline payments could not sync
 * after a reboot. With it the secret is kept obfuscated with Electron's fixed key, and the
 * settings screen says the protection is weak. A no-op on Windows and macOS, and where a
 * keyring exists (the keyring is used).
 */
export function allowPlainTextFallback(safeStorage: SafeStorageLike, platform = process.platform) {
  if (platform === 'linux') safeStorage.setUsePlainTextEncryption?.(true)
}

/**
 * Secrets encrypted with `safeStorage` in files of mode 0600 under `<dir>/secrets`, read once at
 * open (asynchronously) and served from memory.
 *
 * Decision for weak backends: with `basic_text` the secret is still written (encrypted with
 * Electron's fixed key, i.e. obfuscated) so offline payments can sync after a restart, and
 * `getBackendWarning()` says 'weak'. With no encryption at all nothing is written: the values
 * are kept in memory only (`isPersistent()` false) and must be entered again after a restart.
 * Call only after the app is ready (safeStorage refuses before).
 */
export async function openSecretStore(opts: {
  dir: string
  safeStorage: SafeStorageLike
  onError?: (message: string, error: unknown) => void
}): Promise<SecretStore> {
  const { dir, safeStorage } = opts
  const onError = opts.onError ?? (() => undefined)
  const memory = new Map<SecretName, string>()
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false)
  let pending: Promise<void> = Promise.resolve()

  // One queue: a write then a delete of the same secret land on disk in that order.
  const enqueue = (what: string, work: () => Promise<void>) => {
    pending = pending.then(work).catch((error: unknown) => onError(what, error))
  }
  const persist = (name: SecretName, value: string) =>
    enqueue(`secret ${name} not saved`, async () => {
      const encrypted = await safeStorage.encryptStringAsync(value)
      mkdirSync(secretsDir(dir), { recursive: true, mode: 0o700 })
      writePrivateFile(secretPath(dir, name), encrypted)
    })

  if (available) {
    for (const name of NAMES) {
      let data: Buffer
      try {
        data = readFileSync(secretPath(dir, name))
      } catch {
        continue // never saved
      }
      try {
        const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(data)
        memory.set(name, result)
        // The key was rotated or a better one is available: write it again under the new key.
        if (shouldReEncrypt) persist(name, result)
      } catch (error) {
        // Written under another key (keyring changed): the cashier re-enters it.
        onError(`secret ${name} unreadable`, error)
      }
    }
  }

  const store: SecretStore = {
    get: (name) => memory.get(name) ?? null,
    set(name, value) {
      memory.set(name, value)
      if (available) persist(name, value)
    },
    delete(name) {
      memory.delete(name)
      enqueue(`secret ${name} not deleted`, async () => {
        rmSync(secretPath(dir, name), { force: true })
      })
    },
    getBackendWarning: () => backendWarning(available, safeStorage),
    isPersistent: () => available,
    getClientSecret: () => store.get('clientSecret'),
    setClientSecret: (secret) =>
      secret === null || secret === ''
        ? store.delete('clientSecret')
        : store.set('clientSecret', secret),
    protection: () => {
      if (!available) return 'memory'
      return backendWarning(available, safeStorage) === 'weak' ? 'weak' : 'strong'
    },
    knownValues: () => [...memory.values()].flatMap(valuesToRedact),
    flush: () => pending
  }
  return store
}

/** The value itself, plus the string fields of a JSON value (a cached `{ accessToken, ... }`). */
function valuesToRedact(value: string): string[] {
  if (value.length === 0) return []
  const values = [value]
  if (value.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(value)
      if (parsed !== null && typeof parsed === 'object') {
        for (const field of Object.values(parsed)) {
          if (typeof field === 'string' && field.length >= 8) values.push(field)
        }
      }
    } catch {
      // Not JSON: the whole value is the secret.
    }
  }
  return values
}

export const testing = { FILE_NAMES, secretPath, backendWarning, writePrivateFile, valuesToRedact }
