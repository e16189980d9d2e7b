/**
 * `/__admin/*`: test and demo controls. Served on the API port and, when `adminPort` is set,
 * on a second listener that stays up while the API port refuses connections.
 */
import { encodeBillBarcode } from '@shared/domain/bill-barcode'
import type { SimContext } from '@simulator/context'
import type { SimBill } from '@simulator/dataset-types'
import { FaultsPatch } from '@simulator/faults'
import { badRequest, json, notFound, type Reply, type RouteRequest } from '@simulator/http-util'
import { bogotaDate } from '@simulator/dates'

export interface AdminContext extends SimContext {
  /** Dataset state, ledger, faults and tokens back to the start. */
  resetAll(): void
  /** Resolves once the API listener has finished closing or re-listening. */
  settled(): Promise<void>
}

type AdminHandler = (req: RouteRequest, ctx: AdminContext) => Reply | Promise<Reply>

export const adminRoutes: { method: 'GET' | 'POST'; pattern: string; handle: AdminHandler }[] = [
  { method: 'GET', pattern: '/__admin/dataset', handle: (_req, ctx) => json(datasetSummary(ctx)) },
  {
    method: 'GET',
    pattern: '/__admin/ledger',
    handle: (_req, { ledger }) =>
      json({ entries: ledger.entries(), registrationsByBill: ledger.registrationsByBill() })
  },
  { method: 'GET', pattern: '/__admin/stats', handle: (_req, { stats }) => json({ ...stats }) },
  {
    method: 'GET',
    pattern: '/__admin/faults',
    handle: (_req, { faults }) => json(faults.current())
  },
  {
    method: 'POST',
    pattern: '/__admin/faults',
    async handle(req, ctx) {
      let raw: unknown
      try {
        raw = JSON.parse(req.body || '{}')
      } catch {
        return badRequest('Request body is not valid JSON')
      }
      const patch = FaultsPatch.safeParse(raw)
      if (!patch.success)
        return badRequest(patch.error.issues.map((issue) => issue.message).join('; '))
      const faults = ctx.faults.set(patch.data)
      await ctx.settled()
      return json(faults)
    }
  },
  {
    method: 'POST',
    pattern: '/__admin/reset',
    async handle(_req, ctx) {
      ctx.resetAll()
      await ctx.settled()
      return json({ reset: true })
    }
  },
  { method: 'POST', pattern: '/__admin/checkouts/:signature/approve', handle: settle(true) },
  { method: 'POST', pattern: '/__admin/checkouts/:signature/reject', handle: settle(false) }
]

/** Plays the payment gateway: approving a checkout marks its bills paid. */
function settle(approved: boolean): AdminHandler {
  return (req, { state, clock }) => {
    const signature = req.params.signature ?? ''
    if (!state.settleCheckout(signature, approved, bogotaDate(clock())))
      return notFound('Checkout not found')
    return json(state.validation(signature))
  }
}

const DIAN_CODES = { NIT: '31', CC: '13' } as const
const UNPAID_PER_CUSTOMER = 3
const PAID_SAMPLE = 20

function datasetSummary({ state }: SimContext): unknown {
  const { dataset } = state
  const large = dataset.largeCustomer
  const barcodes = (bill: SimBill): Record<string, string> => {
    const fields = {
      gln: dataset.gln,
      reference: bill.referencePayment,
      amount: bill.amount,
      dueDate: bill.paymentDueDate
    }
    return {
      human: encodeBillBarcode(fields, 'human'),
      gs: encodeBillBarcode(fields, 'gs'),
      symbologyGs: encodeBillBarcode(fields, 'symbology-gs'),
      fixed: encodeBillBarcode(fields, 'fixed')
    }
  }
  const billSummary = (bill: SimBill): Record<string, unknown> => {
    const contract = state.contract(bill.contractId)!
    return {
      billNo: bill.billNo,
      contractId: bill.contractId,
      idType: contract.ownerIdType,
      identification: contract.ownerIdentification,
      amount: bill.amount,
      billDate: bill.billDate,
      paymentDueDate: bill.paymentDueDate,
      overdue: bill.paymentDueDate < dataset.today,
      referencePayment: bill.referencePayment,
      barcodes: barcodes(bill)
    }
  }
  const regular = dataset.contracts.filter((contract) => contract.contractId !== large.contractId)
  const unpaid: SimBill[] = []
  const paid: SimBill[] = []
  for (const customer of dataset.customers) {
    if (customer.identification === large.identification) continue
    const bills = customer.contractIds.flatMap((id) => [...state.billsOf(id)])
    unpaid.push(...bills.filter((bill) => !state.isPaid(bill)).slice(0, UNPAID_PER_CUSTOMER))
    if (paid.length < PAID_SAMPLE)
      paid.push(...bills.filter((bill) => state.isPaid(bill)).slice(-1))
  }
  return {
    seed: dataset.seed,
    today: dataset.today,
    gln: dataset.gln,
    customers: dataset.customers.map((customer) => ({
      idType: customer.idType,
      dianCode: DIAN_CODES[customer.idType],
      identification: customer.identification,
      displayId: customer.displayId,
      name: customer.name,
      kind: customer.kind,
      city: customer.organization.city,
      contractIds: customer.contractIds
    })),
    contracts: regular.map((contract) => {
      const bills = state.billsOf(contract.contractId)
      return {
        contractId: contract.contractId,
        idType: contract.ownerIdType,
        identification: contract.ownerIdentification,
        address: contract.localAddress.address,
        cycle: contract.cycle,
        billCount: bills.length,
        unpaidCount: bills.filter((bill) => !state.isPaid(bill)).length
      }
    }),
    unpaidBills: unpaid.map(billSummary),
    paidBills: paid.map(billSummary),
    coupons: dataset.coupons.map(({ couponId, id, billNo, validation }) => ({
      couponId,
      id,
      billNo,
      state: validation.state
    })),
    signatures: dataset.signatures.map(({ signature, billNo, validation }) => ({
      signature,
      billNo,
      state: validation.state
    })),
    largeCustomer: {
      ...large,
      unpaidCount: state.billsOf(large.contractId).filter((bill) => !state.isPaid(bill)).length
    }
  }
}
