/**
 * The one place that reads a bill's `billStatus`.
 *
 * The seed only says `billStatus: boolean`. We read `true` as "paid". If the real API turns out
 * to mean the opposite, flip `BILL_STATUS_TRUE_MEANS_PAID` and every caller follows.
 */
export const BILL_STATUS_TRUE_MEANS_PAID = true

export function isBillPaid(bill: { billStatus: boolean }): boolean {
  return bill.billStatus === BILL_STATUS_TRUE_MEANS_PAID
}

export function billStatusFor(paid: boolean): boolean {
  return paid === BILL_STATUS_TRUE_MEANS_PAID
}
