/**
 * A Tigo in memory behind the engine's `SyncClient`, for engine unit tests without HTTP. It keeps
 * what the engine relies on: a register request books each unpaid bill once and records the
 * payment the way the simulator does (the bill's payments list echoes `paymentMethod` and
 * `bankingEntity`, dated now); a bill already paid is answered `false`. Each register call takes
 * the next scripted step, so a test says exactly which answers get lost.
 */
import type {
  BillPayments,
  BillsCollection,
  CheckoutPaymentRequest,
  Payment,
  RegisterPaymentResponse
} from '@shared/api/models'
import { billStatusFor } from '@shared/domain/bill-status'
import type { SyncClient } from '@main/sync/types'
import { TigoError } from '@main/tigo/errors'

/**
 * - `ok`: booked and answered.
 * - `lose-answer`: booked, then the answer is lost (the client reports a timeout: uncertain).
 * - `refuse`: the connection is refused; nothing booked.
 * - `hang`: no answer until `release()`; then booked and answered.
 */
export type RegisterStep = 'ok' | 'lose-answer' | 'refuse' | 'hang'

export interface FakeBill {
  contractId: string
  billNo: string
  amount: number
}

export interface FakeTigo {
  client: SyncClient
  /** Steps for the next register calls, in order; `ok` once they run out. */
  script(...steps: RegisterStep[]): void
  /** Answers every hanging register call. */
  release(): void
  /** Bill number → how many times it was booked (a duplicate shows as 2). */
  registrations(): Record<string, number>
  calls: { register: number; getBills: number; getBillPayments: number; probe: number }
  /** The bill numbers of every register request, in the order they came. */
  requests: string[][]
}

interface Held {
  bill: FakeBill
  paid: boolean
  payments: Payment[]
}

export function createFakeTigo(bills: readonly FakeBill[], clock: () => number): FakeTigo {
  const held = new Map<string, Held>(
    bills.map((bill) => [bill.billNo, { bill, paid: false, payments: [] }])
  )
  const booked: Record<string, number> = {}
  const steps: RegisterStep[] = []
  const hanging: (() => void)[] = []
  const calls = { register: 0, getBills: 0, getBillPayments: 0, probe: 0 }
  const requests: string[][] = []

  function book(body: CheckoutPaymentRequest): RegisterPaymentResponse {
    const answer: RegisterPaymentResponse = {}
    const data = body.paymentData ?? {}
    for (const line of body.billsCollection ?? []) {
      const bill = held.get(line.billNo)
      if (!bill || bill.paid) {
        answer[line.billNo] = false
        continue
      }
      bill.paid = true
      bill.payments.push({
        paymentDay: new Date(clock()).toISOString(),
        paymentMethod: String(data.paymentMethod ?? ''),
        bankingEntity: String(data.bankingEntity ?? '')
      })
      booked[line.billNo] = (booked[line.billNo] ?? 0) + 1
      answer[line.billNo] = true
    }
    return answer
  }

  const client: SyncClient = {
    async registerPayment(_idType, _identification, body) {
      calls.register += 1
      requests.push((body.billsCollection ?? []).map((line) => line.billNo))
      const step = steps.shift() ?? 'ok'
      if (step === 'refuse') {
        throw new TigoError({ kind: 'not-sent', endpoint: 'registerPayment', detail: 'refused' })
      }
      if (step === 'hang') {
        await new Promise<void>((resolve) => hanging.push(resolve))
        return book(body)
      }
      const answer = book(body)
      if (step === 'lose-answer') {
        throw new TigoError({ kind: 'uncertain', endpoint: 'registerPayment', detail: 'timeout' })
      }
      return answer
    },
    async getBills(contractId): Promise<BillsCollection> {
      calls.getBills += 1
      return [...held.values()]
        .filter((entry) => entry.bill.contractId === contractId)
        .map((entry) => ({
          billNo: entry.bill.billNo,
          billAmount: String(entry.bill.amount),
          billStatus: billStatusFor(entry.paid)
        }))
    },
    async getBillPayments(_contractId, billNo): Promise<BillPayments> {
      calls.getBillPayments += 1
      return held.get(billNo)?.payments ?? []
    },
    async probe() {
      calls.probe += 1
      return true
    },
    // Only asked about bills paid from their barcode alone, which these tests do not take.
    async getCustomerContracts(): Promise<never> {
      throw new TigoError({ kind: 'rejected', endpoint: 'getCustomerContracts', status: 404 })
    }
  }

  return {
    client,
    script: (...next) => {
      steps.push(...next)
    },
    release: () => {
      for (const resolve of hanging.splice(0)) resolve()
    },
    registrations: () => ({ ...booked }),
    calls,
    requests
  }
}
