/**
 * The renderer's one way to get its API, whatever hosts it.
 *
 * In Electron the preload exposes `window.cashier`; errors thrown across the contextBridge keep
 * only their message, so we re-wrap its raw `call` on this side and `IpcError` keeps its code and
 * params. In a plain browser (the test harness) we talk HTTP with the `?token=` of the page URL.
 */
import type { CashierApi } from './make-api'

export type { CashierApi }
import { makeApi } from './make-api'
import { createHttpTransport } from './http-transport'

export interface CashierHost {
  cashier?: CashierApi
  location: { search: string; origin: string }
}

export function connectCashier(host: CashierHost): CashierApi {
  const bridged = host.cashier
  if (bridged) {
    return makeApi(
      (channel, input) => bridged.call(channel, input as never),
      (event, cb) => bridged.on(event, cb)
    )
  }
  const token = new URLSearchParams(host.location.search).get('token') ?? ''
  const transport = createHttpTransport({ baseUrl: host.location.origin, token })
  return makeApi(transport.invoke, transport.subscribe)
}
