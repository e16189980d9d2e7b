/**
 * The simulator's dataset summary (`GET /__admin/dataset`) and the one way tests pick data from it:
 * by the properties they need (an id type, an amount under a cap, one customer's bills, an overdue
 * bill), never by position. The dataset is built from the date, so its lists change order and
 * content from one day to the next; a test that took `unpaidBills[0]` passed one day and failed
 * the next. When nothing fits, the error names the criteria and the dataset's day, so the failure
 * can be replayed with the clock moved to that day.
 */
import { DEFAULT_SETTINGS } from '@main/settings/settings-store'
import type { IdType } from '@shared/domain/identification'

export interface BillSummary {
  billNo: string
  contractId: string
  idType: IdType
  identification: string
  amount: number
  billDate: string
  paymentDueDate: string
  overdue: boolean
  referencePayment: string
  barcodes: { human: string; gs: string; symbologyGs: string; fixed: string }
}

export interface CustomerSummary {
  idType: IdType
  identification: string
  displayId: string
  name: string
  kind: 'company' | 'person'
  contractIds: string[]
}

export interface DatasetSummary {
  seed: number
  today: string
  customers: CustomerSummary[]
  contracts: { contractId: string; idType: IdType; identification: string; unpaidCount: number }[]
  /** Up to three unpaid bills of every customer but the large one. */
  unpaidBills: BillSummary[]
  paidBills: BillSummary[]
  coupons: { couponId: string; id: string; billNo: string; state: string }[]
  signatures: { signature: string; billNo: string; state: string }[]
  largeCustomer: { idType: IdType; identification: string; contractId: string; billCount: number }
}

/** A payment above this needs a supervisor while offline (the default setting). */
export const OFFLINE_CAP = DEFAULT_SETTINGS.caps.maxPaymentAmount

export async function fetchDataset(adminUrl: string): Promise<DatasetSummary> {
  const response = await fetch(`${adminUrl}/__admin/dataset`)
  if (!response.ok) throw new Error(`GET /__admin/dataset answered ${response.status}`)
  return (await response.json()) as DatasetSummary
}

export interface BillCriteria {
  idType?: IdType
  /** Inclusive. Payments that must go through without a supervisor use `OFFLINE_CAP`. */
  maxAmount?: number
  overdue?: boolean
  /** The bill is its contract's only unpaid one (paying it leaves the contract settled). */
  onlyUnpaidOfContract?: boolean
  /** Contracts, customers (identifications) or bills already used by the test. */
  exclude?: readonly string[]
}

function describeCriteria(criteria: object, dataset: DatasetSummary): string {
  return `${JSON.stringify(criteria)} in the dataset of ${dataset.today} (seed ${dataset.seed})`
}

function matches(dataset: DatasetSummary, bill: BillSummary, criteria: BillCriteria): boolean {
  const { idType, maxAmount, overdue, onlyUnpaidOfContract, exclude = [] } = criteria
  if (idType !== undefined && bill.idType !== idType) return false
  if (maxAmount !== undefined && bill.amount > maxAmount) return false
  if (overdue !== undefined && bill.overdue !== overdue) return false
  if ([bill.contractId, bill.identification, bill.billNo].some((key) => exclude.includes(key)))
    return false
  if (onlyUnpaidOfContract) {
    const contract = dataset.contracts.find((c) => c.contractId === bill.contractId)
    if (contract?.unpaidCount !== 1) return false
  }
  return true
}

/** `count` unpaid bills that fit, each of another contract. Throws when the dataset has fewer. */
export function findBills(
  dataset: DatasetSummary,
  count: number,
  criteria: BillCriteria = {}
): BillSummary[] {
  const found: BillSummary[] = []
  for (const bill of dataset.unpaidBills) {
    if (found.some((taken) => taken.contractId === bill.contractId)) continue
    if (matches(dataset, bill, criteria)) found.push(bill)
    if (found.length === count) return found
  }
  throw new Error(
    `no ${count} unpaid bills of distinct contracts for ${describeCriteria(criteria, dataset)}`
  )
}

export function findBill(dataset: DatasetSummary, criteria: BillCriteria = {}): BillSummary {
  return findBills(dataset, 1, criteria)[0]!
}

/** `count` unpaid bills of one customer that fit (of one or more of its contracts). */
export function findCustomerBills(
  dataset: DatasetSummary,
  count: number,
  criteria: BillCriteria = {}
): BillSummary[] {
  const byCustomer = new Map<string, BillSummary[]>()
  for (const bill of dataset.unpaidBills) {
    if (!matches(dataset, bill, criteria)) continue
    const bills = byCustomer.get(bill.identification) ?? []
    bills.push(bill)
    if (bills.length === count) return bills
    byCustomer.set(bill.identification, bills)
  }
  throw new Error(
    `no customer with ${count} unpaid bills for ${describeCriteria(criteria, dataset)}`
  )
}

export function customerOf(dataset: DatasetSummary, bill: BillSummary): CustomerSummary {
  const customer = dataset.customers.find((c) => c.identification === bill.identification)
  if (!customer) throw new Error(`bill ${bill.billNo} has no customer in the dataset summary`)
  return customer
}
