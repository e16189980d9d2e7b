/**
 * Taking payments. Before a payment is written the customer's bills are fetched again when Tigo
 * answers, so the checks (amount, already paid) see today's state rather than the screen's;
 * offline, the cache decides. After the write the sync engine is asked to send it.
 */
import { toApiAmount } from '../../../shared/domain/money'
import {
  checkReference,
  hasReference,
  normalizeReference
} from '../../../shared/domain/payment-reference'
import { AppError } from '../../../shared/errors'
import type { Handlers } from '../ipc'
import type { Person } from '../store/types'
import type { AppContext } from './context'
import { checkIdentification, fetchBills, isOfflineError } from './lookups'
import { toReceiptView } from './views'

export function paymentHandlers(ctx: AppContext): Handlers {
  return {
    'payments:register': async (input) => {
      const identification = checkIdentification(input.idType, input.identification)
      // A card, cheque or transfer payment must say which one it was before it is written.
      const methodReference = normalizeReference(input.method, input.reference)
      const [problem] = checkReference(input.method, methodReference)
      if (problem) throw new AppError(problem.code, { field: problem.field })
      if (ctx.isOnline()) {
        for (const contractId of new Set(input.bills.map((bill) => bill.contractId))) {
          try {
            await fetchBills(ctx, contractId)
          } catch (error) {
            // Unreachable now: the cached bills and the offline caps decide instead.
            if (!isOfflineError(error) && !(error instanceof AppError)) throw error
          }
        }
      }
      const stored = ctx.settings.get()
      const cashier = ctx.cashier()
      const register = (approvedBy?: Person) =>
        ctx.payments.registerPayment({
          terminalId: stored.terminalId,
          cashier,
          idType: input.idType,
          identification,
          ...(input.customerName ? { customerName: input.customerName } : {}),
          bills: input.bills,
          method: input.method,
          ...(input.tendered !== undefined ? { tendered: input.tendered } : {}),
          ...(hasReference(methodReference) ? { methodReference } : {}),
          ...(input.clientInformation ? { clientInformation: input.clientInformation } : {}),
          ...(approvedBy ? { approvedBy } : {})
        })
      // The approval is spent only if the payment is written.
      const receipt = input.approvalId
        ? await ctx.sessions.redeemApproval(input.approvalId, 'payment.over_offline_cap', register)
        : register()
      ctx.events.emit('outbox:changed', { paymentIds: [receipt.id] })
      ctx.events.emit('sync:status', ctx.syncStatus())
      // The receipt is saved; sending it is the engine's job and must not hold the cashier up.
      void ctx.requestDrain('payment')
      return toReceiptView(receipt)
    },

    'payments:get': (input) => {
      const receipt = ctx.payments.getPayment(input.paymentId)
      if (!receipt) throw new AppError('payment_not_found', { paymentId: input.paymentId })
      return toReceiptView(receipt)
    },

    'payments:checkout': async (input) => {
      const identification = checkIdentification(input.idType, input.identification)
      const answer = await ctx.client.checkout(input.idType, identification, {
        ...(input.clientInformation ? { clientInformation: input.clientInformation } : {}),
        billsCollection: input.bills.map((bill) => {
          const reference = ctx.cache.billByNo(bill.billNo)?.reference
          return {
            billNo: bill.billNo,
            contractId: bill.contractId,
            billAmount: toApiAmount(bill.amount),
            ...(reference ? { referencePayment: reference } : {})
          }
        })
      })
      if (!answer.signature || !answer.url) {
        throw new AppError('checkout_failed', {
          detail: answer.description ?? String(answer.error ?? '')
        })
      }
      return {
        signature: answer.signature,
        url: answer.url,
        ...(answer.description !== undefined ? { description: answer.description } : {})
      }
    },

    'payments:validateSignature': (input) => ctx.client.validateBySignature(input.signature),

    'payments:validateCoupon': (input) =>
      ctx.client.validateByCoupon(input.couponType, input.couponNumber)
  }
}
