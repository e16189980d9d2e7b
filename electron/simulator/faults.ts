/**
 * Fault injection: how the outbox engine meets a slow, flaky, lossy or absent Tigo API.
 * Every random choice comes from a PRNG seeded with `faultSeed`, so a run repeats exactly.
 */
import { z } from 'zod'
import { createRandom, type Random } from './prng'

/**
 * How the API books and answers payments. `default`: the payment list, our own words echoed,
 * dates as YYYY-MM-DD. `conventions`: an API written without us — every registered payment booked
 * as `EFECTIVO` / `CAJA` whatever the request said, payment days as UTC timestamps, and the bill's
 * payments answered as ONE `Payment` object (the latest), as the seed types it.
 */
export const SIM_PROFILES = ['default', 'conventions'] as const
export type SimProfile = (typeof SIM_PROFILES)[number]

export function isSimProfile(value: string): value is SimProfile {
  return (SIM_PROFILES as readonly string[]).includes(value)
}

export interface Faults {
  /** Delay before processing: a client that gives up still sees the server commit later. */
  latencyMs: number
  /** 0..1: answer 500/502/503 (503 sometimes with Retry-After: 1) without processing. */
  serverErrorRate: number
  /** 0..1: read the request, then destroy the socket without processing. */
  dropBeforeProcessingRate: number
  /** 0..1: process and commit, then destroy the socket without answering. */
  dropAfterCommitRate: number
  /** 0..1: process and commit, then answer 503 (the client cannot tell it from a refusal). */
  errorAfterCommitRate: number
  /** 0..1: process and commit, then send `stallStatus` headers and a body that never ends. */
  stallAfterCommitRate: number
  /** The status of a stalled answer (default 503; 200 stalls a success). */
  stallStatus: number
  /** Closes the API listener (ECONNREFUSED); false re-listens on the same port. */
  refuseConnections: boolean
  /** register answers true for an already paid bill, and counts it again. */
  acceptDuplicates: boolean
  /** One-shot: every token issued so far expires now; reads back false. */
  expireTokens: boolean
  /** Regex on the request path; unset = every billing API path, never the token endpoint. */
  paths?: string
  profile: SimProfile
}

export const FaultsPatch = z
  .object({
    latencyMs: z.number().int().min(0).max(600_000),
    serverErrorRate: z.number().min(0).max(1),
    dropBeforeProcessingRate: z.number().min(0).max(1),
    dropAfterCommitRate: z.number().min(0).max(1),
    errorAfterCommitRate: z.number().min(0).max(1),
    stallAfterCommitRate: z.number().min(0).max(1),
    stallStatus: z.number().int().min(200).max(599),
    refuseConnections: z.boolean(),
    acceptDuplicates: z.boolean(),
    expireTokens: z.boolean(),
    profile: z.enum(SIM_PROFILES),
    paths: z
      .string()
      .nullable()
      .refine(
        (value) => value === null || isRegex(value),
        'paths must be a valid regular expression'
      )
  })
  .partial()
  .strict()
export type FaultsPatch = Partial<Omit<Faults, 'paths'>> & { paths?: string | null }

/** The network's own faults switched off; what the API itself does (duplicates, tokens) is apart. */
export const NO_NETWORK_FAULTS = Object.freeze({
  latencyMs: 0,
  serverErrorRate: 0,
  dropBeforeProcessingRate: 0,
  dropAfterCommitRate: 0,
  errorAfterCommitRate: 0,
  stallAfterCommitRate: 0,
  refuseConnections: false
}) satisfies FaultsPatch

export const NO_FAULTS: Faults = Object.freeze({
  ...NO_NETWORK_FAULTS,
  stallStatus: 503,
  acceptDuplicates: false,
  expireTokens: false,
  profile: 'default'
})

export const BILLING_PREFIX = '/v2/tigo/b2b/co/billing'

export interface FaultController {
  current(): Faults
  /** Validates and merges; throws on an invalid patch. Side effects go through the hooks. */
  set(patch: FaultsPatch): Faults
  appliesTo(path: string): boolean
  roll(rate: number): boolean
  /** The status of an injected server error, with Retry-After on some 503s. */
  serverError(): { status: 500 | 502 | 503; headers?: Record<string, string> }
  reset(): void
}

export interface FaultHooks {
  onRefuseConnections(refuse: boolean): void
  onExpireTokens(): void
}

/** `profile`: the one the simulator started with; `reset()` comes back to it. */
export function createFaults(
  seed: number,
  hooks: FaultHooks,
  profile: SimProfile = 'default'
): FaultController {
  let faults: Faults = { ...NO_FAULTS, profile }
  let random: Random = createRandom(seed)
  let pathFilter: RegExp | undefined

  return {
    current: () => ({ ...faults }),
    set(patch) {
      const parsed = FaultsPatch.parse(patch)
      const before = faults.refuseConnections
      const { paths, expireTokens, ...rest } = parsed
      faults = { ...faults, ...rest }
      if (paths !== undefined) {
        const next: Faults = { ...faults }
        delete next.paths
        if (paths !== null) next.paths = paths
        faults = next
        pathFilter = paths === null ? undefined : new RegExp(paths)
      }
      if (expireTokens) hooks.onExpireTokens()
      if (faults.refuseConnections !== before) hooks.onRefuseConnections(faults.refuseConnections)
      return { ...faults }
    },
    appliesTo(path) {
      if (pathFilter) return pathFilter.test(path)
      return path === BILLING_PREFIX || path.startsWith(`${BILLING_PREFIX}/`)
    },
    roll: (rate) => rate > 0 && random.next() < rate,
    serverError() {
      const status = random.pick([500, 502, 503] as const)
      if (status === 503 && random.chance(0.5)) return { status, headers: { 'Retry-After': '1' } }
      return { status }
    },
    reset() {
      const refused = faults.refuseConnections
      faults = { ...NO_FAULTS, profile }
      random = createRandom(seed)
      pathFilter = undefined
      if (refused) hooks.onRefuseConnections(false)
    }
  }
}

function isRegex(value: string): boolean {
  try {
    new RegExp(value)
    return true
  } catch {
    return false
  }
}
