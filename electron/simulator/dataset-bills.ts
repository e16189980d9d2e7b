/** Bills, past payments and gateway records (coupons, signatures) of the simulated world. */
import type { ValidatePaymentResponse } from '@shared/api/models'
import { encodeBillBarcode } from '@shared/domain/bill-barcode'
import { addDays, dayOfMonthsBack, daysBetween } from './dates'
import type {
  SimBill,
  SimContract,
  SimCoupon,
  SimCustomer,
  SimPayment,
  SimSignature
} from './dataset-types'
import { BANKS, PAYMENT_METHODS } from './dataset-words'
import type { Random } from './prng'

const MIN_AMOUNT = 80_000
const MAX_AMOUNT = 25_000_000
const DUE_AFTER_DAYS = 15
const LARGE_BILL_COUNT = 10_000
export const COUPON_TYPES = ['CUPON', 'PSE', 'EFECTY', 'BALOTO'] as const

/** The 18-digit payment reference: the zero-padded contract first, so a scan finds its contract. */
export function paymentReference(contractId: string, seq: number): string {
  return `${contractId.padStart(10, '0')}${String(seq).padStart(8, '0')}`
}

export function billBarcode(
  gln: string,
  bill: Pick<SimBill, 'referencePayment' | 'amount' | 'paymentDueDate'>
): string {
  return encodeBillBarcode(
    { gln, reference: bill.referencePayment, amount: bill.amount, dueDate: bill.paymentDueDate },
    'human'
  )
}

/** Twelve monthly bills; older months are far more often paid, recent ones often pending. */
export function buildBills(
  random: Random,
  contract: SimContract,
  today: string,
  gln: string
): SimBill[] {
  const cycleDay = Number(contract.cycle.replace(/\D/g, ''))
  // Log-uniform: many small offices, a few large corporate accounts.
  const base = Math.exp(random.next() * Math.log(MAX_AMOUNT / MIN_AMOUNT)) * MIN_AMOUNT
  const delinquent = random.chance(0.12)
  let seq = random.int(20, 95)
  const bills: SimBill[] = []
  for (let monthsBack = 11; monthsBack >= 0; monthsBack--) {
    const billDate = dayOfMonthsBack(today, monthsBack, cycleDay)
    if (billDate > today) continue
    const amount = clamp(Math.round(base * (0.94 + random.next() * 0.12)))
    const paidChance = delinquent && monthsBack < 3 ? 0.1 : paidChanceFor(monthsBack)
    bills.push(
      bill(random, contract, gln, today, { seq, billDate, amount, paid: random.chance(paidChance) })
    )
    seq++
  }
  return bills
}

/** One consolidated contract with 10,000 bills spread over the last year (UI virtualization). */
export function buildLargeContractBills(
  random: Random,
  contract: SimContract,
  today: string,
  gln: string
): SimBill[] {
  const bills: SimBill[] = []
  for (let seq = 1; seq <= LARGE_BILL_COUNT; seq++) {
    const billDate = addDays(
      today,
      -Math.floor(((LARGE_BILL_COUNT - seq) * 365) / LARGE_BILL_COUNT)
    )
    const age = daysBetween(billDate, today)
    const amount = random.int(MIN_AMOUNT, 2_500_000)
    const paid = random.chance(age > 60 ? 0.98 : age > 20 ? 0.7 : 0.3)
    bills.push(bill(random, contract, gln, today, { seq, billDate, amount, paid }))
  }
  return bills
}

function bill(
  random: Random,
  contract: SimContract,
  gln: string,
  today: string,
  facts: { seq: number; billDate: string; amount: number; paid: boolean }
): SimBill {
  const paymentDueDate = addDays(facts.billDate, DUE_AFTER_DAYS)
  const referencePayment = paymentReference(contract.contractId, facts.seq)
  const payments: SimPayment[] = []
  if (facts.paid) {
    const latest = Math.min(daysBetween(facts.billDate, today), DUE_AFTER_DAYS + 10)
    const method = random.pick(PAYMENT_METHODS)
    payments.push({
      paymentDay: addDays(facts.billDate, random.int(Math.min(2, latest), Math.max(2, latest))),
      paymentMethod: method,
      bankingEntity:
        method === 'EFECTIVO' ? random.pick(['Efecty', 'Punto Red', 'Baloto']) : random.pick(BANKS)
    })
    if (payments[0] && payments[0].paymentDay > today) payments[0].paymentDay = today
  }
  return {
    billNo: `${contract.contractId}-${facts.seq}`,
    contractId: contract.contractId,
    seq: facts.seq,
    billDate: facts.billDate,
    paymentDueDate,
    amount: facts.amount,
    billingSystem: contract.billingSystem,
    billClaimStatus: random.chance(0.04)
      ? random.pick(['EN RECLAMO', 'RECLAMO RESUELTO'])
      : 'SIN RECLAMO',
    referencePayment,
    barcode: billBarcode(gln, { referencePayment, amount: facts.amount, paymentDueDate }),
    paid: facts.paid,
    payments
  }
}

function paidChanceFor(monthsBack: number): number {
  if (monthsBack >= 4) return 0.97
  if (monthsBack >= 2) return 0.85
  if (monthsBack === 1) return 0.6
  return 0.25
}

function clamp(amount: number): number {
  return Math.min(MAX_AMOUNT, Math.max(MIN_AMOUNT, amount))
}

/** Coupons and gateway signatures whose validation answers are filled like a real gateway's. */
export function buildGatewayRecords(
  random: Random,
  customers: readonly SimCustomer[],
  contracts: readonly SimContract[],
  bills: readonly SimBill[],
  today: string
): { coupons: SimCoupon[]; signatures: SimSignature[] } {
  const ownerOf = new Map(contracts.map((item) => [item.contractId, item]))
  const customerOf = new Map(
    customers.map((item) => [`${item.idType}:${item.identification}`, item])
  )
  const recent = bills.filter((item) => daysBetween(item.billDate, today) < 120)
  const coupons: SimCoupon[] = []
  const signatures: SimSignature[] = []
  const usedBills = new Set<string>()
  const draw = (): { bill: SimBill; state: string } => {
    for (;;) {
      const candidate = random.pick(recent)
      if (usedBills.has(candidate.billNo)) continue
      usedBills.add(candidate.billNo)
      // Approved records belong to paid bills, pending and rejected ones to unpaid bills.
      const state = candidate.paid ? 'APROBADA' : random.chance(0.5) ? 'PENDIENTE' : 'RECHAZADA'
      return { bill: candidate, state }
    }
  }
  const holder = (item: SimBill): SimCustomer => {
    const owner = ownerOf.get(item.contractId)!
    return customerOf.get(`${owner.ownerIdType}:${owner.ownerIdentification}`)!
  }
  for (let i = 0; i < 24; i++) {
    const { bill: item, state } = draw()
    const couponId = COUPON_TYPES[i % COUPON_TYPES.length]!
    const id = `${random.int(1, 9)}${String(random.int(0, 99_999_999_999)).padStart(11, '0')}`
    const validation = gatewayValidation(random, {
      paymentId: `${couponId}-${id}`,
      bill: item,
      contract: ownerOf.get(item.contractId)!,
      customer: holder(item),
      state,
      method: couponId === 'PSE' ? 'PSE' : 'EFECTIVO'
    })
    coupons.push({ couponId, id, billNo: item.billNo, validation })
  }
  for (let i = 0; i < 12; i++) {
    const { bill: item, state } = draw()
    const signature = hex(random, 32)
    const validation = gatewayValidation(random, {
      paymentId: signature,
      bill: item,
      contract: ownerOf.get(item.contractId)!,
      customer: holder(item),
      state,
      method: random.pick(['PSE', 'TARJETA CREDITO'])
    })
    signatures.push({ signature, billNo: item.billNo, validation })
  }
  return { coupons, signatures }
}

export interface GatewayFacts {
  paymentId: string
  bill: Pick<SimBill, 'billNo' | 'referencePayment' | 'amount' | 'billDate'>
  contract: Pick<SimContract, 'cycle'>
  customer: Pick<SimCustomer, 'idType' | 'identification' | 'name' | 'kind' | 'organization'>
  state: string
  method: string
  amount?: number
  description?: string
}

export function gatewayValidation(random: Random, facts: GatewayFacts): ValidatePaymentResponse {
  const amount = facts.amount ?? facts.bill.amount
  // Telecom services carry 19 % IVA: the gateway reports base and tax separately.
  const baseTax = Math.round(amount / 1.19)
  const [firstName, ...rest] = contactName(random, facts.customer).split(' ')
  const started = addDays(facts.bill.billDate, random.int(1, 10))
  const card = facts.method === 'TARJETA CREDITO'
  return {
    payment_id: facts.paymentId,
    partner: 'UNE EPM Telecomunicaciones S.A.',
    refSale: facts.bill.referencePayment,
    state: facts.state,
    startDate: `${started} ${String(random.int(7, 20)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}`,
    amount: String(amount),
    taxValue: String(amount - baseTax),
    baseTax: String(baseTax),
    description: facts.description ?? `Pago factura ${facts.bill.billNo}`,
    pay_method: facts.method,
    trazabilityCode: String(random.int(100_000_000, 999_999_999)),
    email: facts.customer.organization.email ?? 'pagos@correo.com.co',
    document: Number(facts.customer.identification),
    documentType: facts.customer.idType,
    userName: firstName ?? '',
    userLastName: rest.join(' '),
    userTelephone: facts.customer.organization.phone ?? '',
    bankName: card
      ? random.pick(['Bancolombia', 'Davivienda', 'BBVA Colombia'])
      : random.pick(BANKS),
    franchise: card
      ? random.pick(['VISA', 'MASTERCARD', 'AMEX'])
      : facts.method === 'PSE'
        ? 'PSE'
        : 'EFECTIVO',
    cycleNumber: Number(facts.contract.cycle.replace(/\D/g, '')),
    solicitedDate: started
  }
}

function contactName(random: Random, customer: GatewayFacts['customer']): string {
  if (customer.kind === 'person') return customer.name
  return random.pick([
    'Claudia Ramírez',
    'Jhon Fredy Osorio',
    'Sandra Milena Ruiz',
    'Mauricio Alzate'
  ])
}

function hex(random: Random, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += random.int(0, 15).toString(16)
  return out
}
