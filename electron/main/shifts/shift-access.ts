/**
 * A cashier acts on their OWN shift only; a supervisor on any (users/policy.ts). The channel
 * policy lets every cashier reach the shift channels, so the owner is checked here, per shift.
 */
import { AppError } from '@shared/errors'
import type { SessionView } from '@shared/ipc/channels/session'
import type { AuditLog } from '@main/audit/audit-log'
import { canActOnShiftOf, hasPermission } from '@main/users/policy'

export interface ShiftAccessDeps {
  session: () => SessionView
  audit: Pick<AuditLog, 'record'>
}

export interface ShiftAccess {
  /** Throws `forbidden` (audited like the dispatcher's role refusals) unless allowed. */
  check(channel: string, ownerId: string): void
  /** Whether whoever is at the till may see every cashier's shifts. */
  seesAllShifts(): boolean
}

export function createShiftAccess(deps: ShiftAccessDeps): ShiftAccess {
  return {
    check(channel, ownerId) {
      const session = deps.session()
      if (canActOnShiftOf(session, ownerId)) return
      const user = session.user
      deps.audit.record(user?.id ?? 'unknown', 'auth.forbidden', {
        channel,
        user: user ? { id: user.id, name: user.name } : null,
        role: user?.role ?? null,
        reason: 'other_cashier_shift'
      })
      throw new AppError(
        'forbidden',
        { channel, reason: 'other_cashier_shift' },
        `No autorizado: ${channel}`
      )
    },
    seesAllShifts() {
      const user = deps.session().user
      return user !== null && hasPermission(user.role, 'allShifts')
    }
  }
}
