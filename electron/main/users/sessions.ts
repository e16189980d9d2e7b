/**
 * Who is at the till. The session is main-process state (one per app window); the renderer sees
 * only `SessionView`, so it cannot claim to be someone else. After `idleLockMinutes` without
 * activity main locks the screen itself and pushes the change: the same user types the PIN again
 * and finds the screen as it was; a different user signs the first one out by signing in.
 */
import { AppError } from '@shared/errors'
import type { SessionView } from '@shared/ipc/channels/session'
import type { AuditLog } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { writeTransaction } from '@main/store/db'
import type { Clock, Person } from '@main/store/types'
import type { ApprovalRequest, Approvals, IssuedApproval } from './approvals'
import { createApprovals } from './approvals'
import type { Credentials, LockoutSettings } from './credentials'
import { createCredentials } from './credentials'
import type { PinHashParams } from './pin'
import { checkChosenPin, DEFAULT_PIN_HASH, hashPin } from './pin'
import type { UserStore } from './user-store'
import { createUserStore } from './user-store'

export interface SessionSettings extends LockoutSettings {
  idleLockMinutes: number
}

export interface IdleTimers {
  setInterval(fn: () => void, ms: number): unknown
  clearInterval(handle: unknown): void
}

export interface SessionServiceDeps {
  db: Database
  clock: Clock
  audit: AuditLog
  settings: () => SessionSettings
  users?: UserStore
  /** Tests lower the scrypt cost; the app keeps the default. */
  hashParams?: PinHashParams
  /** Every change of the view (sign-in, lock, idle lock…): forward as `session:changed`. */
  onChange?: (view: SessionView) => void
  /** How often main checks for idleness; 0 = never (tests call `checkIdle`). */
  idleCheckMs?: number
  timers?: IdleTimers
  approvalTtlMs?: number
}

export interface SessionService {
  readonly users: UserStore
  /** The view (re-read from the database: a user disabled meanwhile is signed out). */
  current(): SessionView
  /** By id or by name (case-insensitive). Replaces any session (also a locked one). */
  signIn(who: string, pin: string): Promise<SessionView>
  signOut(): SessionView
  lock(): SessionView
  unlock(pin: string): Promise<SessionView>
  /** Cashier activity: postpones the idle lock (never undoes one). */
  touch(): SessionView
  changePin(currentPin: string, newPin: string): Promise<SessionView>
  /** Locks if the idle time has passed; true if it locked now. */
  checkIdle(): boolean
  /** The signed-in, unlocked user whose PIN is changed, or `signed_out` / `session_locked`. */
  requireUser(): Person
  approveWithSupervisor(request: ApprovalRequest): Promise<Person>
  issueApproval(request: ApprovalRequest): Promise<IssuedApproval>
  redeemApproval<T>(
    approvalId: string,
    action: string,
    work: (supervisor: Person) => T | Promise<T>
  ): Promise<T>
  stop(): void
}

interface OpenSession {
  userId: string
  locked: boolean
  lastActivityAt: number
}

const MINUTE = 60_000
const DEFAULT_IDLE_CHECK_MS = 15_000
const SIGNED_OUT: SessionView = Object.freeze({ user: null, locked: false, mustChangePin: false })

const defaultTimers: IdleTimers = {
  setInterval(fn, ms) {
    const handle = setInterval(fn, ms)
    // The idle check alone must never keep the process alive.
    handle.unref()
    return handle
  },
  clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout)
}

export function createSessionService(deps: SessionServiceDeps): SessionService {
  const { db, clock, audit } = deps
  const users = deps.users ?? createUserStore({ db, clock })
  const hashParams = deps.hashParams ?? DEFAULT_PIN_HASH
  const credentials: Credentials = createCredentials({
    db,
    clock,
    audit,
    users,
    settings: deps.settings,
    hashParams
  })
  const approvals: Approvals = createApprovals({
    clock,
    audit,
    users,
    credentials,
    ...(deps.approvalTtlMs !== undefined ? { ttlMs: deps.approvalTtlMs } : {})
  })
  let session: OpenSession | null = null
  let lastEmitted = ''

  function emit(): SessionView {
    const view = current()
    const key = JSON.stringify(view)
    if (key !== lastEmitted) {
      lastEmitted = key
      deps.onChange?.(view)
    }
    return view
  }

  function end(reason: string): void {
    if (!session) return
    const user = users.byId(session.userId)
    audit.record(session.userId, 'auth.signed_out', {
      reason,
      user: user ? { id: user.id, name: user.name } : { id: session.userId }
    })
    approvals.forget(session.userId)
    session = null
  }

  function checkIdle(): boolean {
    if (!session || session.locked) return false
    const idleMs = deps.settings().idleLockMinutes * MINUTE
    if (clock() - session.lastActivityAt < idleMs) return false
    session.locked = true
    audit.record(session.userId, 'auth.locked', { reason: 'idle' })
    emit()
    return true
  }

  function current(): SessionView {
    checkIdle()
    if (!session) return SIGNED_OUT
    const user = users.byId(session.userId)
    if (!user?.active) {
      end('disabled')
      emit()
      return SIGNED_OUT
    }
    return {
      user: { id: user.id, name: user.name, role: user.role },
      locked: session.locked,
      mustChangePin: user.mustChangePin
    }
  }

  function requireSession(): OpenSession & { view: SessionView } {
    const view = current()
    if (!session || !view.user) throw new AppError('signed_out', {}, 'Inicie sesión')
    return { ...session, view }
  }

  function requireUser(): Person {
    const { view } = requireSession()
    if (view.locked) throw new AppError('session_locked', {}, 'Pantalla bloqueada')
    if (view.mustChangePin) throw new AppError('pin_change_required', {}, 'Cambie su PIN')
    const user = view.user
    if (!user) throw new AppError('signed_out', {}, 'Inicie sesión')
    return { id: user.id, name: user.name }
  }

  const timers = deps.timers ?? defaultTimers
  const idleCheckMs = deps.idleCheckMs ?? DEFAULT_IDLE_CHECK_MS
  const idleTimer = idleCheckMs > 0 ? timers.setInterval(() => checkIdle(), idleCheckMs) : null

  return {
    users,
    current,
    checkIdle,
    requireUser,

    async signIn(who, pin) {
      const byId = users.byId(who.trim())
      const user = await credentials.check(byId ? { id: byId.id } : { name: who }, pin, 'signIn')
      if (session) end(session.userId === user.id ? 'signed_in_again' : 'replaced')
      session = { userId: user.id, locked: false, lastActivityAt: clock() }
      audit.record(user.id, 'auth.signed_in', {
        user: { id: user.id, name: user.name },
        role: user.role,
        mustChangePin: user.mustChangePin
      })
      return emit()
    },

    signOut() {
      end('signed_out')
      return emit()
    },

    lock() {
      current()
      if (session && !session.locked) {
        session.locked = true
        audit.record(session.userId, 'auth.locked', { reason: 'manual' })
      }
      return emit()
    },

    async unlock(pin) {
      const open = requireSession()
      if (!open.locked) return emit()
      const user = await credentials.check({ id: open.userId }, pin, 'unlock')
      // Signed out or replaced while the PIN was being checked: nothing to unlock any more.
      if (session?.userId !== user.id) throw new AppError('signed_out', {}, 'Inicie sesión')
      session.locked = false
      session.lastActivityAt = clock()
      audit.record(user.id, 'auth.unlocked', {})
      return emit()
    },

    touch() {
      const view = current()
      if (session && !session.locked) session.lastActivityAt = clock()
      return view
    },

    async changePin(currentPin, newPin) {
      const open = requireSession()
      if (open.view.locked) throw new AppError('session_locked', {}, 'Pantalla bloqueada')
      checkChosenPin(newPin)
      const user = await credentials.check({ id: open.userId }, currentPin, 'changePin')
      if (newPin === currentPin) {
        throw new AppError('pin_unchanged', {}, 'El PIN nuevo debe ser distinto del actual')
      }
      const pinHash = await hashPin(newPin, hashParams)
      writeTransaction(db, () => {
        users.setPinHash(user.id, pinHash, false)
        audit.record(user.id, 'auth.pin_changed', { user: { id: user.id, name: user.name } })
      })
      if (session?.userId === user.id) session.lastActivityAt = clock()
      return emit()
    },

    // async: a signed-out or locked till is a rejected promise like every other refusal.
    approveWithSupervisor: async (request) => approvals.approve(requireUser(), request),
    issueApproval: async (request) => approvals.issue(requireUser(), request),
    redeemApproval: async (approvalId, action, work) =>
      approvals.redeem(requireUser(), approvalId, action, work),

    stop() {
      if (idleTimer !== null) timers.clearInterval(idleTimer)
    }
  }
}
