/**
 * Append-only record of who did what (payments, overrides, retries). SQLite triggers refuse any
 * UPDATE or DELETE of audit_log, so even a bug elsewhere cannot rewrite history.
 */
import type BetterSqlite3 from 'better-sqlite3'

import type { Database } from '@main/store/db'
import { statementCache, writeTransaction } from '@main/store/db'
import type { AuditEntry, AuditFilter, Clock } from '@main/store/types'

export type AuditDetails = Record<string, unknown>

export interface AuditLog {
  record(actor: string, action: string, details?: AuditDetails): AuditEntry
  list(filter?: AuditFilter): AuditEntry[]
}

interface AuditRow {
  id: number
  at: number
  actor: string
  action: string
  details: string
}

const DEFAULT_LIMIT = 200
const MAX_LIMIT = 5000

/**
 * Inserts one audit row with the caller's transaction (if any): other store services use it so a
 * change and its audit line commit together.
 */
export function insertAuditRow(
  db: Database,
  at: number,
  actor: string,
  action: string,
  details: AuditDetails = {}
): AuditEntry {
  const result = insertStatement(db).run(at, actor, action, JSON.stringify(details))
  return { id: Number(result.lastInsertRowid), at, actor, action, details }
}

/** Prepared once per connection: every payment writes an audit line. */
const inserts = new WeakMap<Database, BetterSqlite3.Statement>()

function insertStatement(db: Database): BetterSqlite3.Statement {
  let statement = inserts.get(db)
  if (!statement) {
    statement = db.prepare('INSERT INTO audit_log (at, actor, action, details) VALUES (?, ?, ?, ?)')
    inserts.set(db, statement)
  }
  return statement
}

export function createAuditLog({ db, clock }: { db: Database; clock: Clock }): AuditLog {
  const cached = statementCache(db)
  return {
    record(actor, action, details = {}) {
      return writeTransaction(db, () => insertAuditRow(db, clock(), actor, action, details))
    },

    list(filter = {}) {
      const where: string[] = []
      const params: (string | number)[] = []
      const conditions: [string, string | number | undefined][] = [
        ['at >= ?', filter.from],
        ['at < ?', filter.to],
        ['actor = ?', filter.actor],
        ['action = ?', filter.action]
      ]
      for (const [condition, value] of conditions) {
        if (value === undefined) continue
        where.push(condition)
        params.push(value)
      }
      const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? DEFAULT_LIMIT)), MAX_LIMIT)
      const offset = Math.max(0, Math.trunc(filter.offset ?? 0))
      const rows = cached(
        `SELECT id, at, actor, action, details FROM audit_log
           ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
           ORDER BY id DESC LIMIT ? OFFSET ?`
      ).all(...params, limit, offset) as AuditRow[]
      return rows.map((row) => ({ ...row, details: JSON.parse(row.details) as unknown }))
    }
  }
}
