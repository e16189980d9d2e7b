/**
 * Whether Tigo answers, as the till sees it when it applies the offline caps. Every call through
 * the client is evidence, whoever makes it (the lookups, the sync engine's sends, the probes): an
 * HTTP answer proves Tigo is there, a call that got none says it is not. The sync engine learns
 * only from its own sends, so on its own it would still believe Tigo is there right after a bill
 * fetch was refused, and the payment that follows would escape the offline cap.
 */
import type { Connectivity } from '../sync/connectivity'
import { createConnectivity } from '../sync/connectivity'
import type { TigoClient } from '../tigo/client'
import { isTigoError } from '../tigo/errors'

export interface ReachabilityOptions {
  client: TigoClient
  clock: () => number
  /** The wait between probes while Tigo is away. */
  probeIntervalMs: () => number
  /** False while another part (the sync engine) probes anyway: its probes count here too. */
  shouldProbe?: () => boolean
  /** Called on every change of `isOnline()`, not after `stop()`. */
  onChange?: (online: boolean) => void
}

export interface Reachability extends Pick<Connectivity, 'isOnline' | 'checkedAt' | 'check'> {
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

export function createReachability(options: ReachabilityOptions): Reachability {
  const { client } = options
  const shouldProbe = options.shouldProbe ?? (() => true)
  let stopped = false
  let timer: NodeJS.Timeout | undefined

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
      try {
        const value = await call(...args)
        note('reachable')
        return value
      } catch (error) {
        note(failureEvidence(error))
        throw error
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
    checkedAt: () => connectivity.checkedAt(),
    check: () => connectivity.check(),
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      timer = undefined
    }
  }
}
