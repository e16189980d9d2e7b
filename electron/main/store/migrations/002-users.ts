import type { Migration } from './migration'

/**
 * Local users of the till. The PIN is stored only as a scrypt hash with its parameters. Users are
 * disabled, never deleted: payments and the audit log keep naming them.
 */
export const users: Migration = {
  version: 2,
  name: 'users',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE
          CHECK (length(name) BETWEEN 1 AND 60 AND name = trim(name)),
        role TEXT NOT NULL CHECK (role IN ('cashier', 'supervisor')),
        pin_hash TEXT NOT NULL CHECK (pin_hash LIKE '$scrypt$%'),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        must_change_pin INTEGER NOT NULL DEFAULT 0 CHECK (must_change_pin IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        locked_until INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER users_no_delete BEFORE DELETE ON users
      BEGIN SELECT RAISE(ABORT, 'users are disabled, never deleted'); END;
      CREATE TRIGGER users_fixed_identity BEFORE UPDATE OF id, created_at ON users
      BEGIN SELECT RAISE(ABORT, 'a user''s id never changes'); END;
    `)
  }
}
