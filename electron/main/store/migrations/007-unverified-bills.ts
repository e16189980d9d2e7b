import type { Migration } from './migration'

/**
 * Offline, a scanned bill that was never looked up can still be paid: its barcode gives the
 * reference, amount and due date, the cashier types the customer. Such an item is `unverified`
 * and keeps the reference where the bill number goes (Tigo's number is not known yet), so the
 * one-waiting-item-per-bill index already stops the same barcode being taken twice.
 *
 * Before it is sent, the sync engine looks the bill up; when it belongs to that customer for that
 * amount the item takes Tigo's bill number and stops being unverified, once: that is the only
 * change of a bill number the trigger allows. The index then stops a second item of the real bill.
 */
export const unverifiedBills: Migration = {
  version: 7,
  name: 'unverified-bills',
  up(db) {
    db.exec(`
      ALTER TABLE outbox_items ADD COLUMN unverified INTEGER NOT NULL DEFAULT 0
        CHECK (unverified IN (0, 1));
      DROP TRIGGER outbox_items_fixed_bill;
      CREATE TRIGGER outbox_items_fixed_bill
      BEFORE UPDATE OF id, payment_id, bill_no, contract_id, amount ON outbox_items
      WHEN NOT (OLD.unverified = 1 AND NEW.unverified = 0 AND NEW.id = OLD.id
        AND NEW.payment_id = OLD.payment_id AND NEW.contract_id = OLD.contract_id
        AND NEW.amount = OLD.amount)
      BEGIN SELECT RAISE(ABORT, 'an outbox item''s bill and amount never change'); END;
      CREATE TRIGGER outbox_items_verified_once
      BEFORE UPDATE OF unverified ON outbox_items
      WHEN NEW.unverified > OLD.unverified
      BEGIN SELECT RAISE(ABORT, 'a verified outbox item stays verified'); END;
    `)
  }
}
