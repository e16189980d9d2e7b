/**
 * Asks Tigo whether bills are paid. This is how the engine learns the fate of a register
 * request whose answer was lost: Tigo documents no idempotency key, so a blind resend could
 * register the same money twice. The two witnesses the API offers are the bill's `billStatus`
 * (read only through `isBillPaid`) and the bill's payments list.
 */
import type { BillPayments, BillsCollection, Payment } from '@shared/api/models'
import { isBillPaid } from '@shared/domain/bill-status'
import { isTigoError } from '@main/tigo/errors'

export type BillVerdict =
  | { kind: 'paid'; witness: 'bill-status' | 'bill-payments' }
  | { kind: 'unpaid'; witness: 'bill-status' | 'bill-payments' }
  | { kind: 'unknown'; error: unknown }

export interface BillRef {
  contractId: string
  billNo: string
}

/** The two read endpoints reconciliation needs (a TigoClient has both). */
export interface BillWitness {
  getBills(contractId: string): Promise<BillsCollection>
  getBillPayments(contractId: string, billNo: string): Promise<BillPayments>
}

/**
 * The payments that carry data. The answer schema turns a lone `{}` into `[{}]`: an entry with
 * no payment day is no evidence of a payment, so it must never make a bill read as paid.
 */
export function realPayments(payments: BillPayments): Payment[] {
  return payments.filter(
    (payment) => typeof payment.paymentDay === 'string' && payment.paymentDay.trim() !== ''
  )
}

export function billKey(bill: BillRef): string {
  return `${bill.contractId}/${bill.billNo}`
}

function unreachable(error: unknown): boolean {
  return isTigoError(error) && error.kind === 'not-sent' && error.status === undefined
}

/**
 * One verdict per distinct bill, keyed by `billKey`. Contracts are asked one after another:
 * this runs while the network is shaky, and a burst of parallel GETs would not help it.
 * Once the API is found unreachable the remaining bills are `unknown` without more calls.
 */
export async function checkBills(
  witness: BillWitness,
  bills: readonly BillRef[],
  /** True once the app is stopping: the bills not asked yet are `unknown`, without a call. */
  stopping: () => boolean = () => false
): Promise<Map<string, BillVerdict>> {
  const verdicts = new Map<string, BillVerdict>()
  const byContract = new Map<string, Set<string>>()
  for (const bill of bills) {
    const set = byContract.get(bill.contractId) ?? new Set<string>()
    set.add(bill.billNo)
    byContract.set(bill.contractId, set)
  }

  let down: unknown
  for (const [contractId, billNos] of byContract) {
    if (down === undefined && stopping()) down = new Error('the app is stopping')
    if (down !== undefined) {
      for (const billNo of billNos)
        verdicts.set(billKey({ contractId, billNo }), { kind: 'unknown', error: down })
      continue
    }
    let listed: BillsCollection
    try {
      listed = await witness.getBills(contractId)
    } catch (error) {
      if (unreachable(error)) down = error
      for (const billNo of billNos)
        verdicts.set(billKey({ contractId, billNo }), { kind: 'unknown', error })
      continue
    }
    for (const billNo of billNos) {
      const key = billKey({ contractId, billNo })
      const bill = listed.find((b) => b.billNo === billNo)
      if (bill) {
        verdicts.set(key, { kind: isBillPaid(bill) ? 'paid' : 'unpaid', witness: 'bill-status' })
        continue
      }
      // The bills list may be cut to the most recent ones; the payments list is per bill.
      if (down !== undefined) {
        verdicts.set(key, { kind: 'unknown', error: down })
        continue
      }
      try {
        const payments = await witness.getBillPayments(contractId, billNo)
        verdicts.set(key, {
          kind: realPayments(payments).length > 0 ? 'paid' : 'unpaid',
          witness: 'bill-payments'
        })
      } catch (error) {
        if (unreachable(error)) down = error
        verdicts.set(key, { kind: 'unknown', error })
      }
    }
  }
  return verdicts
}
