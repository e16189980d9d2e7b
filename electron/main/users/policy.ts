/**
 * Who may call what. Each channel needs a permission; each role holds a set of permissions. The
 * channel's declared `access` (shared/ipc/channels/*) is enforced as well, so the stricter of the
 * two always wins: a table mistake can make a channel stricter, never looser. A channel missing
 * from the table falls back to its `access` ('supervisor' → supervisors only; 'signedIn' → any
 * signed-in user with an unlocked screen and a changed PIN).
 */
import { AppError } from '@shared/errors'
import type { Access } from '@shared/ipc/channel'
import type { Role, SessionView } from '@shared/ipc/channels/session'
import type { AuditLog } from '@main/audit/audit-log'

/** What every signed-in user may do; a supervisor may do all of PERMISSIONS. */
const CASHIER_PERMISSIONS = [
  'lookup',
  'takePayments',
  'validateCoupons',
  'print',
  'ownShift',
  'viewOutbox',
  'syncNow',
  'requestApproval'
] as const

export const PERMISSIONS = [
  ...CASHIER_PERMISSIONS,
  'confirmBatch',
  'changeSettings',
  'manageOutbox',
  'manageUsers',
  'allShifts',
  'readAudit'
] as const
export type Permission = (typeof PERMISSIONS)[number]

/**
 * `public`: no sign-in (the sign-in screen, the status bar). `session`: signed in and unlocked,
 * even before the first PIN change (that is how the PIN gets changed). `signedIn`: that, with the
 * PIN changed, any role. A declared `access: 'supervisor'` adds the role check to any of them.
 */
export type Requirement = 'public' | 'session' | 'signedIn' | Permission

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  cashier: CASHIER_PERMISSIONS,
  supervisor: PERMISSIONS
}

export const CHANNEL_POLICY: Readonly<Record<string, Requirement>> = {
  'session:current': 'public',
  'session:signIn': 'public',
  'session:signOut': 'public',
  'session:unlock': 'public',
  'session:lock': 'public',
  'session:touch': 'public',
  'session:changePin': 'session',
  'session:approve': 'requestApproval',
  // The sign-in screen needs the language and terminal; the view never holds the secret.
  'settings:get': 'public',
  'settings:set': 'changeSettings',
  'outbox:summary': 'public',
  'outbox:list': 'viewOutbox',
  'outbox:attempts': 'viewOutbox',
  'outbox:retry': 'manageOutbox',
  'outbox:decide': 'manageOutbox',
  'outbox:decideMany': 'manageOutbox',
  'outbox:dismiss': 'manageOutbox',
  'sync:now': 'syncNow',
  'customers:contracts': 'lookup',
  'contracts:get': 'lookup',
  'customers:characteristics': 'lookup',
  'bills:list': 'lookup',
  'bills:payments': 'lookup',
  'bills:byBarcode': 'lookup',
  'payments:register': 'takePayments',
  'payments:get': 'takePayments',
  'payments:search': 'takePayments',
  'payments:checkout': 'takePayments',
  'payments:validateSignature': 'validateCoupons',
  'payments:validateCoupon': 'validateCoupons',
  'receipts:preview': 'print',
  'receipts:print': 'print',
  'receipts:savePdf': 'print',
  'receipts:printClosing': 'print',
  // Ownership (a cashier's OWN shift) is checked by the shift handlers with `canActOnShiftOf`.
  'shifts:current': 'ownShift',
  'shifts:open': 'ownShift',
  'shifts:cashMove': 'ownShift',
  'shifts:summary': 'ownShift',
  'shifts:close': 'ownShift',
  'shifts:history': 'ownShift',
  'shifts:report': 'ownShift',
  'shifts:exportCsv': 'ownShift',
  'batch:preview': 'confirmBatch',
  'batch:confirm': 'confirmBatch',
  'batch:rejectedCsv': 'confirmBatch',
  'batch:results': 'confirmBatch',
  'batch:list': 'confirmBatch',
  'batch:cancelLookups': 'confirmBatch',
  'users:list': 'manageUsers',
  'users:create': 'manageUsers',
  'users:setActive': 'manageUsers',
  'users:resetPin': 'manageUsers',
  'audit:list': 'readAudit'
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/** What `channel` needs once its declared access is folded in (the stricter wins). */
export function requirementOf(channel: string, access: Access): Requirement {
  const listed = CHANNEL_POLICY[channel]
  if (listed === undefined) return access === 'public' ? 'public' : 'signedIn'
  if (listed === 'public' && access !== 'public') return 'signedIn'
  return listed
}

function forbidden(channel: string, reason: string): AppError {
  return new AppError('forbidden', { channel, reason }, `No autorizado: ${channel}`)
}

/**
 * Throws the AppError the renderer should show, or returns. `signed_out` / `session_locked` /
 * `pin_change_required` tell the renderer which screen to show; `forbidden` is a role refusal.
 */
export function authorize(channel: string, access: Access, session: SessionView): void {
  const requirement = requirementOf(channel, access)
  if (requirement === 'public') return
  const user = session.user
  if (!user) throw new AppError('signed_out', { channel }, 'Inicie sesión')
  if (session.locked) throw new AppError('session_locked', { channel }, 'Pantalla bloqueada')
  if (requirement === 'session') {
    if (access === 'supervisor' && user.role !== 'supervisor') throw forbidden(channel, 'role')
    return
  }
  if (session.mustChangePin) {
    throw new AppError('pin_change_required', { channel }, 'Cambie su PIN')
  }
  if (access === 'supervisor' && user.role !== 'supervisor') throw forbidden(channel, 'role')
  if (requirement !== 'signedIn' && !hasPermission(user.role, requirement)) {
    throw forbidden(channel, requirement)
  }
}

/** Supervisors act on any shift; a cashier only on their own. */
export function canActOnShiftOf(session: SessionView, ownerId: string): boolean {
  const user = session.user
  if (!user || session.locked || session.mustChangePin) return false
  return user.id === ownerId || hasPermission(user.role, 'allShifts')
}

/**
 * The dispatcher's `authorize` hook: checks against the live session and audits role refusals
 * (`auth.forbidden`). Not-signed-in and locked refusals are not audited: the status bar polls.
 */
export function createAuthorizer(deps: {
  session: () => SessionView
  audit: Pick<AuditLog, 'record'>
}): (channel: string, access: Access) => true {
  return (channel, access) => {
    const session = deps.session()
    try {
      authorize(channel, access, session)
    } catch (error) {
      if (error instanceof AppError && error.code === 'forbidden') {
        const user = session.user
        deps.audit.record(user?.id ?? 'unknown', 'auth.forbidden', {
          channel,
          user: user ? { id: user.id, name: user.name } : null,
          role: user?.role ?? null,
          reason: error.params.reason ?? 'role'
        })
      }
      throw error
    }
    return true
  }
}
