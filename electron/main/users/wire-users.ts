/** The users feature wired from its dependencies: the session service (seeded) and the admin. */
import type { SessionView } from '@shared/ipc/channels/session'
import type { AuditLog } from '@main/audit/audit-log'
import type { SettingsStore } from '@main/settings/settings-store'
import type { Database } from '@main/store/db'
import type { Clock } from '@main/store/types'
import { createUserAdmin, type UserAdmin } from './management'
import type { PinHashParams } from './pin'
import { demoUsersFromEnv, seedUsers } from './seed'
import { createSessionService, type SessionService } from './sessions'

export interface UsersFeature {
  sessions: SessionService
  admin: UserAdmin
}

export async function wireUsers(deps: {
  db: Database
  clock: Clock
  audit: AuditLog
  settings: SettingsStore
  /** Tests lower the scrypt cost of PINs; the app keeps the default. */
  pinHash: PinHashParams | undefined
  /** Also seed the demo cashier. Default: `CAJA_DEMO_USERS=1`. */
  demoUsers: boolean | undefined
  onChange(view: SessionView): void
}): Promise<UsersFeature> {
  const { db, clock, audit } = deps
  const hashParams = deps.pinHash ? { hashParams: deps.pinHash } : {}
  const sessions = createSessionService({
    db,
    clock,
    audit,
    settings: () => ({
      idleLockMinutes: deps.settings.get().idleLockMinutes,
      lockoutAttempts: 5,
      lockoutMinutes: 5
    }),
    ...hashParams,
    onChange: deps.onChange
  })
  try {
    await seedUsers({
      db,
      audit,
      users: sessions.users,
      demoCashier: deps.demoUsers ?? demoUsersFromEnv(),
      ...hashParams
    })
  } catch (error) {
    // Its idle timer must not outlive a start that failed.
    sessions.stop()
    throw error
  }
  return {
    sessions,
    admin: createUserAdmin({ db, clock, audit, users: sessions.users, ...hashParams })
  }
}
