/**
 * Loading the customer at the counter. Each action fetches, stores and rethrows on failure so
 * the caller decides how to tell the cashier (inline message or status line).
 */
import type { BillView, CustomerView, IdType } from '../../shared/ipc/views'
import { api } from '../api'
import { useCustomerStore } from './customer-store'

export const CONTRACTS_PAGE_SIZE = 10

export async function searchCustomer(
  idType: IdType,
  identification: string,
  regIni = 0
): Promise<CustomerView> {
  const customer = await api.invoke('customers:contracts', {
    idType,
    identification,
    regIni,
    numReg: CONTRACTS_PAGE_SIZE
  })
  useCustomerStore.getState().setCustomer(customer)
  return customer
}

export async function searchContract(contractId: string): Promise<CustomerView> {
  const customer = await api.invoke('contracts:get', { contractId })
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
  const bills = await api.invoke('bills:list', { contractId })
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

/** A scanned bill: its customer becomes current and the bill is the only one ticked. */
export async function openScannedBill(raw: string): Promise<BillView> {
  const found = await api.invoke('bills:byBarcode', { raw })
  const store = useCustomerStore.getState()
  if (found.customer) store.setCustomer(found.customer)
  store.openContract(found.bill.contractId)
  store.selectOnly([found.bill])
  return found.bill
}
