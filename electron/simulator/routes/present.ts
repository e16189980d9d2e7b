/** The simulator's records as the Tigo API spells them (amounts as strings, billStatus boolean). */
import type { BillList, ContractsDetails, ContractsItem } from '@shared/api/models'
import { billStatusFor } from '@shared/domain/bill-status'
import type { BillingState } from '@simulator/billing-state'
import type { SimBill, SimContract, SimCustomer } from '@simulator/dataset-types'
import {
  badRequest,
  isNumericId,
  notFound,
  type Reply,
  type RouteRequest
} from '@simulator/http-util'
import { parseIdType } from '@shared/domain/identification'

export function presentContract(contract: SimContract): ContractsItem {
  return {
    contractId: contract.contractId,
    contractCharacteristics: [{ cycle: contract.cycle, deliveryMethod: contract.deliveryMethod }],
    localAddress: {
      address: contract.localAddress.address,
      geographicPlace: { ...contract.localAddress.geographicPlace }
    }
  }
}

export function presentContracts(
  customer: SimCustomer,
  contracts: SimContract[]
): ContractsDetails {
  return {
    identification: customer.identification,
    organization: { ...customer.organization },
    contractsCollection: contracts.map(presentContract)
  }
}

export function presentBill(state: BillingState, bill: SimBill): BillList {
  const contract = state.contract(bill.contractId)
  return {
    billNo: bill.billNo,
    billDate: bill.billDate,
    billAmount: String(bill.amount),
    paymentDueDate: bill.paymentDueDate,
    billClaimStatus: bill.billClaimStatus,
    billStatus: billStatusFor(state.isPaid(bill)),
    billingSystem: bill.billingSystem,
    referencePayment: bill.referencePayment,
    ...(contract
      ? {
          localAddress: {
            address: contract.localAddress.address,
            geographicPlace: { ...contract.localAddress.geographicPlace }
          }
        }
      : {})
  }
}

/** Decoded `{idType}/{identification}` path → the customer, or the 400/404 to answer. */
export function findCustomer(req: RouteRequest, state: BillingState): SimCustomer | Reply {
  const { idType = '', identification } = req.params
  if (parseIdType(idType) === undefined) return badRequest(`Unknown idType '${idType}'`)
  if (!isNumericId(identification)) return badRequest('identification must be numeric')
  return state.customer(idType, identification) ?? notFound('Customer not found')
}

/** A numeric `{contractId}` path parameter → the contract, or the 400/404 to answer. */
export function findContract(req: RouteRequest, state: BillingState): SimContract | Reply {
  const { contractId } = req.params
  if (!isNumericId(contractId)) return badRequest('contractId must be numeric')
  return state.contract(contractId) ?? notFound('Contract not found')
}

export function isReply(value: unknown): value is Reply {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    typeof value.status === 'number'
  )
}
