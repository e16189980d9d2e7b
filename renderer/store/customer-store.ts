/**
 * The customer at the counter: their contracts page, the open contract's bills and the bills
 * ticked for payment. Loading lives in `customer-actions.ts`; this file only holds state.
 */
import { create } from 'zustand'
import type {
  BarcodeLookupView,
  BillListView,
  BillView,
  CharacteristicsView,
  CustomerView
} from '@shared/ipc/views'
import { addBill, billKey, removeBill, toggleBill } from './bill-selection'

export interface CustomerState {
  customer: CustomerView | null
  contractId: string | null
  bills: BillListView | null
  characteristics: CharacteristicsView | null
  selection: BillView[]
  /** A scanned bill of another customer while this one's basket is open: the cashier decides. */
  pendingSwitch: BarcodeLookupView | null
  /** Grows on every scan added to the basket: the pay screen then focuses the amount received. */
  scanSerial: number
  /**
   * The customer is typed by the cashier, not found with Tigo: offline, a scanned bill never
   * looked up carries none (the engine checks the bill is theirs before sending).
   */
  typed: boolean
  /** Starts a payment for a customer the cashier is about to type. */
  startTyped: (customer: CustomerView) => void
  setCustomer: (customer: CustomerView) => void
  /** The same customer with the id type the cashier confirmed: the ticks and bills stay. */
  confirmCustomer: (customer: CustomerView) => void
  openContract: (contractId: string) => void
  setBills: (bills: BillListView) => void
  setCharacteristics: (characteristics: CharacteristicsView | null) => void
  toggle: (bill: BillView) => void
  selectOnly: (bills: BillView[]) => void
  add: (bill: BillView) => void
  remove: (bill: BillView) => void
  askSwitch: (found: BarcodeLookupView | null) => void
  scanned: () => void
  clearSelection: () => void
  reset: () => void
}

const EMPTY = {
  customer: null,
  contractId: null,
  bills: null,
  characteristics: null,
  selection: [],
  pendingSwitch: null,
  typed: false
}

function sameCustomer(a: CustomerView | null, b: CustomerView): boolean {
  return a !== null && a.idType === b.idType && a.identification === b.identification
}

export const useCustomerStore = create<CustomerState>()((set) => ({
  ...EMPTY,
  scanSerial: 0,
  // A payment covers bills of one customer only: a different customer drops the ticks.
  setCustomer: (customer) =>
    set((state) =>
      sameCustomer(state.customer, customer)
        ? { customer }
        : { ...EMPTY, customer, contractId: customer.contracts[0]?.contractId ?? null }
    ),
  confirmCustomer: (customer) => set({ customer }),
  startTyped: (customer) =>
    set({ ...EMPTY, customer, contractId: customer.contracts[0]?.contractId ?? null, typed: true }),
  openContract: (contractId) =>
    set((state) =>
      state.contractId === contractId ? {} : { contractId, bills: null, characteristics: null }
    ),
  setBills: (bills) =>
    set((state) => {
      // Fresh bill states replace stale copies in the selection (a bill may have been paid since).
      const fresh = new Map(bills.bills.map((bill) => [billKey(bill), bill]))
      const selection = state.selection.map((bill) => fresh.get(billKey(bill)) ?? bill)
      return state.contractId === bills.contractId ? { bills, selection } : { selection }
    }),
  setCharacteristics: (characteristics) => set({ characteristics }),
  toggle: (bill) => set((state) => ({ selection: toggleBill(state.selection, bill) })),
  selectOnly: (bills) => set({ selection: bills }),
  add: (bill) => set((state) => ({ selection: addBill(state.selection, bill) })),
  remove: (bill) => set((state) => ({ selection: removeBill(state.selection, bill) })),
  askSwitch: (found) => set({ pendingSwitch: found }),
  scanned: () => set((state) => ({ scanSerial: state.scanSerial + 1 })),
  clearSelection: () => set({ selection: [] }),
  reset: () => set(EMPTY)
}))
