import { afterEach, describe, expect, it, vi } from 'vitest'
import { describeError } from '@renderer/i18n/use-t'
import {
  cancelLookups,
  isLookupCancelled,
  PROGRESS_DELAY_MS,
  trackLookup,
  useLookupStore
} from '@renderer/store/lookup-store'

/** A call that answers only when the test says so. */
function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

afterEach(() => {
  cancelLookups()
  vi.useRealTimers()
})

describe('lookups the cashier waits for', () => {
  it('show progress only once slow, and hide it when answered', async () => {
    vi.useFakeTimers()
    const call = deferred<string>()
    const waited = trackLookup(call.promise)
    expect(useLookupStore.getState()).toEqual({ pending: 1, slow: false })
    vi.advanceTimersByTime(PROGRESS_DELAY_MS)
    expect(useLookupStore.getState()).toEqual({ pending: 1, slow: true })
    call.resolve('answer')
    expect(await waited).toBe('answer')
    expect(useLookupStore.getState()).toEqual({ pending: 0, slow: false })
  })

  it('stop waiting when cancelled, and drop the late answer', async () => {
    const call = deferred<string>()
    const waited = trackLookup(call.promise)
    expect(cancelLookups()).toBe(true)
    const error = await waited.catch((e: unknown) => e)
    expect(isLookupCancelled(error)).toBe(true)
    expect(describeError('es', error)).toBe('Consulta cancelada. Puede intentarla de nuevo.')
    expect(useLookupStore.getState()).toEqual({ pending: 0, slow: false })
    call.resolve('late')
    // Nothing left to cancel: Esc goes back to its usual job.
    expect(cancelLookups()).toBe(false)
  })

  it('pass a failure through unchanged', async () => {
    const failure = { code: 'lookup_offline' }
    await expect(trackLookup(Promise.reject(failure))).rejects.toBe(failure)
    expect(useLookupStore.getState().pending).toBe(0)
  })
})
