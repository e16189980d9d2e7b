/**
 * When to try again after a request that never reached Tigo.
 *
 * Exponential backoff with FULL jitter: the delay is drawn uniformly from
 * [0, min(cap, base · 2^attempt)]. Full jitter (rather than "exponential ± a little") spreads
 * terminals that lost the network at the same moment, so they do not all come back at once.
 */

export interface BackoffPolicy {
  baseMs: number
  capMs: number
}

/** A server's Retry-After longer than this is treated as this (a broken header must not stall a till). */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000

/** The jitter ceiling for the given attempt (1 = the first resend). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  const base = Math.max(0, policy.baseMs)
  const cap = Math.max(base, policy.capMs)
  // 2^40 ms is already beyond any sane cap; this keeps the power finite.
  const exponent = Math.min(Math.max(0, attempt), 40)
  return Math.min(cap, base * 2 ** exponent)
}

/** A delay in [0, ceiling], or at least what the server asked for with Retry-After. */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number,
  retryAfterMs?: number
): number {
  const r = Math.min(Math.max(random(), 0), 1)
  const jittered = Math.floor(r * backoffCeiling(attempt, policy))
  if (retryAfterMs === undefined) return jittered
  return Math.max(jittered, Math.min(Math.ceil(retryAfterMs), MAX_RETRY_AFTER_MS))
}
