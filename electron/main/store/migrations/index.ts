/**
 * The registry of schema steps, oldest first. To add one: create `NNN-name.ts` exporting
 * `{ version: NNN, name, up(db) }` and append it here. Versions must be 1, 2, 3… without gaps;
 * `migrate()` checks it. A shipped migration is never edited: fix forward with a new one.
 */
import type { Migration } from './migration'
import { initial } from './001-initial'
import { users } from './002-users'
import { shiftsBatch } from './003-shifts-batch'
import { outboxWaitingAmount } from './004-outbox-waiting-amount'
import { shiftRules } from './005-shift-rules'
import { paymentReference } from './006-payment-reference'
import { unverifiedBills } from './007-unverified-bills'

export type { Migration } from './migration'

export const MIGRATIONS: readonly Migration[] = [
  initial,
  users,
  shiftsBatch,
  outboxWaitingAmount,
  shiftRules,
  paymentReference,
  unverifiedBills
]
