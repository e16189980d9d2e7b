/** Gateway checkout, cash registration (the outbox's target) and payment validation. */
import { CheckoutPaymentRequest, type CheckoutPaymentResponse } from '@shared/api/models'
import type { SimContext, Route } from '@simulator/context'
import { COUPON_TYPES } from '@simulator/dataset-bills'
import type { SimBill, SimCustomer } from '@simulator/dataset-types'
import { bogotaDate } from '@simulator/dates'
import { badRequest, json, notFound, type Reply, type RouteRequest } from '@simulator/http-util'
import { findCustomer, isReply } from './present'

/** The checkout URL a customer would be sent to; the simulator never serves it. */
export const CHECKOUT_URL_BASE = 'https://pagos.une.com.co/checkout/'

export const paymentRoutes: Route[] = [
  {
    method: 'POST',
    pattern: '/customers/:idType/:identification/payments/checkout',
    handle(req, { state }) {
      const request = parsePaymentRequest(req)
      if (isReply(request)) return request
      const customer = findCustomer(req, state)
      if (isReply(customer)) return customer
      const bills: SimBill[] = []
      for (const item of request.billsCollection) {
        const bill = state.bill(item.billNo)
        if (!bill || !belongsTo(bill, item.contractId, customer))
          return badRequest(`Bill ${item.billNo} does not belong to this customer`)
        if (Number(item.billAmount) !== bill.amount)
          return badRequest(`Bill ${item.billNo} amount does not match`)
        if (state.isPaid(bill)) return badRequest(`Bill ${item.billNo} is already paid`)
        bills.push(bill)
      }
      // Shown on the checkout screen as it comes: a real Spanish plural, not "factura(s)".
      const count = bills.length === 1 ? '1 factura' : `${bills.length} facturas`
      const description = `Pago de ${count} Tigo-UNE: ${bills.map((bill) => bill.billNo).join(', ')}`
      const checkout = state.createCheckout(customer, bills, description)
      const body: CheckoutPaymentResponse = {
        signature: checkout.signature,
        url: `${CHECKOUT_URL_BASE}${checkout.signature}`,
        description
      }
      return json(body)
    }
  },
  {
    method: 'POST',
    pattern: '/customers/:idType/:identification/payments/register',
    handle: register
  },
  {
    method: 'GET',
    pattern: '/payments/:paymentId/validate',
    handle(req, { state }) {
      const { paymentId = '' } = req.params
      if (!/^[A-Za-z0-9_-]{1,128}$/.test(paymentId)) return badRequest('paymentId is malformed')
      const validation = state.validation(paymentId)
      return validation ? json(validation) : notFound('Payment not found')
    }
  },
  {
    method: 'GET',
    pattern: '/payments/:couponId/:id/validate',
    handle(req, { state }) {
      const { couponId = '', id = '' } = req.params
      if (!(COUPON_TYPES as readonly string[]).includes(couponId)) {
        return badRequest(
          `Unknown couponId '${couponId}'; expected one of ${COUPON_TYPES.join(', ')}`
        )
      }
      if (!/^\d{1,30}$/.test(id)) return badRequest('id must be numeric')
      const validation = state.coupon(couponId, id)
      return validation ? json(validation) : notFound('Coupon not found')
    }
  }
]

/**
 * Each bill stands alone: unknown, someone else's, wrong amount or already paid → false.
 * With the `acceptDuplicates` fault a paid bill is registered (and counted) again, like an
 * API with no duplicate check. Every processed request lands in the ledger.
 */
function register(req: RouteRequest, { state, ledger, faults, clock }: SimContext): Reply {
  const request = parsePaymentRequest(req)
  if (isReply(request)) return request
  const customer = findCustomer(req, state)
  if (isReply(customer)) return customer
  const { acceptDuplicates, profile } = faults.current()
  const payment =
    profile === 'conventions'
      ? // Its own words and a UTC timestamp, whatever the request said.
        {
          paymentDay: new Date(clock()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          paymentMethod: 'EFECTIVO',
          bankingEntity: 'CAJA'
        }
      : {
          paymentDay: bogotaDate(clock()),
          paymentMethod: stringField(request.paymentData, 'paymentMethod') ?? 'EFECTIVO',
          bankingEntity: stringField(request.paymentData, 'bankingEntity') ?? 'Punto de pago Caja'
        }
  const result: Record<string, boolean> = Object.create(null) as Record<string, boolean>
  for (const item of request.billsCollection) {
    const bill = state.bill(item.billNo)
    const acceptable =
      bill !== undefined &&
      belongsTo(bill, item.contractId, customer) &&
      Number(item.billAmount) === bill.amount &&
      (item.referencePayment === undefined || item.referencePayment === bill.referencePayment) &&
      (!state.isPaid(bill) || acceptDuplicates)
    if (acceptable) {
      state.markPaid(bill, { ...payment })
      ledger.countRegistration(item.billNo)
    }
    if (!(item.billNo in result)) result[item.billNo] = acceptable
  }
  ledger.append({
    receivedAt: new Date(clock()).toISOString(),
    idType: req.params.idType ?? '',
    identification: req.params.identification ?? '',
    bills: request.billsCollection.map((item) => ({
      billNo: item.billNo,
      contractId: item.contractId,
      amount: Number(item.billAmount)
    })),
    result: { ...result },
    paymentData: request.paymentData
  })
  return json({ ...result })
}

type ParsedRequest = CheckoutPaymentRequest & {
  billsCollection: NonNullable<CheckoutPaymentRequest['billsCollection']>
}

function parsePaymentRequest(req: RouteRequest): ParsedRequest | Reply {
  let raw: unknown
  try {
    raw = JSON.parse(req.body)
  } catch {
    return badRequest('Request body is not valid JSON')
  }
  const parsed = CheckoutPaymentRequest.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return badRequest(
      `Invalid paymentDetails: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`
    )
  }
  const { billsCollection } = parsed.data
  if (!billsCollection || billsCollection.length === 0)
    return badRequest('billsCollection must list at least one bill')
  return { ...parsed.data, billsCollection }
}

function belongsTo(bill: SimBill, contractId: string, customer: SimCustomer): boolean {
  return bill.contractId === contractId && customer.contractIds.includes(contractId)
}

function stringField(data: Record<string, unknown> | undefined, name: string): string | undefined {
  const value = data?.[name]
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}
