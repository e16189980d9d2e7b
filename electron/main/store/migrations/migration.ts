import type BetterSqlite3 from 'better-sqlite3'

/**
 * One schema step. `up` runs inside the transaction that applies every pending step, so it must
 * not commit, VACUUM or change `foreign_keys` (those cannot run inside a transaction).
 */
export interface Migration {
  version: number
  name: string
  up(db: BetterSqlite3.Database): void
}
