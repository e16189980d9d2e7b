/**
 * Whether Tigo answers, as the till sees it when it applies the offline caps. Every call through
 * the client is evidence, whoever makes it (the lookups, the sync engine's sends, the probes): an
 * HTTP answer proves Tigo is there, a call that got none says it is not. The sync engine learns
 * only from its own sends, so on its own it would still believe Tigo is there right after a bill
 * fetch was refused, and the payment that follows would escape the offline cap.
 */
import type { Connectivity } from './connectivity'
import { createConnectivity } from './connectivity'
import type { TigoClient } from '@main/tigo/client'
import { isTigoError } from '@main/tigo/errors'

export interface ReachabilityOptions {
  client: TigoClient
  clock: () => number
  /** The wait between probes while Tigo is away. */
  probeIntervalMs: () => number
  /** False while another part (the sync engine) probes anyway: its probes count here too. */
  shouldProbe?: () => boolean
  /** Called on every change of `isOnline()`, not after `stop()`. */
  onChange?: (online: boolean) => void
  /** Called on every change of `isDegraded()`, not after `stop()`. */
  onDegradedChange?: (degraded: boolean) => void
  /**
   * A call still unanswered after this long makes Tigo `degraded` at once, whatever the client
   * timeout (which a supervisor may set to 60 s or more). Default 10 s.
   */
  hangMs?: number
}

/** Default wait before a call that has not answered counts as a sign of trouble. */
export const DEFAULT_HANG_MS = 10_000

export interface Reachability extends Pick<Connectivity, 'isOnline' | 'checkedAt' | 'check'> {
  /**
   * Tigo answers, but badly: the last call got a 5xx, an answer cut short or unreadable, or a
   * call has hung longer than `hangMs`. Cleared by the next call that succeeds.
   */
  isDegraded(): boolean
  /** The client to hand out instead of the one passed in: the same calls, each one observed. */
  readonly client: TigoClient
  /** Ends the probe timer and the change reports (before the API closes at quit). */
  stop(): void
}

/** What a failed call says about reachability, as the sync engine reads its own failures. */
export function failureEvidence(error: unknown): 'reachable' | 'unreachable' | 'none' {
  if (!isTigoError(error)) return 'none'
  if (error.status !== undefined) return 'reachable'
  return error.kind === 'not-sent' || error.kind === 'uncertain' ? 'unreachable' : 'reachable'
}

/** A failure that came with an HTTP answer, yet says Tigo is not working properly. */
export function isTrouble(error: unknown): boolean {
  if (!isTigoError(error)) return false
  if (error.kind === 'invalid-response') return true
  return error.kind === 'uncertain' && error.status !== undefined
}

export function createReachability(options: ReachabilityOptions): Reachability {
  const { client } = options
  const shouldProbe = options.shouldProbe ?? (() => true)
  const hangMs = options.hangMs ?? DEFAULT_HANG_MS
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let degraded = false

  function setDegraded(next: boolean): void {
    if (next === degraded) return
    degraded = next
    if (!stopped) options.onDegradedChange?.(next)
  }

  const connectivity = createConnectivity({
    probe: () => client.probe(),
    clock: options.clock,
    onChange(online) {
      scheduleProbe()
      if (!stopped) options.onChange?.(online)
    }
  })

  // Without it, a till that stays idle after a refused lookup would show offline until the
  // cashier's next call, however soon Tigo came back.
  function scheduleProbe(): void {
    if (timer) clearTimeout(timer)
    timer = undefined
    if (stopped || connectivity.isOnline()) return
    timer = setTimeout(() => {
      timer = undefined
      if (shouldProbe()) void connectivity.check().then(scheduleProbe)
      else scheduleProbe()
    }, options.probeIntervalMs())
    timer.unref()
  }

  function note(evidence: 'reachable' | 'unreachable' | 'none'): void {
    if (stopped || evidence === 'none') return
    if (evidence === 'reachable') connectivity.reachable()
    else connectivity.unreachable()
  }

  function observed<A extends unknown[], R>(
    call: (...args: A) => Promise<R>
  ): (...args: A) => Promise<R> {
    return async (...args) => {
      // A call that hangs is news now, not when the client finally gives up on it.
      const hung = setTimeout(() => setDegraded(true), hangMs)
      hung.unref()
      try {
        const value = await call(...args)
        note('reachable')
        setDegraded(false)
        return value
      } catch (error) {
        note(failureEvidence(error))
        if (isTrouble(error)) setDegraded(true)
        throw error
      } finally {
        clearTimeout(hung)
      }
    }
  }

  const watched: TigoClient = {
    getContract: observed(client.getContract),
    getCustomerContracts: observed(client.getCustomerContracts),
    getBills: observed(client.getBills),
    getBillPayments: observed(client.getBillPayments),
    getCharacteristics: observed(client.getCharacteristics),
    checkout: observed(client.checkout),
    registerPayment: observed(client.registerPayment),
    validateBySignature: observed(client.validateBySignature),
    validateByCoupon: observed(client.validateByCoupon),
    probe: async () => {
      const ok = await client.probe()
      note(ok ? 'reachable' : 'unreachable')
      return ok
    }
  }

  return {
    client: watched,
    isOnline: () => connectivity.isOnline(),
    isDegraded: () => degraded,
    checkedAt: () => connectivity.checkedAt(),
    check: () => connectivity.check(),
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = undefined
    }
  }
}
