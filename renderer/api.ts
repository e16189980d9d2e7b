/**
 * The one API object screens use. `connectCashier` picks the Electron bridge when the preload
 * exposed `window.cashier`, or the harness's HTTP transport otherwise; screens never know which.
 */
import { connectCashier, type CashierApi, type CashierHost } from '../shared/ipc/connect'

export type { CashierApi }

export const api: CashierApi = connectCashier(window as unknown as CashierHost)
