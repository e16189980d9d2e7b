/**
 * The batch import's live lookups, through the same client and lookup cache as the counter's
 * (`lookups/handlers.ts`): a customer found owns its contracts in the cache as after a search, and a
 * contract's bills are cached as after opening it, so the checks that follow find them.
 */
import { isAppError } from '@shared/errors'
import type { LookupContext } from '@main/lookups/handlers'
import { checkOwnerWithTigo, fetchBills, isOfflineError } from '@main/lookups/handlers'
import { UNREACHABLE_LOOKUP_CODES } from '@main/lookups/lookup-gate'
import { knownOwner } from '@main/lookups/owners'
import { isNotFoundAtTigo } from '@main/tigo/errors'
import type { BatchLookups, LookupOutcome } from './live-lookup'

/** Translated codes that mean Tigo could not be reached (or would not answer now). */
const OFFLINE_CODES: ReadonlySet<string> = new Set([...UNREACHABLE_LOOKUP_CODES, 'api_busy'])

function outcomeOf(error: unknown): LookupOutcome {
  if (isOfflineError(error) || (isAppError(error) && OFFLINE_CODES.has(error.code))) {
    return 'offline'
  }
  if (isNotFoundAtTigo(error)) return 'not_found'
  return 'failed'
}

export function createTigoLookups(ctx: LookupContext): BatchLookups {
  return {
    isOnline: () => ctx.isOnline(),
    ownerOf: (contractId) => knownOwner(ctx.cache, contractId),
    async customer(owner, contractId) {
      try {
        const check = await checkOwnerWithTigo(ctx, contractId, owner)
        return check === 'owns' ? 'found' : check
      } catch (error) {
        return outcomeOf(error)
      }
    },
    async bills(contractId) {
      try {
        const fetched = await fetchBills(ctx, contractId)
        // Tigo away and an older answer served from the cache: nothing new was learnt.
        return fetched.source === 'live' ? 'found' : 'offline'
      } catch (error) {
        return outcomeOf(error)
      }
    }
  }
}
