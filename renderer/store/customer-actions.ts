/**
 * Loading the customer at the counter. Each action fetches, stores and rethrows on failure so
 * the caller decides how to tell the cashier (inline message or status line).
 */
import type { BarcodeLookupView, BillView, CustomerView, IdType } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { useCustomerStore } from './customer-store'
import { trackLookup } from './lookup-store'

export const CONTRACTS_PAGE_SIZE = 10

export async function searchCustomer(
  idType: IdType,
  identification: string,
  regIni = 0
): Promise<CustomerView> {
  const customer = await trackLookup(
    api.invoke('customers:contracts', {
      idType,
      identification,
      regIni,
      numReg: CONTRACTS_PAGE_SIZE
    })
  )
  useCustomerStore.getState().setCustomer(customer)
  return customer
}

export async function searchContract(contractId: string): Promise<CustomerView> {
  const customer = await trackLookup(api.invoke('contracts:get', { contractId }))
  const store = useCustomerStore.getState()
  store.setCustomer(customer)
  store.openContract(contractId)
  return customer
}

/** The cashier's confirmation of the id type of a customer found by contract or barcode. */
export async function confirmIdType(contractId: string, idType: IdType): Promise<CustomerView> {
  const customer = await api.invoke('customers:confirmIdType', { contractId, idType })
  useCustomerStore.getState().confirmCustomer(customer)
  return customer
}

export async function loadBills(contractId: string): Promise<void> {
  const bills = await trackLookup(api.invoke('bills:list', { contractId }))
  useCustomerStore.getState().setBills(bills)
}

export async function loadCharacteristics(customer: CustomerView, contractId: string) {
  const store = useCustomerStore.getState()
  store.setCharacteristics(null)
  // They are asked by id type: none to show until the cashier confirms it.
  if (customer.idType === null) return
  const characteristics = await api.invoke('customers:characteristics', {
    idType: customer.idType,
    identification: customer.identification,
    contractId
  })
  if (useCustomerStore.getState().contractId === contractId) {
    store.setCharacteristics(characteristics)
  }
}

/** What a scan did: added the bill to the basket, or left the choice to the cashier. */
export type ScanOutcome = { kind: 'added'; bill: BillView } | { kind: 'ask'; bill: BillView }

function isOtherCustomer(current: CustomerView | null, next: CustomerView | null): boolean {
  if (!current || !next) return false
  return current.idType !== next.idType || current.identification !== next.identification
}

/**
 * A bill of another contract of the customer at the counter comes without an id type (its
 * contract's owner was never confirmed). The cashier confirmed this customer's type already: the
 * confirmation carries over to that contract, through main, which checks it with Tigo when
 * online. If main refuses it, the bill stays as scanned and asks like another customer's would.
 */
async function sameCustomerConfirmed(found: BarcodeLookupView): Promise<BarcodeLookupView> {
  const { customer: current, selection } = useCustomerStore.getState()
  const scanned = found.customer
  if (!current?.idType || selection.length === 0 || !scanned || scanned.idType !== null) {
    return found
  }
  if (scanned.identification !== current.identification) return found
  try {
    const customer = await api.invoke('customers:confirmIdType', {
      contractId: found.bill.contractId,
      idType: current.idType
    })
    return { ...found, customer }
  } catch {
    return found
  }
}

/**
 * Nobody here knows whose a bill read from its barcode alone is: the cashier types the customer
 * at the counter (TypedCustomer on the pay screen) before it can be paid.
 */
function customerToType(bill: BillView): CustomerView {
  return {
    source: 'cache',
    fetchedAt: new Date().toISOString(),
    idType: null,
    identification: '',
    name: '',
    organization: {},
    contracts: [{ contractId: bill.contractId, bills: [] }],
    page: { regIni: 0, numReg: 1, hasMore: false }
  }
}

/** The customer the cashier typed for a bill read from its barcode alone. */
export function typeCustomer(idType: IdType, identification: string): void {
  const store = useCustomerStore.getState()
  if (!store.customer || !store.typed) return
  store.confirmCustomer({ ...store.customer, idType, identification })
}

/** Makes the scanned bill's customer current and adds the bill to their basket. */
export function addScannedBill(found: BarcodeLookupView): void {
  const store = useCustomerStore.getState()
  if (found.customer) store.setCustomer(found.customer)
  store.openContract(found.bill.contractId)
  store.add(found.bill)
  store.askSwitch(null)
  store.scanned()
}

/**
 * A scanned bill joins the payment in progress. A bill of another customer while this one's
 * basket holds bills is not added: the cashier chooses to finish this payment or start anew.
 */
export async function openScannedBill(raw: string): Promise<ScanOutcome> {
  const found = await trackLookup(
    api.invoke('bills:byBarcode', { raw }).then(sameCustomerConfirmed)
  )
  const store = useCustomerStore.getState()
  // Read from its barcode alone: it joins the basket of the customer at the counter, if any;
  // otherwise the cashier types who that is.
  if (found.bill.unverified && !found.customer && store.selection.length === 0) {
    store.startTyped(customerToType(found.bill))
  }
  if (store.selection.length > 0 && isOtherCustomer(store.customer, found.customer)) {
    store.askSwitch(found)
    return { kind: 'ask', bill: found.bill }
  }
  addScannedBill(found)
  return { kind: 'added', bill: found.bill }
}
