/** Customers and their contracts: contracts by id, by customer (paged), party characteristics. */
import type { PartyCharacteristics } from '@shared/api/models'
import type { Route } from '@simulator/context'
import { badRequest, intParam, json, notFound } from '@simulator/http-util'
import { findContract, findCustomer, isReply, presentContracts } from './present'

/**
 * Paging of a customer's contracts. The seed calls `reg_ini` "Number of Pages": the simulator
 * reads it as a 1-based PAGE INDEX (default 1) and `num_reg` as the page size (default 50,
 * 1..1000). A page past the end is an empty `contractsCollection`; `X-Total-Count` carries the
 * total so a client can tell.
 */
export const CONTRACTS_PAGING = { firstPage: 1, defaultPageSize: 50, maxPageSize: 1000 } as const

export const customerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: '/contracts/:contractId',
    handle(req, { state }) {
      const contract = findContract(req, state)
      if (isReply(contract)) return contract
      return json(presentContracts(state.ownerOf(contract), [contract]))
    }
  },
  {
    method: 'GET',
    pattern: '/customers/:idType/:identification/contracts',
    handle(req, { state }) {
      const customer = findCustomer(req, state)
      const page = intParam(req.query, 'reg_ini', 1, 1_000_000)
      const size = intParam(req.query, 'num_reg', 1, CONTRACTS_PAGING.maxPageSize)
      if (page === null) return badRequest('reg_ini must be a page number starting at 1')
      if (size === null)
        return badRequest(`num_reg must be between 1 and ${CONTRACTS_PAGING.maxPageSize}`)
      if (isReply(customer)) return customer
      const pageSize = size ?? CONTRACTS_PAGING.defaultPageSize
      const start = ((page ?? CONTRACTS_PAGING.firstPage) - 1) * pageSize
      const all = customer.contractIds.map((id) => state.contract(id)!)
      return json(presentContracts(customer, all.slice(start, start + pageSize)), 200, {
        'X-Total-Count': String(all.length)
      })
    }
  },
  {
    method: 'GET',
    pattern: '/customers/:idType/:identification/contracts/:contractId/characteristics',
    handle(req, { state }) {
      const fields = (req.query.get('fields') ?? '').split(',').map((field) => field.trim())
      const wantsRole = fields.includes('role')
      if (!wantsRole && !fields.includes('plus')) {
        return badRequest("fields is required and must contain 'role' and/or 'plus'")
      }
      const customer = findCustomer(req, state)
      if (isReply(customer)) return customer
      const contract = findContract(req, state)
      if (isReply(contract)) return contract
      if (!customer.contractIds.includes(contract.contractId)) {
        return notFound('Contract not found for this customer')
      }
      const { plusCustomer, webBillStatus, contactPhone, contactEmail, role } = contract.party
      const body: PartyCharacteristics = { plusCustomer, webBillStatus, contactPhone, contactEmail }
      return json(wantsRole ? { ...body, role } : body)
    }
  }
]
