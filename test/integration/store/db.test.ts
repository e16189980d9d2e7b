import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import Sqlite from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'

import { openDatabase, writeTransaction } from '@main/store/db'
import type { StoredReceipt } from '@main/store/types'
import { AppError } from '@shared/errors'
import {
  count,
  makeReadOnly,
  makeWritable,
  openStore,
  paymentInput,
  removeTempDirs,
  seedCustomer,
  tempDir
} from '@support/store-world'

afterEach(removeTempDirs)

function caught(fn: () => unknown): AppError {
  try {
    fn()
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('expected an AppError, nothing was thrown')
}

describe('openDatabase pragmas', () => {
  it('sets WAL, synchronous=FULL, foreign keys and the busy timeout, and they read back', () => {
    const db = openDatabase(path.join(tempDir(), 'caja.db'), { busyTimeoutMs: 1234 })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(1234)
    db.close()
  })

  it('refuses clearly to create a database in a read-only directory', () => {
    const dir = tempDir()
    makeReadOnly(dir)
    const error = caught(() => openDatabase(path.join(dir, 'caja.db')))
    expect(error.code).toBe('db_pragmas')
    expect(error.params.dir).toBe(dir)
    expect(fs.existsSync(path.join(dir, 'caja.db'))).toBe(false)
  })

  it('refuses an existing database whose directory became read-only (WAL needs its files)', () => {
    const dir = tempDir()
    const file = path.join(dir, 'caja.db')
    openDatabase(file).close()
    makeReadOnly(dir)
    expect(caught(() => openDatabase(file)).code).toBe('db_pragmas')
    makeWritable(dir)
  })

  it('refuses when WAL cannot be used', () => {
    const dir = tempDir()
    const file = path.join(dir, 'caja.db')
    // A directory where the WAL file must go: SQLite cannot create it.
    fs.mkdirSync(`${file}-wal`)
    const error = caught(() => openDatabase(file))
    expect(error.code).toBe('db_pragmas')
    expect(String(error.params.detail)).not.toBe('')
  })
})

describe('storage failures while writing', () => {
  it('turns a full disk into disk_full and keeps what was committed', () => {
    const store = openStore()
    seedCustomer(store)
    const first = store.payments.registerPayment(paymentInput())
    const pages = Number(store.db.pragma('page_count', { simple: true }))
    store.db.pragma(`max_page_count = ${pages}`)
    // Enough audit rows to need a new page, all in one transaction.
    const error = caught(() => store.audit.record('c1', 'note', { text: 'x'.repeat(64 * 1024) }))
    expect(error.code).toBe('disk_full')
    store.db.close()

    const reopened = openStore(store.file)
    expect(reopened.payments.getPayment(first.id)?.receiptNo).toBe(1)
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(count(reopened.db, 'audit_log')).toBe(1)
    reopened.db.close()
  })

  it('turns a read-only database into db_readonly', () => {
    const store = openStore()
    store.db.pragma('query_only = ON')
    expect(caught(() => store.audit.record('c1', 'note')).code).toBe('db_readonly')
    store.db.close()
  })
})

describe('durability', () => {
  it('keeps a payment written by a process killed right after registering it', () => {
    const file = path.join(tempDir(), 'caja.db')
    const script = fileURLToPath(new URL('./crash-after-payment.ts', import.meta.url))
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, file], {
      cwd: path.resolve(path.dirname(script), '../../..'),
      encoding: 'utf8'
    })
    expect(child.signal).toBe('SIGKILL')
    const receipt = JSON.parse(child.stdout) as StoredReceipt
    // The WAL was never checkpointed: the payment lives only there.
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0)

    const store = openStore(file)
    const again = store.payments.getPayment(receipt.id)
    expect(again).toEqual(receipt)
    expect(store.outbox.summary(0).states.queued).toEqual({ count: 1, amount: 120_000 })
    store.db.close()
  })
})

describe('two connections', () => {
  const require = createRequire(import.meta.url)
  const sqlitePath = require.resolve('better-sqlite3')

  /** A worker that takes the write lock and releases it when told to (or after holdMs). */
  function lockHolder(file: string, holdMs: number) {
    const shared = new Int32Array(new SharedArrayBuffer(8))
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads')
       const Sqlite = require(workerData.sqlitePath)
       const db = new Sqlite(workerData.file)
       db.exec('BEGIN IMMEDIATE')
       db.prepare("INSERT INTO settings (key, value) VALUES ('holder', '1')").run()
       Atomics.store(workerData.shared, 0, 1)
       Atomics.notify(workerData.shared, 0)
       Atomics.wait(workerData.shared, 1, 0, workerData.holdMs)
       db.exec('COMMIT')
       db.close()`,
      { eval: true, workerData: { sqlitePath, file, shared, holdMs } }
    )
    Atomics.wait(shared, 0, 0, 10_000)
    if (Atomics.load(shared, 0) !== 1) throw new Error('lock holder did not start')
    const exited = new Promise<number>((resolve, reject) => {
      worker.once('error', reject)
      worker.once('exit', resolve)
    })
    return {
      release() {
        Atomics.store(shared, 1, 1)
        Atomics.notify(shared, 1)
      },
      exited
    }
  }

  it('waits on busy_timeout for the other writer and then commits', async () => {
    const file = path.join(tempDir(), 'caja.db')
    const db = openDatabase(file, { busyTimeoutMs: 30_000 })
    // The holder lets go on its own after a short while; this connection must wait, not fail.
    const holder = lockHolder(file, 300)
    writeTransaction(db, () => {
      db.prepare("INSERT INTO settings (key, value) VALUES ('waiter', '1')").run()
    })
    await holder.exited
    const keys = db.prepare('SELECT key FROM settings ORDER BY key').pluck().all()
    expect(keys).toEqual(['holder', 'waiter'])
    db.close()
  })

  it('reports db_busy when the other writer keeps the lock past the timeout', async () => {
    const file = path.join(tempDir(), 'caja.db')
    const db = openDatabase(file, { busyTimeoutMs: 50 })
    const holder = lockHolder(file, 60_000)
    const error = caught(() =>
      writeTransaction(db, () => {
        db.prepare("INSERT INTO settings (key, value) VALUES ('waiter', '1')").run()
      })
    )
    holder.release()
    await holder.exited
    expect(error.code).toBe('db_busy')
    expect(db.prepare('SELECT key FROM settings').pluck().all()).toEqual(['holder'])
    db.close()
  })

  it('lets a second connection read what the first committed', () => {
    const store = openStore()
    seedCustomer(store)
    const receipt = store.payments.registerPayment(paymentInput())
    const reader = new Sqlite(store.file, { readonly: true })
    expect(
      reader.prepare('SELECT receipt_no FROM payments WHERE id = ?').pluck().get(receipt.id)
    ).toBe(1)
    reader.close()
    store.db.close()
  })
})
