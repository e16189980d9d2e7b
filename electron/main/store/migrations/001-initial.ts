import type { Migration } from './migration'

/**
 * The first schema. Tables are STRICT so a peso amount can never be stored as text or a float.
 * Times: `payments.created_at` / `supervisor_flagged_at` are ISO 8601 text (printed on receipts);
 * every other time is epoch milliseconds.
 */
export const initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE payments (
        id TEXT PRIMARY KEY,
        receipt_no INTEGER NOT NULL CHECK (receipt_no > 0),
        terminal_id TEXT NOT NULL,
        cashier_id TEXT NOT NULL,
        cashier_name TEXT NOT NULL,
        id_type TEXT NOT NULL,
        identification TEXT NOT NULL,
        customer_name TEXT,
        method TEXT NOT NULL
          CHECK (method IN ('cash', 'debit_card', 'credit_card', 'check', 'transfer')),
        total INTEGER NOT NULL CHECK (total > 0),
        tendered INTEGER CHECK (tendered IS NULL OR tendered >= 0),
        change_due INTEGER CHECK (change_due IS NULL OR change_due >= 0),
        client_info TEXT,
        source TEXT NOT NULL DEFAULT 'counter' CHECK (source IN ('counter', 'batch')),
        external_ref TEXT,
        approved_by TEXT,
        created_at TEXT NOT NULL,
        supervisor_flagged_at TEXT,
        UNIQUE (terminal_id, receipt_no)
      ) STRICT;
      CREATE INDEX payments_created_at ON payments (created_at);

      -- A payment is money the cashier holds: it is never deleted and its amounts never change.
      CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
      BEGIN SELECT RAISE(ABORT, 'payments are never deleted'); END;
      CREATE TRIGGER payments_fixed_amounts
      BEFORE UPDATE OF id, receipt_no, terminal_id, method, total, tendered, change_due, created_at
      ON payments
      BEGIN SELECT RAISE(ABORT, 'a payment''s identity and amounts never change'); END;

      CREATE TABLE receipt_sequences (
        terminal_id TEXT PRIMARY KEY,
        last_no INTEGER NOT NULL CHECK (last_no > 0)
      ) STRICT;

      CREATE TABLE outbox_items (
        id INTEGER PRIMARY KEY,
        payment_id TEXT NOT NULL REFERENCES payments (id),
        bill_no TEXT NOT NULL,
        contract_id TEXT NOT NULL,
        reference TEXT,
        amount INTEGER NOT NULL CHECK (amount > 0),
        due_date TEXT,
        state TEXT NOT NULL DEFAULT 'queued'
          CHECK (state IN ('queued', 'sending', 'registered', 'rejected', 'uncertain')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        next_attempt_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        registered_at INTEGER,
        rejected_reason TEXT
      ) STRICT;
      -- A bill can be waiting or registered only once, whoever writes the row.
      CREATE UNIQUE INDEX outbox_items_bill_once ON outbox_items (bill_no)
        WHERE state <> 'rejected';
      CREATE INDEX outbox_items_due ON outbox_items (state, next_attempt_at);
      CREATE INDEX outbox_items_payment ON outbox_items (payment_id);

      CREATE TRIGGER outbox_items_no_delete BEFORE DELETE ON outbox_items
      BEGIN SELECT RAISE(ABORT, 'outbox items are never deleted'); END;
      CREATE TRIGGER outbox_items_fixed_bill
      BEFORE UPDATE OF id, payment_id, bill_no, contract_id, amount ON outbox_items
      BEGIN SELECT RAISE(ABORT, 'an outbox item''s bill and amount never change'); END;

      -- One row per transition or reconcile. Never a token or a secret.
      CREATE TABLE outbox_attempts (
        id INTEGER PRIMARY KEY,
        item_id INTEGER NOT NULL REFERENCES outbox_items (id),
        at INTEGER NOT NULL,
        from_state TEXT,
        to_state TEXT NOT NULL,
        outcome TEXT NOT NULL,
        http_status INTEGER,
        detail TEXT
      ) STRICT;
      CREATE INDEX outbox_attempts_item ON outbox_attempts (item_id, id);

      CREATE TABLE lookup_cache (
        kind TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        PRIMARY KEY (kind, key)
      ) STRICT;

      CREATE TABLE cached_bills (
        bill_no TEXT PRIMARY KEY,
        contract_id TEXT NOT NULL,
        id_type TEXT NOT NULL,
        identification TEXT NOT NULL,
        reference TEXT,
        amount INTEGER NOT NULL CHECK (amount >= 0),
        paid INTEGER NOT NULL CHECK (paid IN (0, 1)),
        due_date TEXT,
        bill TEXT NOT NULL,
        fetched_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX cached_bills_reference ON cached_bills (reference);
      CREATE INDEX cached_bills_contract ON cached_bills (contract_id);

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        details TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
    `)
  }
}
