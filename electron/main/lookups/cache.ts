/**
 * Last known answers of the Tigo API, so the counter keeps working offline: a generic key/value
 * cache (customers, contracts…) and a table of bills searchable by number, barcode reference and
 * contract. Paid/unpaid is decided by `isBillPaid` (the one reader of billStatus) when a bill is
 * stored, and amounts are parsed once, here, into whole pesos.
 */
import type { BillList } from '@shared/api/models'
import { isBillPaid } from '@shared/domain/bill-status'
import { parseApiAmount } from '@shared/domain/money'
import type { Database } from '@main/store/db'
import { writeTransaction } from '@main/store/db'
import type { CachedBill, CachedValue, Clock } from '@main/store/types'
import { camelColumns } from '@main/store/columns'

/**
 * The id type of cached bills whose owner's type is not known yet (found by contract or barcode,
 * not confirmed): matches no id type, so no payment can be taken for them.
 */
export const UNCONFIRMED_ID_TYPE = ''

export interface LookupCache {
  /**
   * Runs the writes of one answer as one transaction: one disk flush (synchronous=FULL) instead
   * of one per write, which is most of what a scan costs in main.
   */
  inOneWrite<T>(work: () => T): T
  put(kind: string, key: string, value: unknown): void
  get(kind: string, key: string): CachedValue | undefined
  /** Upserts the bills of one contract of one customer (bills not in the list are kept). */
  putBills(
    contractId: string,
    idType: string,
    identification: string,
    bills: readonly BillList[]
  ): void
  /** Stamps a contract's cached bills with their owner, once it is known. */
  setOwnerOfContract(contractId: string, idType: string, identification: string): void
  billByNo(billNo: string): CachedBill | undefined
  /** The most recently fetched bill with this payment reference (a scanned barcode). */
  billByReference(reference: string): CachedBill | undefined
  billsOfContract(contractId: string): CachedBill[]
  markBillPaid(billNo: string): void
  /** Marks many bills paid in one statement (a round of registrations). */
  markBillsPaid(billNos: readonly string[]): void
}

interface BillRow {
  bill_no: string
  contract_id: string
  id_type: string
  identification: string
  reference: string | null
  amount: number
  paid: number
  due_date: string | null
  bill: string
  fetched_at: number
}

const BILL_COLUMNS =
  'bill_no, contract_id, id_type, identification, reference, amount, paid, due_date, bill, fetched_at'

function toCachedBill(row: BillRow): CachedBill {
  return {
    ...camelColumns(row, [
      'bill_no',
      'contract_id',
      'id_type',
      'identification',
      'reference',
      'amount',
      'due_date',
      'fetched_at'
    ]),
    paid: row.paid === 1,
    bill: JSON.parse(row.bill) as unknown
  }
}

export function createLookupCache({ db, clock }: { db: Database; clock: Clock }): LookupCache {
  const selectBill = (where: string) =>
    db.prepare(`SELECT ${BILL_COLUMNS} FROM cached_bills WHERE ${where}`)
  const sql = {
    put: db.prepare(
      `INSERT INTO lookup_cache (kind, key, value, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, key) DO UPDATE SET value = excluded.value,
         fetched_at = excluded.fetched_at`
    ),
    get: db.prepare('SELECT value, fetched_at FROM lookup_cache WHERE kind = ? AND key = ?'),
    upsertBill: db.prepare(
      `INSERT INTO cached_bills (${BILL_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (bill_no) DO UPDATE SET contract_id = excluded.contract_id,
         id_type = excluded.id_type, identification = excluded.identification,
         reference = excluded.reference, amount = excluded.amount, paid = excluded.paid,
         due_date = excluded.due_date, bill = excluded.bill, fetched_at = excluded.fetched_at`
    ),
    setOwner: db.prepare(
      'UPDATE cached_bills SET id_type = ?, identification = ? WHERE contract_id = ?'
    ),
    billByNo: selectBill('bill_no = ?'),
    billByReference: selectBill('reference = ? ORDER BY fetched_at DESC, bill_no LIMIT 1'),
    billsOfContract: selectBill('contract_id = ? ORDER BY due_date, bill_no'),
    markPaid: db.prepare(
      'UPDATE cached_bills SET paid = 1 WHERE bill_no IN (SELECT value FROM json_each(?))'
    )
  }

  function markBillsPaid(billNos: readonly string[]): void {
    if (billNos.length === 0) return
    writeTransaction(db, () => sql.markPaid.run(JSON.stringify(billNos)))
  }

  return {
    inOneWrite: (work) => writeTransaction(db, work),

    put(kind, key, value) {
      const json = JSON.stringify(value)
      if (json === undefined) throw new TypeError(`cannot cache ${typeof value} for ${kind}/${key}`)
      writeTransaction(db, () => sql.put.run(kind, key, json, clock()))
    },

    get(kind, key) {
      const row = sql.get.get(kind, key) as { value: string; fetched_at: number } | undefined
      return row
        ? { value: JSON.parse(row.value) as unknown, fetchedAt: row.fetched_at }
        : undefined
    },

    putBills(contractId, idType, identification, bills) {
      // Parse everything before writing: one bad amount stores none of the list.
      const rows = bills.map((bill) => ({
        billNo: bill.billNo,
        reference: bill.referencePayment ?? null,
        amount: parseApiAmount(bill.billAmount),
        paid: isBillPaid(bill) ? 1 : 0,
        dueDate: bill.paymentDueDate ?? null,
        json: JSON.stringify(bill)
      }))
      const now = clock()
      writeTransaction(db, () => {
        for (const row of rows) {
          sql.upsertBill.run(
            row.billNo,
            contractId,
            idType,
            identification,
            row.reference,
            row.amount,
            row.paid,
            row.dueDate,
            row.json,
            now
          )
        }
      })
    },

    setOwnerOfContract(contractId, idType, identification) {
      writeTransaction(db, () => sql.setOwner.run(idType, identification, contractId))
    },

    billByNo(billNo) {
      const row = sql.billByNo.get(billNo) as BillRow | undefined
      return row ? toCachedBill(row) : undefined
    },

    billByReference(reference) {
      const row = sql.billByReference.get(reference) as BillRow | undefined
      return row ? toCachedBill(row) : undefined
    },

    billsOfContract(contractId) {
      return (sql.billsOfContract.all(contractId) as BillRow[]).map(toCachedBill)
    },

    markBillPaid(billNo) {
      markBillsPaid([billNo])
    },

    markBillsPaid
  }
}
