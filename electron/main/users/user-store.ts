/** The `users` table: rows in, records out. Rules (who may do what) live in the callers. */
import { randomUUID } from 'node:crypto'
import type { Role } from '@shared/ipc/channels/session'
import type { Database } from '@main/store/db'
import type { Clock } from '@main/store/types'
import { camelColumns } from '@main/store/columns'

export interface UserRecord {
  id: string
  name: string
  role: Role
  pinHash: string
  active: boolean
  mustChangePin: boolean
  failedAttempts: number
  /** Epoch ms; wrong PINs keep the user out until then. */
  lockedUntil: number | null
  createdAt: number
  updatedAt: number
}

export interface NewUser {
  name: string
  role: Role
  pinHash: string
  mustChangePin: boolean
}

export interface LockoutRule {
  attempts: number
  lockMs: number
}

export interface FailureOutcome {
  failedAttempts: number
  lockedUntil: number | null
}

export interface UserStore {
  list(): UserRecord[]
  byId(id: string): UserRecord | undefined
  /** Case-insensitive, trimmed. */
  byName(name: string): UserRecord | undefined
  count(): number
  activeSupervisorCount(): number
  insert(user: NewUser): UserRecord
  setPinHash(id: string, pinHash: string, mustChangePin: boolean): void
  setActive(id: string, active: boolean): void
  /** Counts one wrong PIN; at `rule.attempts` the user is locked out and the count restarts. */
  recordFailure(id: string, rule: LockoutRule): FailureOutcome
  clearFailures(id: string): void
}

interface UserRow {
  id: string
  name: string
  role: Role
  pin_hash: string
  active: number
  must_change_pin: number
  failed_attempts: number
  locked_until: number | null
  created_at: number
  updated_at: number
}

function toRecord(row: UserRow): UserRecord {
  return {
    ...camelColumns(row, [
      'id',
      'name',
      'role',
      'pin_hash',
      'failed_attempts',
      'locked_until',
      'created_at',
      'updated_at'
    ]),
    active: row.active === 1,
    mustChangePin: row.must_change_pin === 1
  }
}

export function createUserStore({ db, clock }: { db: Database; clock: Clock }): UserStore {
  const one = (sql: string, ...params: (string | number)[]): UserRecord | undefined => {
    const row = db.prepare(sql).get(...params) as UserRow | undefined
    return row ? toRecord(row) : undefined
  }

  return {
    list: () => (db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[]).map(toRecord),
    byId: (id) => one('SELECT * FROM users WHERE id = ?', id),
    byName: (name) => one('SELECT * FROM users WHERE name = ?', name.trim()),
    count: () => (db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n,
    activeSupervisorCount: () =>
      (
        db
          .prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'supervisor' AND active = 1")
          .get() as { n: number }
      ).n,

    insert(user) {
      const id = randomUUID()
      const now = clock()
      db.prepare(
        `INSERT INTO users (id, name, role, pin_hash, must_change_pin, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`
      ).run(id, user.name.trim(), user.role, user.pinHash, user.mustChangePin ? 1 : 0, now, now)
      const created = one('SELECT * FROM users WHERE id = ?', id)
      if (!created) throw new Error(`user ${id} vanished after insert`)
      return created
    },

    setPinHash(id, pinHash, mustChangePin) {
      db.prepare(
        `UPDATE users SET pin_hash = ?, must_change_pin = ?, failed_attempts = 0,
           locked_until = NULL, updated_at = ? WHERE id = ?`
      ).run(pinHash, mustChangePin ? 1 : 0, clock(), id)
    },

    setActive(id, active) {
      db.prepare('UPDATE users SET active = ?, updated_at = ? WHERE id = ?').run(
        active ? 1 : 0,
        clock(),
        id
      )
    },

    recordFailure(id, rule) {
      const now = clock()
      const row = db.prepare('SELECT failed_attempts FROM users WHERE id = ?').get(id) as
        { failed_attempts: number } | undefined
      const failedAttempts = (row?.failed_attempts ?? 0) + 1
      if (failedAttempts >= rule.attempts) {
        const lockedUntil = now + rule.lockMs
        db.prepare(
          'UPDATE users SET failed_attempts = 0, locked_until = ?, updated_at = ? WHERE id = ?'
        ).run(lockedUntil, now, id)
        return { failedAttempts, lockedUntil }
      }
      db.prepare('UPDATE users SET failed_attempts = ?, updated_at = ? WHERE id = ?').run(
        failedAttempts,
        now,
        id
      )
      return { failedAttempts, lockedUntil: null }
    },

    clearFailures(id) {
      db.prepare(
        `UPDATE users SET failed_attempts = 0, locked_until = NULL, updated_at = ?
         WHERE id = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)`
      ).run(clock(), id)
    }
  }
}
