/** Every processed `payments/register` request, in order: the evidence of duplicate registrations. */

export interface LedgerEntry {
  seq: number
  /** ISO timestamp from the simulator's clock. */
  receivedAt: string
  idType: string
  identification: string
  bills: { billNo: string; contractId: string; amount: number }[]
  result: Record<string, boolean>
  paymentData: Record<string, unknown> | undefined
}

export interface Ledger {
  append(entry: Omit<LedgerEntry, 'seq'>): LedgerEntry
  /** Counts one accepted registration of a bill (a bill sent twice in one request counts twice). */
  countRegistration(billNo: string): void
  entries(): LedgerEntry[]
  registrationsByBill(): Record<string, number>
  reset(): void
}

export function createLedger(): Ledger {
  let entries: LedgerEntry[] = []
  let registrations = new Map<string, number>()
  return {
    append(entry) {
      const full = { ...entry, seq: entries.length + 1 }
      entries.push(full)
      return full
    },
    countRegistration(billNo) {
      registrations.set(billNo, (registrations.get(billNo) ?? 0) + 1)
    },
    entries: () => structuredClone(entries),
    registrationsByBill: () => Object.fromEntries(registrations),
    reset() {
      entries = []
      registrations = new Map()
    }
  }
}
