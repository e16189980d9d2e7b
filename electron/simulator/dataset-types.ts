import type { ValidatePaymentResponse } from '@shared/api/models'

/** The generated world of the simulator. Built once per (seed, today); never mutated. */
export interface Dataset {
  seed: number
  /** ISO date (YYYY-MM-DD) the twelve months of bills end on. */
  today: string
  /** GLN (13 digits, valid GS1 check digit) printed in every bill barcode. */
  gln: string
  customers: readonly SimCustomer[]
  contracts: readonly SimContract[]
  /** Every bill, grouped by contract, oldest first inside each contract. */
  bills: readonly SimBill[]
  coupons: readonly SimCoupon[]
  signatures: readonly SimSignature[]
  largeCustomer: {
    idType: IdTypeName
    identification: string
    contractId: string
    billCount: number
  }
}

/** The idType spelled as the simulator's own records spell it (the API accepts DIAN codes too). */
export type IdTypeName = 'NIT' | 'CC'

export interface SimCustomer {
  idType: IdTypeName
  /** Digits only; for a NIT the base without the check digit. */
  identification: string
  /** As printed on paper: `900123456-7` for a NIT, the digits for a CC. */
  displayId: string
  kind: 'company' | 'person'
  name: string
  organization: Readonly<Record<string, string>>
  contractIds: readonly string[]
}

export interface SimAddress {
  address: string
  geographicPlace: { city: string; department: string; daneCode: string; country: string }
}

export interface SimContract {
  contractId: string
  ownerIdType: IdTypeName
  ownerIdentification: string
  localAddress: SimAddress
  cycle: string
  deliveryMethod: string
  billingSystem: string
  party: {
    plusCustomer: boolean
    webBillStatus: string
    contactPhone: string
    contactEmail: string
    role: string
  }
}

export interface SimPayment {
  paymentDay: string
  paymentMethod: string
  bankingEntity: string
}

export interface SimBill {
  billNo: string
  contractId: string
  seq: number
  billDate: string
  paymentDueDate: string
  /** Whole pesos. */
  amount: number
  billingSystem: string
  billClaimStatus: string
  referencePayment: string
  /** GS1-128 human-readable form; the admin dataset shows the other scanner variants. */
  barcode: string
  /** Paid before the simulator started; payments registered later live in the state. */
  paid: boolean
  payments: readonly SimPayment[]
}

export interface SimCoupon {
  couponId: string
  id: string
  billNo: string
  validation: ValidatePaymentResponse
}

export interface SimSignature {
  signature: string
  billNo: string
  validation: ValidatePaymentResponse
}
