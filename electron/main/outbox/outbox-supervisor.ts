/**
 * The way out for an item the engine cannot decide: after several reconciles that could not tell
 * whether the bill is paid, the item is flagged ("needs supervisor"); a bill the engine rejected
 * as paid by someone else may turn out to be ours. A supervisor then decides by hand, with a
 * note, and the decision is audited with their name:
 * - `registered`: the money reached Tigo (the note holds the evidence);
 * - `resend`: only for a flagged uncertain item whose bill Tigo reports unpaid right now (the
 *   caller checks that live; this module trusts its `billUnpaid`).
 */
import { AppError } from '@shared/errors'
import { insertAuditRow } from '@main/audit/audit-log'
import type { Database } from '@main/store/db'
import { writeTransaction } from '@main/store/db'
import { flagForSupervisor, idList, type OutboxSql } from './outbox-sql'
import type { AttemptNote, Clock, OutboxItem, OutboxState } from '@main/store/types'

export const NEEDS_SUPERVISOR_OUTCOME = 'needs_supervisor'
export const PAID_ELSEWHERE_CODE = 'bill_paid_elsewhere'

export type SupervisorDecision = 'registered' | 'resend'

export interface SupervisorDecisionInput {
  itemId: number
  decision: SupervisorDecision
  supervisor: { id: string; name: string }
  note: string
  /** For `resend`: Tigo reported the bill unpaid when the supervisor asked. */
  billUnpaid?: boolean
}

type Transition = (
  ids: readonly number[],
  to: OutboxState,
  outcome: string,
  note: AttemptNote | undefined,
  set?: string,
  values?: readonly (string | number | null)[],
  actor?: 'engine' | 'supervisor'
) => OutboxItem[]

export interface OutboxSupervisor {
  /** Flags uncertain items no reconcile could decide; returns those newly flagged. Audited. */
  flagForSupervisor(ids: readonly number[], note: string): number[]
  /** True when the item was flagged and is still uncertain. */
  needsSupervisor(itemId: number): boolean
  /** Which decisions the item allows now (empty when none). */
  decisionsFor(item: OutboxItem): SupervisorDecision[]
  decide(input: SupervisorDecisionInput): OutboxItem
}

export function createOutboxSupervisor(deps: {
  db: Database
  sql: OutboxSql
  clock: Clock
  transition: Transition
  items(ids: readonly number[]): OutboxItem[]
}): OutboxSupervisor {
  const { db, sql, clock, transition } = deps
  const flaggedStmt = sql.cached(
    `SELECT COUNT(*) AS n FROM outbox_attempts WHERE item_id = ? AND outcome = ?`
  )

  function wasFlagged(itemId: number): boolean {
    return (flaggedStmt.get(itemId, NEEDS_SUPERVISOR_OUTCOME) as { n: number }).n > 0
  }

  function decisionsFor(item: OutboxItem): SupervisorDecision[] {
    if (item.state === 'uncertain' && wasFlagged(item.id)) return ['registered', 'resend']
    if (item.state === 'rejected' && item.rejectedReason?.startsWith(PAID_ELSEWHERE_CODE)) {
      return ['registered']
    }
    return []
  }

  return {
    flagForSupervisor(ids, note) {
      if (ids.length === 0) return []
      const now = clock()
      return writeTransaction(db, () => {
        const fresh = deps
          .items(ids)
          .filter((item) => item.state === 'uncertain' && !wasFlagged(item.id))
        if (fresh.length === 0) return []
        const list = idList(fresh.map((item) => item.id))
        sql.insertAttempts.run(now, 'uncertain', NEEDS_SUPERVISOR_OUTCOME, null, note, list)
        flagForSupervisor(db, sql, now, 'outbox.needs_supervisor', note, fresh)
        return fresh.map((item) => item.id)
      })
    },

    needsSupervisor(itemId) {
      const [item] = deps.items([itemId])
      return item !== undefined && item.state === 'uncertain' && wasFlagged(itemId)
    },

    decisionsFor,

    decide(input) {
      const note = input.note.trim()
      if (note === '') throw new AppError('supervisor_note_required', {})
      const now = clock()
      return writeTransaction(db, () => {
        const [item] = deps.items([input.itemId])
        if (!item) throw new AppError('outbox_item_unknown', { itemId: input.itemId })
        if (!decisionsFor(item).includes(input.decision)) {
          throw new AppError('outbox_decision_not_allowed', {
            itemId: item.id,
            state: item.state,
            decision: input.decision
          })
        }
        const detail = `${input.decision} by supervisor ${input.supervisor.name}: ${note}`
        if (input.decision === 'registered') {
          transition(
            [item.id],
            'registered',
            'supervisor_registered',
            detail,
            'registered_at = ?, last_error = NULL, rejected_reason = NULL',
            [now],
            'supervisor'
          )
        } else {
          if (input.billUnpaid !== true) {
            throw new AppError('outbox_resend_unverified', { itemId: item.id })
          }
          transition(
            [item.id],
            'queued',
            'supervisor_resend',
            detail,
            'next_attempt_at = ?, last_error = NULL',
            [now],
            'supervisor'
          )
        }
        insertAuditRow(db, now, input.supervisor.id, 'outbox.supervisor_decision', {
          supervisor: input.supervisor,
          decision: input.decision,
          note,
          item: { id: item.id, paymentId: item.paymentId, billNo: item.billNo, from: item.state }
        })
        const [after] = deps.items([item.id])
        if (!after) throw new AppError('outbox_item_unknown', { itemId: item.id })
        return after
      })
    }
  }
}
