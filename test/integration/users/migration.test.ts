import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, userVersion } from '@main/store/db'
import { tempDir } from '@support/store-world'
import { removeTempDirs } from './fixtures'

afterEach(() => removeTempDirs())

const HASH = '$scrypt$ln=10,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$x'

describe('migration 002 (users)', () => {
  it('creates a users table that keeps only hashes and never loses a user', () => {
    const db = openDatabase(path.join(tempDir(), 'caja.db'))
    try {
      expect(userVersion(db)).toBeGreaterThanOrEqual(2)
      const insert = db.prepare(
        `INSERT INTO users (id, name, role, pin_hash, created_at, updated_at)
         VALUES (?, ?, ?, ?, 0, 0)`
      )
      insert.run('u1', 'Ana', 'cashier', HASH)
      expect(() => insert.run('u2', 'ANA', 'cashier', HASH)).toThrow(/UNIQUE/)
      expect(() => insert.run('u3', 'Beto', 'admin', HASH)).toThrow(/CHECK/)
      expect(() => insert.run('u4', 'Caro', 'cashier', '1234')).toThrow(/CHECK/)
      expect(() => insert.run('u5', ' Dani', 'cashier', HASH)).toThrow(/CHECK/)
      expect(() => db.prepare("DELETE FROM users WHERE id = 'u1'").run()).toThrow(/never deleted/)
      expect(() => db.prepare("UPDATE users SET id = 'x' WHERE id = 'u1'").run()).toThrow(
        /never changes/
      )
      expect(
        db.prepare('SELECT active, must_change_pin, failed_attempts FROM users').get()
      ).toEqual({
        active: 1,
        must_change_pin: 0,
        failed_attempts: 0
      })
    } finally {
      db.close()
    }
  })
})
