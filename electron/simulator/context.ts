import type { BillingState } from './billing-state'
import type { FaultController } from './faults'
import type { Reply, RouteRequest } from './http-util'
import type { Ledger } from './ledger'
import type { TokenStore } from './token-store'

/** Everything a route may touch; rebuilt pieces keep their identity across `reset()`. */
export interface SimContext {
  state: BillingState
  ledger: Ledger
  faults: FaultController
  tokens: TokenStore
  clock: () => number
  credentials: { clientId: string; clientSecret: string }
  stats: { tokenRequests: number; apiRequests: number }
}

export interface Route {
  method: 'GET' | 'POST'
  /** Relative to the billing base path, `:name` for a parameter. */
  pattern: string
  handle(req: RouteRequest, ctx: SimContext): Reply | Promise<Reply>
}
