import type { Migration } from './migration'

/**
 * A card, cheque or transfer payment keeps its own reference (datáfono approval code and last
 * four digits, bank and cheque number, bank and transfer reference) as JSON text: printed on the
 * receipt, listed at closing and sent to Tigo in `paymentData`. NULL for cash and for payments
 * taken before this step. Like the amounts, it never changes once written.
 */
export const paymentReference: Migration = {
  version: 6,
  name: 'payment-reference',
  up(db) {
    db.exec(`
      ALTER TABLE payments ADD COLUMN method_reference TEXT
        CHECK (method_reference IS NULL OR json_valid(method_reference));
      CREATE TRIGGER payments_fixed_reference
      BEFORE UPDATE OF method_reference ON payments
      WHEN OLD.method_reference IS NOT NEW.method_reference
      BEGIN SELECT RAISE(ABORT, 'a payment reference never changes'); END;
    `)
  }
}
