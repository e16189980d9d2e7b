/**
 * The one API object screens use. `connectCashier` picks the Electron bridge when the preload
 * exposed `window.cashier`, or the harness's HTTP transport otherwise; screens never know which.
 * Its failures are tapped (`onApiFailure`) so a session error from any call reaches the session
 * store.
 */
import { connectCashier, type CashierApi, type CashierHost } from '@shared/ipc/connect'
import { observeFailures } from './lib/observed-api'

export type { CashierApi }

const observed = observeFailures(connectCashier(window as unknown as CashierHost))

export const api: CashierApi = observed.api
export const onApiFailure = observed.onFailure
