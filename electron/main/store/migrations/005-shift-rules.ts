import type { Migration } from './migration'

/**
 * The till's money rules (issue 14).
 *
 * - `batch_imports.shift_id`: the shift open at this terminal when an import was confirmed (NULL
 *   when none was). Its payments still never join the drawer (`payments.shift_id` stays NULL for
 *   batch payments): they are reported apart, per method, in the shift's closing.
 * - `shifts.cash_count`, `difference_reason`, `approved_by`: the blind count by denomination, the
 *   cashier's written reason for a difference and the supervisor who approved one above the
 *   threshold. The stored report carries them too; the columns let them be queried.
 */
export const shiftRules: Migration = {
  version: 5,
  name: 'shift-rules',
  up(db) {
    const has = (table: string, column: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).some(
        (row) => row.name === column
      )
    if (!has('batch_imports', 'shift_id')) {
      db.exec('ALTER TABLE batch_imports ADD COLUMN shift_id INTEGER REFERENCES shifts (id)')
    }
    db.exec('CREATE INDEX IF NOT EXISTS batch_imports_shift ON batch_imports (shift_id)')
    if (!has('shifts', 'cash_count')) db.exec('ALTER TABLE shifts ADD COLUMN cash_count TEXT')
    if (!has('shifts', 'difference_reason')) {
      db.exec('ALTER TABLE shifts ADD COLUMN difference_reason TEXT')
    }
    if (!has('shifts', 'approved_by')) db.exec('ALTER TABLE shifts ADD COLUMN approved_by TEXT')
  }
}
