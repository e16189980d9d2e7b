import path from 'node:path'
import Sqlite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

import { migrate, openDatabase, userVersion } from '@main/store/db'
import type { Migration } from '@main/store/migrations'
import { MIGRATIONS } from '@main/store/migrations'
import { AppError } from '@shared/errors'
import {
  T0,
  count,
  openStore,
  paymentInput,
  removeTempDirs,
  seedCustomer,
  tempDir
} from '@support/store-world'

afterEach(removeTempDirs)

const NEWEST = MIGRATIONS.length

function tables(db: Sqlite.Database): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[]
}

/** A plain connection (no migrations) on a new file. */
function rawDb(): { file: string; db: Sqlite.Database } {
  const file = path.join(tempDir(), 'caja.db')
  return { file, db: new Sqlite(file) }
}

describe('migration log', () => {
  it('logs each step with its duration and rows changed, then the whole run', () => {
    const lines: Array<{ message: string; details: Record<string, string | number> }> = []
    const file = path.join(tempDir(), 'caja.db')
    const log = {
      info: (message: string, details: Record<string, string | number>) =>
        void lines.push({ message, details })
    }
    openDatabase(file, { log }).close()

    const steps = lines.filter((line) => line.message === 'db migration')
    expect(steps.map((line) => line.details.step)).toEqual(MIGRATIONS.map((m) => m.name))
    for (const { details } of steps) {
      expect(details.ms).toBeGreaterThanOrEqual(0)
      expect(details.rowsChanged).toBeGreaterThanOrEqual(0)
    }
    expect(lines.at(-1)).toMatchObject({ message: 'db migrated', details: { from: 0, to: NEWEST } })

    // Up to date: nothing to do, nothing logged.
    lines.length = 0
    openDatabase(file, { log }).close()
    expect(lines).toEqual([])
  })
})

describe('migration registry', () => {
  it('numbers migrations 1, 2, 3… with a name each', () => {
    MIGRATIONS.forEach((migration, index) => {
      expect(migration.version).toBe(index + 1)
      expect(migration.name).toMatch(/^[a-z0-9-]+$/)
    })
  })

  // One test per migration: from the version before it, it applies alone and reaches its version.
  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))(
    'migration %i (%s) applies on top of the previous version',
    (version) => {
      const { db } = rawDb()
      migrate(db, MIGRATIONS.slice(0, version - 1))
      expect(userVersion(db)).toBe(version - 1)
      expect(migrate(db, MIGRATIONS.slice(0, version))).toEqual({ from: version - 1, to: version })
      expect(userVersion(db)).toBe(version)
      expect(db.pragma('foreign_key_check')).toEqual([])
      db.close()
    }
  )
})

describe('migrate', () => {
  it('brings a fresh database to the newest version', () => {
    const db = openDatabase(path.join(tempDir(), 'caja.db'))
    expect(userVersion(db)).toBe(NEWEST)
    db.close()
  })

  it('does nothing on a database already at the newest version', () => {
    const store = openStore()
    expect(migrate(store.db)).toEqual({ from: NEWEST, to: NEWEST })
    store.db.close()
  })

  it('refuses a database from a newer version and leaves it untouched', () => {
    const { file, db } = rawDb()
    db.pragma(`user_version = ${NEWEST + 5}`)
    db.close()
    let error: unknown
    try {
      openDatabase(file)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('db_newer_version')
    expect((error as AppError).params).toEqual({ found: NEWEST + 5, supported: NEWEST })
    const check = new Sqlite(file)
    expect(userVersion(check)).toBe(NEWEST + 5)
    expect(tables(check)).toEqual([])
    check.close()
  })

  it('runs all pending migrations in one transaction: a failure leaves nothing behind', () => {
    const { db } = rawDb()
    const failing: Migration = {
      version: NEWEST + 1,
      name: 'broken',
      up(target) {
        target.exec('CREATE TABLE half_done (x INTEGER)')
        throw new Error('boom')
      }
    }
    let error: unknown
    try {
      migrate(db, [...MIGRATIONS, failing])
    } catch (caught) {
      error = caught
    }
    expect((error as AppError).code).toBe('db_migration_failed')
    expect((error as AppError).params.version).toBe(NEWEST + 1)
    expect(userVersion(db)).toBe(0)
    expect(tables(db)).toEqual([])
    db.close()
  })

  it('rejects a registry with a gap', () => {
    const { db } = rawDb()
    const gap: Migration = { version: NEWEST + 2, name: 'gap', up() {} }
    expect(() => migrate(db, [...MIGRATIONS, gap])).toThrow(/expected/)
    expect(userVersion(db)).toBe(0)
    db.close()
  })
})

describe('001-initial', () => {
  it('creates the store tables', () => {
    const { db } = rawDb()
    migrate(db, MIGRATIONS.slice(0, 1))
    expect(tables(db).sort()).toEqual(
      [
        'audit_log',
        'cached_bills',
        'lookup_cache',
        'outbox_attempts',
        'outbox_items',
        'payments',
        'receipt_sequences',
        'settings'
      ].sort()
    )
    db.close()
  })

  it('keeps data across a reopen (migrating again changes nothing)', () => {
    const store = openStore()
    seedCustomer(store)
    const receipt = store.payments.registerPayment(paymentInput())
    store.db.close()
    const again = openStore(store.file)
    expect(again.payments.getPayment(receipt.id)).toEqual(receipt)
    expect(count(again.db, 'cached_bills')).toBe(6)
    again.db.close()
  })

  it('keeps the audit log append-only: UPDATE and DELETE abort', () => {
    const store = openStore()
    store.audit.record('c1', 'login')
    expect(() => store.db.prepare("UPDATE audit_log SET actor = 'x'").run()).toThrow(/append-only/)
    expect(() => store.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/)
    expect(store.audit.list()).toMatchObject([{ actor: 'c1', action: 'login' }])
    store.db.close()
  })

  it('never deletes a payment nor changes its amounts', () => {
    const store = openStore()
    seedCustomer(store)
    const { id } = store.payments.registerPayment(paymentInput())
    expect(() => store.db.prepare('DELETE FROM payments').run()).toThrow(/never deleted/)
    expect(() => store.db.prepare('DELETE FROM outbox_items').run()).toThrow(/never deleted/)
    expect(() => store.db.prepare('UPDATE payments SET total = 1').run()).toThrow(/never change/)
    expect(() => store.db.prepare('UPDATE outbox_items SET amount = 1').run()).toThrow(
      /never change/
    )
    expect(store.payments.getPayment(id)?.total).toBe(120_000)
    store.db.close()
  })

  it('stops a second waiting item for the same bill, even bypassing the services', () => {
    const store = openStore()
    seedCustomer(store)
    const first = store.payments.registerPayment(paymentInput())
    const second = store.payments.registerPayment(
      paymentInput({ bills: [{ billNo: 'B2', contractId: '7001', amount: 80_000 }] })
    )
    const insert = store.db.prepare(
      `INSERT INTO outbox_items (payment_id, bill_no, contract_id, amount, state, next_attempt_at,
         created_at, updated_at) VALUES (?, 'B1', '7001', 120000, ?, 0, 0, 0)`
    )
    for (const state of ['queued', 'sending', 'uncertain', 'registered']) {
      expect(() => insert.run(second.id, state)).toThrow(/UNIQUE/)
    }
    // A rejected copy is history, not a second take: allowed.
    expect(() => insert.run(second.id, 'rejected')).not.toThrow()
    // Once the first is rejected, the bill may wait again.
    store.db
      .prepare("UPDATE outbox_items SET state = 'rejected' WHERE payment_id = ?")
      .run(first.id)
    expect(() => insert.run(second.id, 'queued')).not.toThrow()
    store.db.close()
  })

  it('rejects an unknown outbox state, a float amount and an orphan item', () => {
    const store = openStore()
    const insert = (paymentId: string, amount: number, state: string) =>
      store.db
        .prepare(
          `INSERT INTO outbox_items (payment_id, bill_no, contract_id, amount, state,
             next_attempt_at, created_at, updated_at) VALUES (?, 'X', '1', ?, ?, 0, 0, 0)`
        )
        .run(paymentId, amount, state)
    expect(() => insert('nope', 100, 'queued')).toThrow(/FOREIGN KEY/)
    seedCustomer(store)
    const { id } = store.payments.registerPayment(paymentInput())
    expect(() => insert(id, 100, 'lost')).toThrow(/CHECK/)
    expect(() => insert(id, 100.5, 'queued')).toThrow(/INTEGER/)
    store.db.close()
  })
})

describe('004-outbox-waiting-amount', () => {
  it('sums the waiting pesos from the index alone, leaving registered and rejected out', () => {
    const store = openStore()
    const plan = store.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT COALESCE(SUM(amount), 0) FROM outbox_items
           WHERE state IN ('queued', 'sending', 'uncertain')`
      )
      .all() as { detail: string }[]
    expect(plan.map((row) => row.detail).join('\n')).toMatch(
      /USING COVERING INDEX outbox_items_state_amount/
    )

    seedCustomer(store)
    store.caps.maxPendingTotal = Number.MAX_SAFE_INTEGER
    const amounts: Record<string, number> = { B1: 120_000, B2: 80_000, B3: 300_000, N1: 90_000 }
    for (const billNo of ['B1', 'B2', 'B3']) {
      store.payments.registerPayment(
        paymentInput({
          bills: [{ billNo, contractId: '7001', amount: amounts[billNo]! }],
          tendered: 300_000
        })
      )
    }
    expect(store.outbox.waitingAmount()).toBe(500_000)
    const [b1, b2, b3] = store.outbox.claimDue(T0, 10).sort((a, b) => a.id - b.id)
    store.outbox.markRegistered([b1!.id])
    store.outbox.markRejected([b2!.id], 'api_rejected')
    expect(store.outbox.waitingAmount()).toBe(amounts.B3)
    store.outbox.markUncertain([b3!.id], 'timeout')
    expect(store.outbox.waitingAmount()).toBe(amounts.B3)
    expect(store.outbox.summary(T0).waiting.amount).toBe(store.outbox.waitingAmount())
    store.db.close()
  })
})

describe('005-shift-rules', () => {
  const columns = (db: Sqlite.Database, table: string) =>
    (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name)

  it('adds the batch’s shift and the closing’s count, reason and approver, keeping old rows', () => {
    const { db } = rawDb()
    migrate(db, MIGRATIONS.slice(0, 4))
    db.prepare(
      `INSERT INTO batch_imports (at, actor, terminal_id, file_hash, total_rows, accepted,
         rejected, accepted_amount) VALUES (1, 'a', 'T1', 'h', 0, 0, 0, 0)`
    ).run()
    migrate(db, MIGRATIONS.slice(0, 5))
    expect(columns(db, 'batch_imports')).toContain('shift_id')
    expect(columns(db, 'shifts')).toEqual(
      expect.arrayContaining(['cash_count', 'difference_reason', 'approved_by'])
    )
    expect(db.prepare('SELECT shift_id FROM batch_imports').pluck().all()).toEqual([null])
    // A closed shift stays final with the new columns too.
    db.prepare(
      `INSERT INTO shifts (terminal_id, cashier_id, cashier_name, opened_at, opening_float,
         closed_at, counted, difference_reason) VALUES ('T1', 'c', 'C', 1, 0, 2, '{}', 'x')`
    ).run()
    expect(() => db.prepare("UPDATE shifts SET difference_reason = 'y'").run()).toThrow(
      /closed shift never changes/
    )
    db.close()
  })
})

describe('006-payment-reference', () => {
  it("keeps a payment's reference with it, NULL for cash, and never lets it change", () => {
    const store = openStore()
    seedCustomer(store)
    const card = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B1', contractId: '7001', amount: 120_000 }],
        method: 'credit_card',
        methodReference: { approvalCode: 'A1B2C3', cardLast4: '4242' }
      })
    )
    const cash = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B2', contractId: '7001', amount: 80_000 }],
        tendered: 80_000
      })
    )
    expect(store.payments.getPayment(card.id)?.methodReference).toEqual({
      approvalCode: 'A1B2C3',
      cardLast4: '4242'
    })
    expect(store.payments.getPayment(cash.id)?.methodReference).toBeNull()
    const [item] = store.outbox.claimDue(T0, 10).filter((claimed) => claimed.paymentId === card.id)
    expect(item?.methodReference).toEqual({ approvalCode: 'A1B2C3', cardLast4: '4242' })

    expect(() =>
      store.db
        .prepare('UPDATE payments SET method_reference = ? WHERE id = ?')
        .run(JSON.stringify({ approvalCode: 'OTHER1', cardLast4: '0000' }), card.id)
    ).toThrow(/never changes/)
    // Nor is one added afterwards to a payment written without it.
    expect(() =>
      store.db
        .prepare('UPDATE payments SET method_reference = ? WHERE id = ?')
        .run(JSON.stringify({ bank: 'Bancolombia' }), cash.id)
    ).toThrow(/never changes/)
    store.db.close()
  })

  it('leaves payments taken before it without a reference', () => {
    const { file, db } = rawDb()
    migrate(db, MIGRATIONS.slice(0, 5))
    db.close()
    const store = openStore(file)
    const columns = store.db.prepare('PRAGMA table_info(payments)').all() as { name: string }[]
    expect(columns.map((column) => column.name)).toContain('method_reference')
    store.db.close()
  })
})
