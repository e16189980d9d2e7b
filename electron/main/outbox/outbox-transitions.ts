/**
 * The outbox state machine as data, and what a transition may write in outbox_attempts.
 * Kept apart from the SQL so the table reads on its own.
 */
import type { AttemptNote, OutboxState } from '@main/store/types'

export type TransitionActor = 'engine' | 'supervisor'

type TransitionTable = Readonly<Record<OutboxState, readonly OutboxState[]>>

/**
 * Moves the sync engine may make. `uncertain` leaves only through a reconcile's verdict, never
 * back to `sending` directly; `registered` is final.
 */
export const OUTBOX_TRANSITIONS: TransitionTable = {
  queued: ['sending'],
  sending: ['registered', 'rejected', 'uncertain', 'queued'],
  uncertain: ['registered', 'queued', 'rejected'],
  rejected: [],
  registered: []
}

/**
 * Moves only a supervisor may make: a rejected bill is given another go (outbox `retry`); an
 * item no reconcile could decide, or one rejected as paid elsewhere, is decided by hand
 * (`outbox-supervisor.ts`: registered with evidence, or resent once Tigo says unpaid).
 */
export const SUPERVISOR_TRANSITIONS: TransitionTable = {
  queued: [],
  sending: [],
  uncertain: ['registered', 'queued'],
  rejected: ['queued', 'registered'],
  registered: []
}

export function canTransition(
  from: OutboxState,
  to: OutboxState,
  actor: TransitionActor = 'engine'
): boolean {
  const table = actor === 'supervisor' ? SUPERVISOR_TRANSITIONS : OUTBOX_TRANSITIONS
  return table[from].includes(to)
}

const MAX_DETAIL_LENGTH = 500

/** Defence in depth: an error text that quotes a header or a token body loses the secret. */
export function sanitizeDetail(text: string): string {
  return text
    .replace(/(bearer|basic)\s+[A-Za-z0-9._~+/=-]+/gi, '$1 [redacted]')
    .replace(
      /(access_token|refresh_token|client_secret|authorization|password|token)(["']?\s*[:=]\s*["']?)[^"'&\s,;}]+/gi,
      '$1$2[redacted]'
    )
    .slice(0, MAX_DETAIL_LENGTH)
}

export function noteParts(note: AttemptNote | undefined): {
  detail: string | null
  httpStatus: number | null
} {
  if (note === undefined) return { detail: null, httpStatus: null }
  if (typeof note === 'string') return { detail: sanitizeDetail(note), httpStatus: null }
  return { detail: sanitizeDetail(note.detail), httpStatus: note.httpStatus ?? null }
}
