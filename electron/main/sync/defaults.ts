/**
 * Sync settings for a real terminal, and the one rule that ties them to the Tigo client.
 */
import type { SyncSettings } from './types'

/**
 * The reconcile delay must outlast any request the client gave up on: such a request may still
 * sit in a gateway or server queue and commit later. Asking Tigo "is this bill paid?" before it
 * had its chance would read "unpaid", resend, and register the money twice (no idempotency key
 * is documented). Twice the client timeout, plus a margin for a slow commit, is the floor.
 */
export function minReconcileDelayMs(clientTimeoutMs: number): number {
  return 2 * clientTimeoutMs + 5_000
}

/** Defaults for a client timeout of 10 s (the Tigo client's default). */
export const DEFAULT_SYNC_SETTINGS: Readonly<SyncSettings> = Object.freeze({
  batchSize: 20,
  baseBackoffMs: 2_000,
  maxBackoffMs: 5 * 60_000,
  reconcileDelayMs: 30_000,
  probeIntervalMs: 15_000,
  drainIntervalMs: 60_000,
  maxPendingAgeHours: 24,
  parallelRequests: 1
})

/** The settings with the reconcile delay raised to the floor for this client timeout. */
export function withSafeReconcileDelay(
  settings: SyncSettings,
  clientTimeoutMs: number
): SyncSettings {
  const floor = minReconcileDelayMs(clientTimeoutMs)
  return settings.reconcileDelayMs >= floor ? settings : { ...settings, reconcileDelayMs: floor }
}
