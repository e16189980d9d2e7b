/**
 * Lookups the cashier is waiting for. Each one is raced against the cashier's cancel: Esc (or the
 * button) stops the waiting at once and the screen is usable again. Main may still finish the
 * request (a lookup changes nothing at Tigo); its late answer is dropped, never shown. Progress
 * shows only after a short delay, so a quick lookup does not flash it.
 */
import { create } from 'zustand'

/** A lookup answered sooner than this shows no progress at all. */
export const PROGRESS_DELAY_MS = 400

/** Thrown to the waiting caller when the cashier cancels; reads as `error.lookup_cancelled`. */
export class LookupCancelled extends Error {
  readonly code = 'lookup_cancelled'
  constructor() {
    super('lookup_cancelled')
    this.name = 'LookupCancelled'
  }
}

export function isLookupCancelled(error: unknown): error is LookupCancelled {
  return error instanceof LookupCancelled
}

interface LookupState {
  /** Lookups being waited for. */
  pending: number
  /** One of them has taken longer than `PROGRESS_DELAY_MS`. */
  slow: boolean
}

export const useLookupStore = create<LookupState>()(() => ({ pending: 0, slow: false }))

interface Waiting {
  slow: boolean
  cancel(): void
}

const waiting = new Set<Waiting>()

function publish(): void {
  const slow = [...waiting].some((entry) => entry.slow)
  useLookupStore.setState({ pending: waiting.size, slow })
}

/** Waits for `call` unless the cashier cancels first (then rejects with `LookupCancelled`). */
export function trackLookup<T>(call: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const entry: Waiting = {
      slow: false,
      cancel: () => finish(() => reject(new LookupCancelled()))
    }
    const timer = setTimeout(() => {
      entry.slow = true
      publish()
    }, PROGRESS_DELAY_MS)
    function finish(settle: () => void): void {
      if (!waiting.delete(entry)) return
      clearTimeout(timer)
      publish()
      settle()
    }
    waiting.add(entry)
    publish()
    call.then(
      (value) => finish(() => resolve(value)),
      (error: unknown) => finish(() => reject(error))
    )
  })
}

/** Stops waiting for every lookup; false when none was pending. */
export function cancelLookups(): boolean {
  if (waiting.size === 0) return false
  for (const entry of [...waiting]) entry.cancel()
  return true
}
