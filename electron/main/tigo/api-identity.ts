/**
 * Which Tigo API the till talks to. Outbox items do not record it, so a payment waiting to be sent
 * goes to whatever API is configured when it is sent: changing the API under it would send a
 * demo payment to real Tigo, or real cash to the simulator. Hence the lock while anything waits,
 * and the API written into each payment's audit line.
 */
import { AppError } from '@shared/errors'
import type { StoredSettings } from '@main/settings/settings-store'
import type { AuditLog } from '@main/audit/audit-log'
import type { Outbox } from '@main/outbox/outbox'
import type { Clock } from '@main/store/types'
import type { ApiConnection } from './api-connection'

/** The settings that say where payments go. The client secret is not one: rotating it is allowed. */
export const API_IDENTITY_FIELDS = ['apiBaseUrl', 'tokenUrl', 'clientId'] as const

/** Where payments are sent; never holds the secret. */
export type ApiIdentity =
  { simulator: true } | { simulator: false; baseUrl: string; tokenUrl: string; clientId: string }

/**
 * Refuses a settings change that moves the API while any outbox item waits (queued, sending or
 * uncertain). Compares the settings as they would be saved, so retyping the same URL with a
 * trailing slash is not a change.
 */
export function checkApiChangeAllowed(
  current: StoredSettings,
  next: StoredSettings,
  outbox: Pick<Outbox, 'summary'>,
  clock: Clock
): void {
  if (API_IDENTITY_FIELDS.every((field) => current[field] === next[field])) return
  const { count } = outbox.summary(clock()).waiting
  if (count > 0) {
    throw new AppError(
      'settings_api_change_pending',
      { count },
      `No se puede cambiar la API con ${count} envío(s) pendiente(s)`
    )
  }
}

/** The API in effect now (environment over settings), or the stored one when it does not resolve. */
export function currentApiIdentity(
  api: Pick<ApiConnection, 'resolve'>,
  settings: () => StoredSettings
): ApiIdentity {
  let resolved: { baseUrl: string; tokenUrl: string; clientId: string; simulator: boolean }
  try {
    const { settings: effective, usesSimulator } = api.resolve()
    resolved = { ...effective, simulator: usesSimulator }
  } catch {
    // An invalid URL in the environment: nothing can be sent, but the line still says what was set.
    const stored = settings()
    resolved = {
      baseUrl: stored.apiBaseUrl,
      tokenUrl: stored.tokenUrl,
      clientId: stored.clientId,
      simulator: stored.apiBaseUrl === ''
    }
  }
  if (resolved.simulator) return { simulator: true }
  const { baseUrl, tokenUrl, clientId } = resolved
  return { simulator: false, baseUrl, tokenUrl, clientId }
}

/**
 * The audit log the payment service writes through: its `payment.registered` line (written in the
 * payment's own transaction) also names the API the payment was taken for.
 */
export function withApiIdentity(audit: AuditLog, identity: () => ApiIdentity): AuditLog {
  return {
    ...audit,
    record(actor, action, details) {
      if (action !== 'payment.registered') return audit.record(actor, action, details)
      return audit.record(actor, action, { ...details, api: identity() })
    }
  }
}
