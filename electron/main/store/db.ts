/**
 * Opens the payment database the only way the app may use it: WAL, synchronous=FULL (a payment
 * the cashier was told is saved survives a power cut), foreign keys on, a busy timeout, and the
 * schema migrated. Anything less and the app refuses to run.
 */
import Sqlite from 'better-sqlite3'
import type BetterSqlite3 from 'better-sqlite3'
import path from 'node:path'

import { AppError } from '@shared/errors'
import { MIGRATIONS } from './migrations'
import type { Migration } from './migrations'

export type Database = BetterSqlite3.Database

/** A structured log line: what happened, and its figures (the redacted log writes them as JSON). */
export interface StepLog {
  info(message: string, details: Record<string, string | number>): void
}

export interface OpenDatabaseOptions {
  busyTimeoutMs?: number
  /** Path to a better_sqlite3.node built for the running ABI (Electron's, not Node's). */
  nativeBinding?: string
  /** Where each migration step is logged (step, duration, rows changed). */
  log?: StepLog
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000
const SYNCHRONOUS_FULL = 2

export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS
  let db: Database
  try {
    db = new Sqlite(file, {
      timeout: busyTimeoutMs,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
    })
  } catch (error) {
    throw pragmasError(file, 'open', error)
  }
  try {
    applyPragmas(db, file, busyTimeoutMs)
  } catch (error) {
    db.close()
    throw error instanceof AppError ? error : pragmasError(file, 'pragmas', error)
  }
  try {
    migrate(db, MIGRATIONS, options.log)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

function applyPragmas(db: Database, file: string, busyTimeoutMs: number): void {
  const mode = String(db.pragma('journal_mode = WAL', { simple: true })).toLowerCase()
  if (mode !== 'wal') throw pragmasError(file, `journal_mode=${mode}`)

  db.pragma('synchronous = FULL')
  const synchronous = Number(db.pragma('synchronous', { simple: true }))
  if (synchronous !== SYNCHRONOUS_FULL) throw pragmasError(file, `synchronous=${synchronous}`)

  db.pragma('foreign_keys = ON')
  const foreignKeys = Number(db.pragma('foreign_keys', { simple: true }))
  if (foreignKeys !== 1) throw pragmasError(file, `foreign_keys=${foreignKeys}`)

  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`)
  const timeout = Number(db.pragma('busy_timeout', { simple: true }))
  if (timeout !== Math.max(0, Math.trunc(busyTimeoutMs))) {
    throw pragmasError(file, `busy_timeout=${timeout}`)
  }
}

function pragmasError(file: string, step: string, cause?: unknown): AppError {
  const reason = cause instanceof Error ? `${step}: ${cause.message}` : step
  return new AppError(
    'db_pragmas',
    { dir: path.dirname(file), detail: reason },
    `No se puede usar la base de datos de pagos de forma segura (${reason}) en ${file}`
  )
}

export function userVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }))
}

/**
 * Applies every pending migration in ONE transaction, like Signal Desktop's updateSchema: either
 * the database reaches the newest version or it stays exactly as it was.
 */
export function migrate(
  db: Database,
  migrations: readonly Migration[] = MIGRATIONS,
  log?: StepLog
): { from: number; to: number } {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `Migration ${migration.name} has version ${migration.version}, expected ${index + 1}`
      )
    }
  })
  const supported = migrations.length
  const found = userVersion(db)
  if (found > supported) {
    throw new AppError(
      'db_newer_version',
      { found, supported },
      `La base de datos es de una versión más nueva de Caja (${found} > ${supported})`
    )
  }
  if (found === supported) return { from: found, to: found }

  let current = found
  const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n')
  const started = performance.now()
  try {
    db.transaction(() => {
      for (const migration of migrations.slice(found)) {
        current = migration.version
        const stepStarted = performance.now()
        const before = changes.get()?.n ?? 0
        migration.up(db)
        log?.info('db migration', {
          step: migration.name,
          version: migration.version,
          ms: Math.round(performance.now() - stepStarted),
          rowsChanged: (changes.get()?.n ?? 0) - before
        })
      }
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length > 0) throw new Error(`${broken.length} rows break a foreign key`)
      db.pragma(`user_version = ${supported}`)
    }).immediate()
    log?.info('db migrated', {
      from: found,
      to: supported,
      ms: Math.round(performance.now() - started)
    })
  } catch (error) {
    const mapped = mapWriteError(error)
    if (mapped instanceof AppError) throw mapped
    const detail = error instanceof Error ? error.message : String(error)
    throw new AppError(
      'db_migration_failed',
      { version: current, detail },
      `Falló la migración ${current} de la base de datos: ${detail}`
    )
  }
  return { from: found, to: supported }
}

/**
 * Runs `work` in an IMMEDIATE transaction (takes the write lock first, so a second connection
 * waits on busy_timeout instead of failing mid-way) and turns storage failures into AppErrors
 * the cashier can read. A failure rolls back only this transaction: earlier commits stay.
 */
export function writeTransaction<T>(db: Database, work: () => T): T {
  try {
    return db.transaction(work).immediate()
  } catch (error) {
    throw mapWriteError(error)
  }
}

function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined
  const code = (error as { code: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined
}

/** Maps SQLite storage failures to AppErrors; anything else is returned unchanged. */
export function mapWriteError(error: unknown): unknown {
  const code = sqliteCode(error)
  if (code === undefined) return error
  if (code === 'SQLITE_FULL') {
    return new AppError('disk_full', {}, 'El disco está lleno: no se guardó el último cambio')
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('db_readonly', {}, 'La base de datos es de solo lectura')
  }
  if (code.startsWith('SQLITE_BUSY')) {
    return new AppError('db_busy', {}, 'La base de datos está ocupada por otro proceso')
  }
  return error
}

/**
 * Prepares a statement the first time its text is asked for, then hands out the same one: for
 * SQL whose shape depends on a filter, so each shape is prepared once per connection.
 */
export function statementCache(db: Database): (sql: string) => BetterSqlite3.Statement {
  const byText = new Map<string, BetterSqlite3.Statement>()
  return (sql) => {
    let statement = byText.get(sql)
    if (!statement) {
      statement = db.prepare(sql)
      byText.set(sql, statement)
    }
    return statement
  }
}

/** True when `error` is SQLite refusing a row because of a UNIQUE index. */
export function isUniqueViolation(error: unknown): boolean {
  const code = sqliteCode(error)
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
}
