import type { Migration } from './migration'

/**
 * Every payment checks the pending-total cap: the pesos still waiting in the outbox. An index on
 * (state, amount) answers that sum from the index alone, over the waiting items only, so taking a
 * payment does not slow down as registered items pile up. It also serves the per-state summary.
 */
export const outboxWaitingAmount: Migration = {
  version: 4,
  name: 'outbox-waiting-amount',
  up(db) {
    db.exec('CREATE INDEX IF NOT EXISTS outbox_items_state_amount ON outbox_items (state, amount)')
  }
}
