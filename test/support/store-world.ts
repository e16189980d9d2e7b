/**
 * The store world of the integration tests (store, users, batch, print, shifts, sync): real
 * SQLite files in temp dirs and the store services built on them with a test clock. Free of
 * vitest, so a child process (test/integration/store/crash-after-payment.ts) can use it too.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { BillList } from '@shared/api/models'
import type { Database } from '@main/store/db'
import { openDatabase } from '@main/store/db'
import { openStoreServices, type StoreServices } from '@scripts/lib/store-services'
import { makeTempDir, removeDir } from '@scripts/lib/temp-dir'
import type { PaymentCaps, RegisterPaymentInput } from '@main/store/types'

export const T0 = Date.parse('2025-03-01T13:00:00.000Z')

const dirs: string[] = []

export function tempDir(): string {
  const dir = makeTempDir('caja-store-')
  dirs.push(dir)
  return dir
}

/** For afterEach: removes every temp dir made so far (read-only ones are made writable first). */
export function removeTempDirs(): void {
  for (const dir of dirs.splice(0)) {
    makeWritable(dir)
    removeDir(dir)
  }
}

const isRoot = process.getuid?.() === 0

/**
 * Root ignores permission bits, so for root the directory is made immutable instead. Either way
 * the function proves the directory really refuses a new file before a test relies on it.
 */
export function makeReadOnly(dir: string): void {
  if (isRoot) execFileSync('chattr', ['+i', dir])
  else fs.chmodSync(dir, 0o555)
  let writable = true
  try {
    fs.writeFileSync(path.join(dir, 'probe'), '')
  } catch {
    writable = false
  }
  if (writable) throw new Error(`could not make ${dir} read-only for this test`)
}

export function makeWritable(dir: string): void {
  try {
    if (isRoot) execFileSync('chattr', ['-i', dir], { stdio: 'ignore' })
    fs.chmodSync(dir, 0o755)
  } catch {
    // Not read-only, or already gone.
  }
}

export const CAPS: PaymentCaps = {
  maxPaymentAmount: 500_000,
  maxPendingTotal: 2_000_000,
  maxPendingAgeHours: 24
}

export interface TestStore extends StoreServices {
  file: string
  db: Database
  now: { value: number }
  online: { value: boolean }
  caps: PaymentCaps
}

export function openStore(file = path.join(tempDir(), 'caja.db')): TestStore {
  const db = openDatabase(file)
  const now = { value: T0 }
  const online = { value: true }
  const caps = { ...CAPS }
  const services = openStoreServices({
    db,
    clock: () => now.value,
    caps: () => caps,
    isOnline: () => online.value
  })
  return { file, db, now, online, caps, ...services }
}

export function bill(billNo: string, amount: string, extra: Partial<BillList> = {}): BillList {
  return {
    billNo,
    billAmount: amount,
    billStatus: false,
    referencePayment: `REF-${billNo}`,
    paymentDueDate: '2025-03-15',
    ...extra
  }
}

/** Customer CC 1020304050 with contract 7001 (bills B1 120000, B2 80000, B3 300000). */
export const CUSTOMER = { idType: 'CC', identification: '1020304050' }

/** The seeded customer's B1 and B2 (200 000 pesos), one payment's bills. */
export const B1_AND_B2 = [
  { billNo: 'B1', contractId: '7001', amount: 120_000 },
  { billNo: 'B2', contractId: '7001', amount: 80_000 }
]

export function seedCustomer(store: TestStore): void {
  store.cache.putBills('7001', CUSTOMER.idType, CUSTOMER.identification, [
    bill('B1', '120000.00'),
    bill('B2', '80000'),
    bill('B3', '300000'),
    bill('B4', '700000'),
    bill('PAID', '50000', { billStatus: true })
  ])
  store.cache.putBills('8001', 'NIT', '900123456', [bill('N1', '90000')])
}

/** A fresh store holding the seeded customers' bills (`seedCustomer`). */
export function openSeededStore(): TestStore {
  const store = openStore()
  seedCustomer(store)
  return store
}

export function paymentInput(overrides: Partial<RegisterPaymentInput> = {}): RegisterPaymentInput {
  return {
    terminalId: 'T1',
    cashier: { id: 'c1', name: 'Ana Cajera' },
    ...CUSTOMER,
    customerName: 'Pedro Pérez',
    bills: [{ billNo: 'B1', contractId: '7001', amount: 120_000 }],
    method: 'cash',
    tendered: 150_000,
    ...overrides
  }
}

export function count(db: Database, table: string): number {
  return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n
}
