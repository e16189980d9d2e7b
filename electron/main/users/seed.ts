/**
 * The users a new till starts with. A fresh database gets ONE supervisor, "Supervisor" with the
 * documented PIN 0000, who must choose a new PIN at the first sign-in (and cannot approve
 * anything before). Demos and e2e tests add a ready cashier with `CAJA_DEMO_USERS=1`.
 */
import type { AuditLog } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { writeTransaction } from '@main/store/db'
import type { PinHashParams } from './pin'
import { DEFAULT_PIN_HASH, hashPin } from './pin'
import type { UserStore } from './user-store'

export const FIRST_SUPERVISOR = Object.freeze({ name: 'Supervisor', pin: '0000' })
export const DEMO_CASHIER = Object.freeze({ name: 'Cajero Demo', pin: '1234' })

export function demoUsersFromEnv(env: Record<string, string | undefined> = process.env): boolean {
  return env.CAJA_DEMO_USERS === '1'
}

export interface SeedOptions {
  db: Database
  audit: AuditLog
  users: UserStore
  /** Also the demo cashier (once; kept if it exists). */
  demoCashier: boolean
  hashParams?: PinHashParams
}

/** Run once at startup, before the IPC handlers; returns the names it created. */
export async function seedUsers(options: SeedOptions): Promise<string[]> {
  const { db, audit, users } = options
  const params = options.hashParams ?? DEFAULT_PIN_HASH
  const created: string[] = []

  if (users.count() === 0) {
    const pinHash = await hashPin(FIRST_SUPERVISOR.pin, params)
    writeTransaction(db, () => {
      // Checked again inside the write lock: another start may have seeded meanwhile.
      if (users.count() > 0) return
      const user = users.insert({
        name: FIRST_SUPERVISOR.name,
        role: 'supervisor',
        pinHash,
        mustChangePin: true
      })
      audit.record('system', 'users.seeded', { user: { id: user.id, name: user.name } })
      created.push(user.name)
    })
  }

  if (options.demoCashier && !users.byName(DEMO_CASHIER.name)) {
    const pinHash = await hashPin(DEMO_CASHIER.pin, params)
    writeTransaction(db, () => {
      if (users.byName(DEMO_CASHIER.name)) return
      const user = users.insert({
        name: DEMO_CASHIER.name,
        role: 'cashier',
        pinHash,
        mustChangePin: false
      })
      audit.record('system', 'users.seeded', { user: { id: user.id, name: user.name }, demo: true })
      created.push(user.name)
    })
  }
  return created
}
