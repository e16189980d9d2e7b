/**
 * Taking payments. Before a payment is written the customer's bills are fetched again when Tigo
 * answers, so the checks (amount, already paid) see today's state rather than the screen's;
 * offline, the cache decides. After the write the sync engine is asked to send it.
 */
import { COUPON_TYPES, matchCouponType } from '@shared/domain/coupon'
import { toApiAmount } from '@shared/domain/money'
import { checkReference, hasReference, normalizeReference } from '@shared/domain/payment-reference'
import { AppError } from '@shared/errors'
import type { ChannelHandlers } from '@main/ipc'
import type { paymentChannels } from '@shared/ipc/channels/payments'
import { hasPermission } from '@main/users/policy'
import type { Person } from '@main/store/types'
import type { AppContext } from '@main/app/context'
import {
  checkIdentification,
  checkOwnerWithTigo,
  fetchBills,
  isOfflineError
} from '@main/lookups/handlers'
import { knownOwner } from '@main/lookups/owners'
import { toReceiptView } from '@main/app/view-mappers'

/** Which approval lifts which cap; an approval over the waiting total lifts both (it is larger). */
const APPROVAL_ACTIONS = {
  over_offline_cap: 'payment.over_offline_cap',
  over_pending_total: 'payment.over_pending_total'
} as const

/**
 * No payment without an open shift of whoever takes it at this terminal (a supervisor may take
 * one on any cashier's open shift, as with cash moves). Checked right before the synchronous
 * write, so the shift cannot close in between.
 */
export function requireShiftFor(ctx: AppContext, terminalId: string, cashier: Person): void {
  const shift = ctx.shifts.current(terminalId)
  if (!shift) throw new AppError('shift_required', { terminalId })
  if (shift.cashier.id === cashier.id) return
  const user = ctx.sessions.current().user
  if (user && hasPermission(user.role, 'allShifts')) return
  throw new AppError('shift_other_cashier', { terminalId, cashier: shift.cashier.name })
}

export function paymentHandlers(ctx: AppContext): ChannelHandlers<typeof paymentChannels> {
  return {
    'payments:register': async (input) => {
      const identification = checkIdentification(input.idType, input.identification)
      // A card, cheque or transfer payment must say which one it was before it is written.
      const methodReference = normalizeReference(input.method, input.reference)
      const [problem] = checkReference(input.method, methodReference)
      if (problem) throw new AppError(problem.code, { field: problem.field })
      if (ctx.isOnline()) {
        // Each contract's check and fresh bills at once: the cashier waits for one round trip.
        const contracts = [...new Set(input.bills.map((bill) => bill.contractId))]
        await Promise.all(
          contracts.map(async (contractId) => {
            // A bill read from its barcode alone has nothing else to say whose it is: when its
            // contract is known to be another customer's, no money is taken for it.
            const scanned = input.bills.find(
              (bill) => bill.unverified && bill.contractId === contractId
            )
            const notThisCustomer = () =>
              new AppError('bill_not_customer', { billNo: scanned?.billNo ?? '', identification })
            const owner = knownOwner(ctx.cache, contractId)
            if (owner) {
              const same = owner.idType === input.idType && owner.identification === identification
              if (scanned && !same) throw notThisCustomer()
            } else {
              // An owner neither searched nor confirmed is taken only when Tigo says this
              // customer owns the contract: the id type decides where the payment is registered.
              const check = await checkOwnerWithTigo(ctx, contractId, {
                idType: input.idType,
                identification
              })
              if (check === 'not_found') {
                throw new AppError('id_type_not_found', { idType: input.idType, identification })
              }
              if (check === 'not_owner' && scanned) throw notThisCustomer()
            }
            try {
              await fetchBills(ctx, contractId)
            } catch (error) {
              // Unreachable now: the cached bills and the offline caps decide instead.
              if (!isOfflineError(error) && !(error instanceof AppError)) throw error
            }
          })
        )
      }
      const stored = ctx.settings.get()
      const cashier = ctx.cashier()
      const approvalFor = input.approvalFor ?? 'over_offline_cap'
      const register = (approvedBy?: Person) => {
        requireShiftFor(ctx, stored.terminalId, cashier)
        return ctx.payments.registerPayment({
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
          ...(approvedBy ? { approvedBy, approvedFor: approvalFor } : {})
        })
      }
      // The approval is spent only if the payment is written.
      const receipt = input.approvalId
        ? await ctx.sessions.redeemApproval(
            input.approvalId,
            APPROVAL_ACTIONS[approvalFor],
            register
          )
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

    'payments:search': (input) => {
      const found = ctx.payments.searchPayments(input.query)
      return { payments: found.payments.map(toReceiptView), more: found.more }
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

    'payments:validateCoupon': (input) => {
      // Typed in any case ("cupon"): Tigo only knows the upper-case types.
      const couponType = matchCouponType(input.couponType)
      if (!couponType) {
        throw new AppError('coupon_type_unknown', {
          type: input.couponType,
          types: COUPON_TYPES.join(', ')
        })
      }
      return ctx.client.validateByCoupon(couponType, input.couponNumber)
    }
  }
}
