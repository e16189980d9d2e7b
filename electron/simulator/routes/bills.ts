/** A contract's bills (most recent first) and the payments of one bill. */
import type { Payment } from '@shared/api/models'
import type { Route } from '@simulator/context'
import { badRequest, intParam, json, notFound } from '@simulator/http-util'
import { findContract, isReply, presentBill } from './present'

/** `quantity` absent = every bill (10,000 for the large contract). */
const MAX_QUANTITY = 100_000

export const billRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/customers/contracts/:contractId/bills',
    handle(req, { state }) {
      const quantity = intParam(req.query, 'quantity', 1, MAX_QUANTITY)
      if (quantity === null) return badRequest(`quantity must be between 1 and ${MAX_QUANTITY}`)
      const contract = findContract(req, state)
      if (isReply(contract)) return contract
      const newestFirst = [...state.billsOf(contract.contractId)].reverse()
      const bills = quantity === undefined ? newestFirst : newestFirst.slice(0, quantity)
      return json(bills.map((bill) => presentBill(state, bill)))
    }
  },
  {
    method: 'GET',
    pattern: '/customers/contracts/:contractId/bills/:billNo/payments',
    handle(req, { state, faults }) {
      const contract = findContract(req, state)
      if (isReply(contract)) return contract
      const bill = state.bill(req.params.billNo ?? '')
      if (!bill || bill.contractId !== contract.contractId) return notFound('Bill not found')
      const payments: Payment[] = state.paymentsOf(bill).map((payment) => ({ ...payment }))
      // As the seed types it: one `Payment` (the latest; `{}` when there is none).
      if (faults.current().profile === 'conventions') return json(payments.at(-1) ?? {})
      return json(payments)
    }
  }
]
