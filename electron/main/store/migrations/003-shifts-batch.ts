import type { Migration } from './migration'

/**
 * Cash closing ("cierre de caja") and offline batch imports.
 *
 * Written so it does not depend on migration 002 (users): cashiers are stored by id and name, as
 * on payments. Every statement is idempotent (IF NOT EXISTS, column check) so the step can be
 * re-slotted behind 002 without harm.
 *
 * A payment is linked to the open shift of its terminal by a trigger in the payment's own
 * transaction, so the payment service needs no hook and a payment cannot miss its shift. Batch
 * payments are not linked: that money never passed through this drawer.
 */
export const shiftsBatch: Migration = {
  version: 3,
  name: 'shifts-batch',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS shifts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        terminal_id TEXT NOT NULL,
        cashier_id TEXT NOT NULL,
        cashier_name TEXT NOT NULL,
        opened_at INTEGER NOT NULL,
        opening_float INTEGER NOT NULL CHECK (opening_float >= 0),
        closed_at INTEGER,
        closed_by TEXT,
        counted TEXT,
        notes TEXT,
        report TEXT,
        CHECK ((closed_at IS NULL) = (counted IS NULL))
      ) STRICT;
      CREATE UNIQUE INDEX IF NOT EXISTS shifts_one_open_per_terminal ON shifts (terminal_id)
        WHERE closed_at IS NULL;
      CREATE INDEX IF NOT EXISTS shifts_terminal_opened ON shifts (terminal_id, opened_at);
      CREATE TRIGGER IF NOT EXISTS shifts_no_delete BEFORE DELETE ON shifts
      BEGIN SELECT RAISE(ABORT, 'shifts are never deleted'); END;
      CREATE TRIGGER IF NOT EXISTS shifts_closed_is_final BEFORE UPDATE ON shifts
      WHEN OLD.closed_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'a closed shift never changes'); END;

      CREATE TABLE IF NOT EXISTS cash_movements (
        id INTEGER PRIMARY KEY,
        shift_id INTEGER NOT NULL REFERENCES shifts (id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        reason TEXT NOT NULL,
        actor TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS cash_movements_shift ON cash_movements (shift_id, id);
      CREATE TRIGGER IF NOT EXISTS cash_movements_no_update BEFORE UPDATE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash movements never change'); END;
      CREATE TRIGGER IF NOT EXISTS cash_movements_no_delete BEFORE DELETE ON cash_movements
      BEGIN SELECT RAISE(ABORT, 'cash movements are never deleted'); END;

      CREATE TABLE IF NOT EXISTS batch_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        terminal_id TEXT NOT NULL,
        file_name TEXT,
        file_hash TEXT NOT NULL,
        total_rows INTEGER NOT NULL,
        accepted INTEGER NOT NULL,
        rejected INTEGER NOT NULL,
        accepted_amount INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE IF NOT EXISTS batch_rows (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES batch_imports (id),
        line INTEGER NOT NULL,
        row_hash TEXT NOT NULL,
        bill_no TEXT,
        amount INTEGER,
        payment_id TEXT REFERENCES payments (id),
        reason TEXT,
        reason_text TEXT,
        raw TEXT NOT NULL,
        CHECK ((payment_id IS NULL) <> (reason IS NULL))
      ) STRICT;
      CREATE INDEX IF NOT EXISTS batch_rows_batch ON batch_rows (batch_id, line);
      -- The same row content is turned into a payment at most once, whatever file carries it.
      CREATE UNIQUE INDEX IF NOT EXISTS batch_rows_imported_once ON batch_rows (row_hash)
        WHERE payment_id IS NOT NULL;
    `)

    const columns = db.prepare('PRAGMA table_info(payments)').all() as { name: string }[]
    if (!columns.some((column) => column.name === 'shift_id')) {
      db.exec('ALTER TABLE payments ADD COLUMN shift_id INTEGER REFERENCES shifts (id)')
    }
    db.exec(`
      CREATE INDEX IF NOT EXISTS payments_shift ON payments (shift_id);
      CREATE TRIGGER IF NOT EXISTS payments_join_open_shift AFTER INSERT ON payments
      WHEN NEW.source = 'counter' AND NEW.shift_id IS NULL
      BEGIN
        UPDATE payments SET shift_id = (
          SELECT id FROM shifts WHERE terminal_id = NEW.terminal_id AND closed_at IS NULL
        ) WHERE id = NEW.id;
      END;
    `)
  }
}
