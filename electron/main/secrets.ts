import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SafeStorage } from 'electron'
import type { SecretProtection } from '../../shared/ipc/views'

/** What Caja keeps secret: the Tigo OAuth client secret and the cached access token (JSON). */
export type SecretName = 'clientSecret' | 'accessToken'

/**
 * 'weak' when the OS offers no real protection: Linux without a keyring (`basic_text`, a key
 * hard-coded in Electron) or no encryption at all. The settings screen warns the cashier.
 */
export type SecretBackendWarning = 'weak' | null

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'encryptString' | 'decryptString'
> & { getSelectedStorageBackend?: SafeStorage['getSelectedStorageBackend'] }

export interface SecretStore {
  get(name: SecretName): string | null
  set(name: SecretName, value: string): void
  delete(name: SecretName): void
  getBackendWarning(): SecretBackendWarning
  /** False when secrets live only in memory (no encryption at all): they are gone on restart. */
  isPersistent(): boolean
  /** The services' `ClientSecretStore` view (see secrets-node.ts): null clears the secret. */
  getClientSecret(): string | null
  setClientSecret(secret: string | null): void
  /** 'strong' (OS keyring), 'weak' (basic_text), 'memory' (no encryption: lost on restart). */
  protection(): SecretProtection
  /** Every secret value currently known (and the string fields of a JSON one), for the log redactor. */
  knownValues(): string[]
}

const FILE_NAMES: Record<SecretName, string> = {
  clientSecret: 'client-secret.bin',
  accessToken: 'access-token.bin'
}

function secretsDir(dir: string): string {
  return join(dir, 'secrets')
}

function secretPath(dir: string, name: SecretName): string {
  return join(secretsDir(dir), FILE_NAMES[name])
}

function backendWarning(safeStorage: SafeStorageLike): SecretBackendWarning {
  if (!safeStorage.isEncryptionAvailable()) return 'weak'
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
 * Secrets encrypted with `safeStorage` in files of mode 0600 under `<dir>/secrets`.
 *
 * Decision for weak backends: with `basic_text` the secret is still written (encrypted with
 * Electron's fixed key, i.e. obfuscated) so offline payments can sync after a restart, and
 * `getBackendWarning()` says 'weak'. With no encryption at all nothing is written: the values
 * are kept in memory only (`isPersistent()` false) and must be entered again after a restart.
 */
export function createSecretStore(opts: {
  dir: string
  safeStorage: SafeStorageLike
}): SecretStore {
  const { dir, safeStorage } = opts
  const memory = new Map<SecretName, string>()

  const canPersist = () => safeStorage.isEncryptionAvailable()

  const readFromDisk = (name: SecretName): string | null => {
    if (!canPersist()) return null
    try {
      return safeStorage.decryptString(readFileSync(secretPath(dir, name)))
    } catch {
      // Missing file, or written under another key (keyring changed): the cashier re-enters it.
      return null
    }
  }

  const store: SecretStore = {
    get(name) {
      const cached = memory.get(name)
      if (cached !== undefined) return cached
      const value = readFromDisk(name)
      if (value !== null) memory.set(name, value)
      return value
    },
    set(name, value) {
      memory.set(name, value)
      if (!canPersist()) return
      mkdirSync(secretsDir(dir), { recursive: true, mode: 0o700 })
      writePrivateFile(secretPath(dir, name), safeStorage.encryptString(value))
    },
    delete(name) {
      memory.delete(name)
      rmSync(secretPath(dir, name), { force: true })
    },
    getBackendWarning: () => backendWarning(safeStorage),
    isPersistent: canPersist,
    getClientSecret: () => store.get('clientSecret'),
    setClientSecret: (secret) =>
      secret === null || secret === ''
        ? store.delete('clientSecret')
        : store.set('clientSecret', secret),
    protection: () => {
      if (!canPersist()) return 'memory'
      return backendWarning(safeStorage) === 'weak' ? 'weak' : 'strong'
    },
    knownValues: () => [...memory.values()].flatMap(valuesToRedact)
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
