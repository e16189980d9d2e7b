/**
 * Managing the till's users (supervisors only; the policy checks the role before we get here).
 * Two guards keep the till administrable: nobody disables themselves, and the last active
 * supervisor cannot be disabled.
 */
import { AppError } from '@shared/errors'
import type { Role } from '@shared/ipc/channels/session'
import type { UserView } from '@shared/ipc/channels/users'
import type { AuditLog } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { isUniqueViolation, writeTransaction } from '@main/store/db'
import type { Person } from '@main/store/types'
import type { PinHashParams } from './pin'
import { checkChosenPin, checkPinFormat, DEFAULT_PIN_HASH, hashPin } from './pin'
import type { UserRecord, UserStore } from './user-store'

export interface NewUserInput {
  name: string
  role: Role
  pin: string
  /** Default true. */
  mustChangePin?: boolean
}

export interface UserAdmin {
  list(): UserView[]
  create(actor: Person, input: NewUserInput): Promise<UserView>
  setActive(actor: Person, userId: string, active: boolean): UserView
  /** A new PIN (and the end of any lockout). */
  resetPin(actor: Person, userId: string, pin: string, mustChangePin?: boolean): Promise<UserView>
}

const NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N} .'-]{0,59}$/u

export function toUserView(user: UserRecord, now: number): UserView {
  const locked = user.lockedUntil !== null && user.lockedUntil > now
  return {
    id: user.id,
    name: user.name,
    role: user.role,
    active: user.active,
    mustChangePin: user.mustChangePin,
    failedAttempts: user.failedAttempts,
    lockedUntil:
      locked && user.lockedUntil !== null ? new Date(user.lockedUntil).toISOString() : null,
    createdAt: new Date(user.createdAt).toISOString()
  }
}

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ')
  if (!NAME_PATTERN.test(name)) throw new AppError('user_name_invalid', { max: 60 })
  return name
}

/** A PIN the person keeps must not be trivial; a temporary one only needs the format. */
function checkNewPin(pin: string, mustChangePin: boolean): void {
  if (mustChangePin) checkPinFormat(pin)
  else checkChosenPin(pin)
}

export function createUserAdmin(deps: {
  db: Database
  clock: () => number
  audit: AuditLog
  users: UserStore
  hashParams?: PinHashParams
}): UserAdmin {
  const { db, clock, audit, users } = deps
  const params = deps.hashParams ?? DEFAULT_PIN_HASH

  function find(userId: string): UserRecord {
    const user = users.byId(userId)
    if (!user) throw new AppError('user_unknown', { userId: userId.slice(0, 64) })
    return user
  }

  function view(userId: string): UserView {
    return toUserView(find(userId), clock())
  }

  return {
    list: () => users.list().map((user) => toUserView(user, clock())),

    async create(actor, input) {
      const name = cleanName(input.name)
      const mustChangePin = input.mustChangePin ?? true
      checkNewPin(input.pin, mustChangePin)
      if (users.byName(name)) throw new AppError('user_name_taken', { name })
      const pinHash = await hashPin(input.pin, params)
      try {
        const user = writeTransaction(db, () => {
          const created = users.insert({ name, role: input.role, pinHash, mustChangePin })
          audit.record(actor.id, 'users.created', {
            by: actor,
            user: { id: created.id, name: created.name },
            role: created.role,
            mustChangePin
          })
          return created
        })
        return toUserView(user, clock())
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('user_name_taken', { name })
        throw error
      }
    },

    setActive(actor, userId, active) {
      const user = find(userId)
      if (user.active === active) return toUserView(user, clock())
      if (!active && user.id === actor.id) throw new AppError('user_disable_self', {})
      writeTransaction(db, () => {
        if (!active && user.role === 'supervisor' && users.activeSupervisorCount() <= 1) {
          throw new AppError('last_supervisor', {})
        }
        users.setActive(user.id, active)
        audit.record(actor.id, active ? 'users.enabled' : 'users.disabled', {
          by: actor,
          user: { id: user.id, name: user.name }
        })
      })
      return view(user.id)
    },

    async resetPin(actor, userId, pin, mustChangePin = true) {
      const user = find(userId)
      checkNewPin(pin, mustChangePin)
      const pinHash = await hashPin(pin, params)
      writeTransaction(db, () => {
        users.setPinHash(user.id, pinHash, mustChangePin)
        audit.record(actor.id, 'users.pin_reset', {
          by: actor,
          user: { id: user.id, name: user.name },
          mustChangePin
        })
      })
      return view(user.id)
    }
  }
}
