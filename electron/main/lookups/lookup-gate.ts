/**
 * Whether a lookup should ask Tigo live. When Tigo is known to be away (the last call got no
 * answer), asking again would make the cashier wait out the client's timeout for nothing: the
 * lookup answers from the cache at once instead. A quick probe comes first, bounded by a short
 * grace, so a Tigo that is back (a refused port answers at once) is used live again right away.
 */
import { AppError } from '@shared/errors'
import { CREDENTIALS_MISSING, isTigoError, toAppError } from '@main/tigo/errors'
import type { AppContext } from '@main/app/context'

/** How long a lookup waits for the probe while Tigo is known to be away. */
export const PROBE_GRACE_MS = 300

export async function worthAsking(ctx: Pick<AppContext, 'isOnline' | 'checkReachable'>) {
  if (ctx.isOnline()) return true
  let timer: NodeJS.Timeout | undefined
  const grace = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_GRACE_MS)
  })
  try {
    return await Promise.race([ctx.checkReachable().catch(() => false), grace])
  } finally {
    clearTimeout(timer)
  }
}

/** What a lookup that could not reach Tigo (or got no answer) is translated to. */
export const UNREACHABLE_LOOKUP_CODES: ReadonlySet<string> = new Set([
  'api_unreachable',
  'lookup_no_answer',
  'lookup_offline'
])

/** Tigo away and nothing cached for this lookup: said as a lookup, not as a request not sent. */
export function offlineLookupError(): AppError {
  return new AppError('lookup_offline', {}, 'Sin conexión y sin datos guardados')
}

/** A failed lookup with nothing cached, for the cashier. */
export function lookupFailure(error: unknown): AppError {
  const unreachable =
    isTigoError(error) &&
    error.kind === 'not-sent' &&
    error.status === undefined &&
    error.apiCode !== CREDENTIALS_MISSING
  return unreachable ? offlineLookupError() : toAppError(error)
}
