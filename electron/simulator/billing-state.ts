/**
 * What changes while the simulator runs (registered payments, gateway checkouts) on top of the
 * immutable dataset. `reset()` forgets it all and the world is back to the seeded start.
 */
import { createHash } from 'node:crypto'
import type { ValidatePaymentResponse } from '@shared/api/models'
import { parseIdType } from '@shared/domain/identification'
import { gatewayValidation } from './dataset-bills'
import type { Dataset, SimBill, SimContract, SimCustomer, SimPayment } from './dataset-types'
import { createRandom } from './prng'

export interface Checkout {
  signature: string
  billNos: string[]
  validation: ValidatePaymentResponse
}

export interface BillingState {
  readonly dataset: Dataset
  /** `idType` as sent by a client ('NIT', '31', …); undefined when unknown. */
  customer(idType: string, identification: string): SimCustomer | undefined
  contract(contractId: string): SimContract | undefined
  ownerOf(contract: SimContract): SimCustomer
  /** Oldest first. */
  billsOf(contractId: string): readonly SimBill[]
  bill(billNo: string): SimBill | undefined
  isPaid(bill: SimBill): boolean
  paymentsOf(bill: SimBill): SimPayment[]
  markPaid(bill: SimBill, payment: SimPayment): void
  coupon(couponId: string, id: string): ValidatePaymentResponse | undefined
  validation(signature: string): ValidatePaymentResponse | undefined
  createCheckout(customer: SimCustomer, bills: SimBill[], description: string): Checkout
  /** Settles a checkout as the gateway would; false when the signature is unknown. */
  settleCheckout(signature: string, approved: boolean, paymentDay: string): boolean
  reset(): void
}

export function createBillingState(dataset: Dataset): BillingState {
  const customers = new Map<string, SimCustomer>()
  for (const item of dataset.customers) {
    const key = customerKey(item.idType, item.identification)
    if (!key) throw new Error(`dataset idType ${item.idType} is not a known id type`)
    customers.set(key, item)
  }
  const contracts = new Map(dataset.contracts.map((item) => [item.contractId, item]))
  const bills = new Map(dataset.bills.map((item) => [item.billNo, item]))
  const billsByContract = new Map<string, SimBill[]>()
  for (const item of dataset.bills) {
    const list = billsByContract.get(item.contractId) ?? []
    list.push(item)
    billsByContract.set(item.contractId, list)
  }
  const coupons = new Map(
    dataset.coupons.map((item) => [`${item.couponId}:${item.id}`, item.validation])
  )
  const signatures = new Map(dataset.signatures.map((item) => [item.signature, item.validation]))

  let registered = new Map<string, SimPayment[]>()
  let checkouts = new Map<string, Checkout>()

  const state: BillingState = {
    dataset,
    customer(idType, identification) {
      const key = customerKey(idType, identification)
      if (!key) return undefined
      const found = customers.get(key)
      if (found) return found
      // A NIT may come with its check digit appended ("9001234567" for 900123456-7).
      const base = identification.slice(0, -1)
      const candidate = customers.get(`${key.split(':')[0]}:${base}`)
      const typedWithCheckDigit = candidate?.displayId === `${base}-${identification.slice(-1)}`
      return candidate?.idType === 'NIT' && typedWithCheckDigit ? candidate : undefined
    },
    contract: (contractId) => contracts.get(contractId),
    ownerOf(contract) {
      const owner = customers.get(
        customerKey(contract.ownerIdType, contract.ownerIdentification) ?? ''
      )
      if (!owner) throw new Error(`contract ${contract.contractId} has no owner`)
      return owner
    },
    billsOf: (contractId) => billsByContract.get(contractId) ?? [],
    bill: (billNo) => bills.get(billNo),
    isPaid: (bill) => bill.paid || registered.has(bill.billNo),
    paymentsOf: (bill) =>
      [...bill.payments, ...(registered.get(bill.billNo) ?? [])].map((p) => ({ ...p })),
    markPaid(bill, payment) {
      registered.set(bill.billNo, [...(registered.get(bill.billNo) ?? []), payment])
    },
    coupon: (couponId, id) => coupons.get(`${couponId}:${id}`),
    validation: (signature) => checkouts.get(signature)?.validation ?? signatures.get(signature),
    createCheckout(customer, items, description) {
      const counter = checkouts.size + 1
      const signature = createHash('sha256')
        .update(`${dataset.seed}:checkout:${counter}`)
        .digest('hex')
        .slice(0, 32)
      const first = items[0]!
      const validation = gatewayValidation(createRandom(dataset.seed * 7919 + counter), {
        paymentId: signature,
        bill: first,
        contract: contracts.get(first.contractId)!,
        customer,
        state: 'PENDIENTE',
        method: 'PSE',
        amount: items.reduce((sum, item) => sum + item.amount, 0),
        description
      })
      const checkout = { signature, billNos: items.map((item) => item.billNo), validation }
      checkouts.set(signature, checkout)
      return checkout
    },
    settleCheckout(signature, approved, paymentDay) {
      const checkout = checkouts.get(signature)
      if (!checkout) return false
      if (checkout.validation.state !== 'PENDIENTE') return true
      checkout.validation = { ...checkout.validation, state: approved ? 'APROBADA' : 'RECHAZADA' }
      if (approved) {
        for (const billNo of checkout.billNos) {
          const item = bills.get(billNo)
          if (item && !state.isPaid(item)) {
            state.markPaid(item, {
              paymentDay,
              paymentMethod: 'PSE',
              bankingEntity: checkout.validation.bankName ?? 'Bancolombia'
            })
          }
        }
      }
      return true
    },
    reset() {
      registered = new Map()
      checkouts = new Map()
    }
  }
  return state
}

function customerKey(idType: string, identification: string): string | undefined {
  const parsed = parseIdType(idType)
  return parsed === undefined ? undefined : `${String(parsed)}:${identification}`
}
