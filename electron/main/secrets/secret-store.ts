/**
 * The client secret for plain Node hosts (the browser harness, tests): kept in memory only, so
 * it is gone when the process ends. The Electron app uses `safe-storage-store.ts` (safeStorage) instead.
 */
import type { SecretProtection } from '@shared/ipc/views'

/** What the services need of any secret store. */
export interface ClientSecretStore {
  getClientSecret(): string | null
  /** null clears it. */
  setClientSecret(secret: string | null): void
  protection(): SecretProtection
  /** Every secret value known now, for log redaction. */
  knownValues(): string[]
}

export function createMemorySecrets(initial?: string): ClientSecretStore {
  let secret: string | null = initial ?? null
  return {
    getClientSecret: () => secret,
    setClientSecret: (value) => {
      secret = value
    },
    protection: () => 'memory',
    knownValues: () => (secret ? [secret] : [])
  }
}
