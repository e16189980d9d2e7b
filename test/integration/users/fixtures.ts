/** A real SQLite file in a temp dir with the users services on a test clock. */
import path from 'node:path'
import { afterEach } from 'vitest'
import type { SessionView } from '@shared/ipc/channels/session'
import { createAuditLog } from '@main/audit/audit-log'
import type { AuditLog } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { openDatabase } from '@main/store/db'
import type { UserAdmin } from '@main/users/management'
import { createUserAdmin } from '@main/users/management'
import { seedUsers } from '@main/users/seed'
import type { SessionService, SessionSettings } from '@main/users/sessions'
import { createSessionService } from '@main/users/sessions'
import { FAST_HASH } from '@support/fast-hash'
import { removeTempDirs, T0, tempDir } from '@support/store-world'

export { removeTempDirs, T0 } from '@support/store-world'

export const MINUTE = 60_000

export interface UsersWorld {
  db: Database
  now: { value: number }
  clock: () => number
  audit: AuditLog
  settings: SessionSettings
  sessions: SessionService
  admin: UserAdmin
  changes: SessionView[]
  actions(): string[]
  close(): void
}

/**
 * For a test file: opens users worlds (as `openUsersWorld`), each closed after its test and its
 * temp dir removed.
 */
export function useUsersWorlds(): (options?: UsersWorldOptions) => Promise<UsersWorld> {
  const open: UsersWorld[] = []
  afterEach(() => {
    for (const world of open.splice(0)) world.close()
    removeTempDirs()
  })
  return async (options) => {
    const world = await openUsersWorld(options)
    open.push(world)
    return world
  }
}

export interface UsersWorldOptions {
  demoCashier?: boolean
  file?: string
}

export async function openUsersWorld(options: UsersWorldOptions = {}): Promise<UsersWorld> {
  const db = openDatabase(options.file ?? path.join(tempDir(), 'caja.db'))
  const now = { value: T0 }
  const clock = () => now.value
  const audit = createAuditLog({ db, clock })
  const settings: SessionSettings = { idleLockMinutes: 10, lockoutAttempts: 5, lockoutMinutes: 5 }
  const changes: SessionView[] = []
  const sessions = createSessionService({
    db,
    clock,
    audit,
    settings: () => settings,
    hashParams: FAST_HASH,
    onChange: (view) => changes.push(view),
    idleCheckMs: 0
  })
  await seedUsers({
    db,
    audit,
    users: sessions.users,
    demoCashier: options.demoCashier ?? true,
    hashParams: FAST_HASH
  })
  const admin = createUserAdmin({ db, clock, audit, users: sessions.users, hashParams: FAST_HASH })
  return {
    db,
    now,
    clock,
    audit,
    settings,
    sessions,
    admin,
    changes,
    actions: () =>
      audit
        .list({ limit: 5000 })
        .map((entry) => entry.action)
        .reverse(),
    close() {
      sessions.stop()
      db.close()
    }
  }
}

/** Signs in as the first supervisor and replaces the demo PIN 0000 by `pin`. */
export async function supervisorReady(world: UsersWorld, pin = '2580'): Promise<void> {
  await world.sessions.signIn('Supervisor', '0000')
  await world.sessions.changePin('0000', pin)
}

/** Expects `promise` to reject with an AppError of `code`; returns its params. */
export async function rejectsWith(
  promise: Promise<unknown> | (() => unknown),
  code: string
): Promise<Record<string, string | number>> {
  try {
    await (typeof promise === 'function' ? promise() : promise)
  } catch (error) {
    const appError = error as { code?: string; params?: Record<string, string | number> }
    if (appError.code !== code) {
      throw new Error(`expected ${code}, got ${appError.code ?? String(error)}`)
    }
    return appError.params ?? {}
  }
  throw new Error(`expected ${code}, but it succeeded`)
}
