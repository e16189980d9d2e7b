/**
 * The one place a PIN is checked against a user: sign-in, unlock, PIN change and supervisor
 * approval all come here, so every wrong PIN counts toward the same lockout and is audited the
 * same way. Checks run one at a time, so parallel guesses cannot slip past the attempt limit.
 */
import { AppError } from '@shared/errors'
import type { AuditLog } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { writeTransaction } from '@main/store/db'
import type { Clock } from '@main/store/types'
import type { PinHashParams } from './pin'
import { checkPinFormat, DEFAULT_PIN_HASH, hashPin, needsRehash, verifyPin } from './pin'
import type { UserRecord, UserStore } from './user-store'

export interface LockoutSettings {
  lockoutAttempts: number
  lockoutMinutes: number
}

export type CheckPurpose = 'signIn' | 'unlock' | 'changePin' | 'approve'

export interface Credentials {
  /** The user (active, not locked out) whose PIN this is, or an AppError. */
  check(
    who: { id: string } | { name: string },
    pin: string,
    purpose: CheckPurpose
  ): Promise<UserRecord>
  /** Runs `work` after every pending check (for writes that must not interleave with one). */
  serial<T>(work: () => Promise<T> | T): Promise<T>
}

export interface CredentialsDeps {
  db: Database
  clock: Clock
  audit: AuditLog
  users: UserStore
  settings: () => LockoutSettings
  hashParams?: PinHashParams
}

const MINUTE = 60_000

export function lockedOut(lockedUntil: number, now: number): AppError {
  const minutes = Math.max(1, Math.ceil((lockedUntil - now) / MINUTE))
  return new AppError(
    'user_locked_out',
    { minutes, until: new Date(lockedUntil).toISOString() },
    `Usuario bloqueado por PIN incorrecto; intente en ${minutes} min`
  )
}

export function createCredentials(deps: CredentialsDeps): Credentials {
  const { db, clock, audit, users } = deps
  const params = deps.hashParams ?? DEFAULT_PIN_HASH
  let queue: Promise<unknown> = Promise.resolve()
  let dummyHash: Promise<string> | undefined

  function serial<T>(work: () => Promise<T> | T): Promise<T> {
    const run = queue.then(work, work)
    queue = run.catch(() => undefined)
    return run
  }

  // An unknown name costs as much time as a wrong PIN.
  async function burnTime(pin: string): Promise<void> {
    dummyHash ??= hashPin('00000000', params)
    await verifyPin(pin, await dummyHash)
  }

  async function check(
    who: { id: string } | { name: string },
    pin: string,
    purpose: CheckPurpose
  ): Promise<UserRecord> {
    // A mistyped PIN (letters, 3 digits) is not a guess: it costs no attempt.
    checkPinFormat(pin)
    const user = 'id' in who ? users.byId(who.id) : users.byName(who.name)
    if (!user) {
      await burnTime(pin)
      const name = 'name' in who ? who.name.slice(0, 60) : ''
      audit.record('unknown', 'auth.failed', { purpose, name, reason: 'unknown_user' })
      throw new AppError('sign_in_failed', {}, 'Usuario o PIN incorrecto')
    }
    const actor = { id: user.id, name: user.name }
    if (!user.active) {
      audit.record(user.id, 'auth.failed', { purpose, user: actor, reason: 'disabled' })
      throw new AppError('user_disabled', { name: user.name }, 'Usuario desactivado')
    }
    const now = clock()
    if (user.lockedUntil !== null && user.lockedUntil > now) {
      audit.record(user.id, 'auth.failed', { purpose, user: actor, reason: 'locked_out' })
      throw lockedOut(user.lockedUntil, now)
    }

    if (!(await verifyPin(pin, user.pinHash))) {
      const { lockoutAttempts, lockoutMinutes } = deps.settings()
      const outcome = writeTransaction(db, () => {
        const result = users.recordFailure(user.id, {
          attempts: lockoutAttempts,
          lockMs: lockoutMinutes * MINUTE
        })
        const attempt = {
          purpose,
          user: actor,
          reason: 'wrong_pin',
          attempt: result.failedAttempts
        }
        audit.record(user.id, 'auth.failed', attempt)
        if (result.lockedUntil !== null) {
          audit.record(user.id, 'auth.locked_out', {
            purpose,
            user: actor,
            attempts: result.failedAttempts,
            until: new Date(result.lockedUntil).toISOString()
          })
        }
        return result
      })
      if (outcome.lockedUntil !== null) throw lockedOut(outcome.lockedUntil, clock())
      const attemptsLeft = Math.max(0, lockoutAttempts - outcome.failedAttempts)
      throw new AppError('pin_wrong', { attemptsLeft }, `PIN incorrecto; quedan ${attemptsLeft}`)
    }

    users.clearFailures(user.id)
    if (needsRehash(user.pinHash, params)) {
      users.setPinHash(user.id, await hashPin(pin, params), user.mustChangePin)
    }
    return users.byId(user.id) ?? user
  }

  return {
    check: (who, pin, purpose) => serial(() => check(who, pin, purpose)),
    serial
  }
}
