/**
 * The API with a tap on its failures: every refused call, whichever screen made it, is reported
 * by code, so a `signed_out` or `session_locked` anywhere sends the cashier to the right screen
 * without each screen knowing about sessions. The caller still gets the error as before.
 */
import type { CashierApi } from '@shared/ipc/make-api'
import type { IpcResult } from '@shared/ipc/result'
import { isIpcError } from '@shared/ipc/result'

export type FailureListener = (code: string) => void

export interface ObservedApi {
  api: CashierApi
  /** Returns the function that removes the listener. */
  onFailure(listener: FailureListener): () => void
}

type AsyncFn = (...args: unknown[]) => Promise<unknown>

export function observeFailures(inner: CashierApi): ObservedApi {
  const listeners = new Set<FailureListener>()
  const report = (code: string) => {
    for (const listener of listeners) listener(code)
  }
  const watched =
    (fn: AsyncFn): AsyncFn =>
    async (...args) => {
      try {
        return await fn(...args)
      } catch (error) {
        if (isIpcError(error)) report(error.code)
        throw error
      }
    }

  const outer: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(inner as unknown as Record<string, unknown>)) {
    if (key === 'on') {
      outer[key] = value
    } else if (key === 'call') {
      const call = value as AsyncFn
      outer[key] = async (...args: unknown[]) => {
        const result = (await call(...args)) as IpcResult
        if (!result.ok) report(result.error.code)
        return result
      }
    } else if (typeof value === 'function') {
      outer[key] = watched(value as AsyncFn)
    } else if (typeof value === 'object' && value !== null) {
      const methods: Record<string, AsyncFn> = {}
      for (const [method, fn] of Object.entries(value as Record<string, AsyncFn>)) {
        methods[method] = watched(fn)
      }
      outer[key] = methods
    }
  }

  return {
    // Same keys and signatures as `inner`, each wrapped above.
    api: outer as unknown as CashierApi,
    onFailure(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
