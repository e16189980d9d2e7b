/**
 * The bills a cashier has ticked for one payment. Pure functions over a readonly list so the
 * store, the pay screen and the tests share one definition of "payable" and of the total.
 */
export interface SelectableBill {
  billNo: string
  contractId: string
  amount: number
  paid: boolean
  /** Set when this terminal already holds a payment for the bill. */
  outboxState?: string
}

/** A bill this terminal already took money for is not payable again, whatever its sync state. */
const TAKEN_STATES = new Set(['queued', 'sending', 'uncertain', 'registered'])

export function billKey(bill: Pick<SelectableBill, 'billNo' | 'contractId'>): string {
  return `${bill.contractId}/${bill.billNo}`
}

export function isPayable(bill: SelectableBill): boolean {
  if (bill.paid) return false
  return bill.outboxState === undefined || !TAKEN_STATES.has(bill.outboxState)
}

export function isSelected(selection: readonly SelectableBill[], bill: SelectableBill): boolean {
  const key = billKey(bill)
  return selection.some((item) => billKey(item) === key)
}

export function toggleBill<T extends SelectableBill>(selection: readonly T[], bill: T): T[] {
  if (isSelected(selection, bill)) {
    const key = billKey(bill)
    return selection.filter((item) => billKey(item) !== key)
  }
  return isPayable(bill) ? [...selection, bill] : [...selection]
}

/** Adds a payable bill once; a bill already in the basket stays where it is. */
export function addBill<T extends SelectableBill>(selection: readonly T[], bill: T): T[] {
  if (isSelected(selection, bill) || !isPayable(bill)) return [...selection]
  return [...selection, bill]
}

export function removeBill<T extends SelectableBill>(selection: readonly T[], bill: T): T[] {
  const key = billKey(bill)
  return selection.filter((item) => billKey(item) !== key)
}

export function selectionTotal(selection: readonly SelectableBill[]): number {
  return selection.reduce((sum, bill) => sum + bill.amount, 0)
}

/** Change owed for cash; null while the tendered amount does not cover the total. */
export function changeDue(total: number, tendered: number | null): number | null {
  if (tendered === null || tendered < total) return null
  return tendered - total
}
