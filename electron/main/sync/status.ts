/**
 * The sync status the status bar shows: what waits, what needs a human, whether Tigo answers.
 */
import type { SyncStatus } from '@shared/ipc/views'
import { emptyStateTotals } from '@shared/ipc/views'
import type { OutboxSummary } from '@main/store/types'
import { OUTBOX_STATES } from '@main/store/types'

export type { SyncStatus }

/** What the terminal adds to the status; the engine does not know who is signed in. */
export interface TerminalFacts {
  usesSimulator: boolean
  terminalId: string
  cashierName?: string
}

export interface StatusInput {
  summary: OutboxSummary
  online: boolean
  checkedAt: number | null
  lastSyncAt: number | null
  nextAttemptAt: number | null
  draining: boolean
  terminal: TerminalFacts
  now: number
}

function iso(ms: number): string {
  return new Date(ms).toISOString()
}

export function buildSyncStatus(input: StatusInput): SyncStatus {
  const counts = emptyStateTotals()
  const sums = emptyStateTotals()
  for (const state of OUTBOX_STATES) {
    counts[state] = input.summary.states[state].count
    sums[state] = input.summary.states[state].amount
  }
  const flaggedCount = input.summary.flaggedPayments
  const status: SyncStatus = {
    online: input.online,
    checkedAt: iso(input.checkedAt ?? input.now),
    counts,
    sums,
    pendingCount: input.summary.waiting.count,
    pendingSum: input.summary.waiting.amount,
    problemCount: counts.uncertain + counts.rejected + flaggedCount,
    flaggedCount,
    draining: input.draining,
    usesSimulator: input.terminal.usesSimulator,
    terminalId: input.terminal.terminalId
  }
  if (input.lastSyncAt !== null) status.lastSyncAt = iso(input.lastSyncAt)
  if (input.nextAttemptAt !== null) status.nextAttemptAt = iso(input.nextAttemptAt)
  if (input.terminal.cashierName !== undefined) status.cashierName = input.terminal.cashierName
  return status
}
