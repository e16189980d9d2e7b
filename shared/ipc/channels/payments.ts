import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { CheckoutView, PaymentReceipt, ValidatePaymentResponse } from '@shared/ipc/views'
import { PAYMENT_METHODS } from '@shared/ipc/views'
import {
  BillToPayInput,
  ClientInformationInput,
  CounterBillInput,
  IdentificationInput,
  IdTypeInput,
  PaymentReferenceInput,
  PesosInput
} from './common'

/** Past payments found by `payments:search`, newest first. */
export interface PaymentSearchView {
  payments: PaymentReceipt[]
  /** More matched than were sent: the cashier should narrow the query. */
  more: boolean
}

export const paymentChannels = {
  'payments:register': channel<PaymentReceipt>()({
    input: z.strictObject({
      idType: IdTypeInput,
      identification: IdentificationInput,
      customerName: z.string().trim().max(200).optional(),
      bills: z.array(CounterBillInput).min(1).max(50),
      method: z.enum(PAYMENT_METHODS),
      tendered: PesosInput.optional(),
      /** Required for cards, cheques and transfers (approval code, bank and number, …). */
      reference: PaymentReferenceInput.optional(),
      clientInformation: ClientInformationInput.optional(),
      /** From `session:approve` for `payment.over_offline_cap`: single use, two minutes. */
      approvalId: z.uuid().optional(),
      /**
       * Which cap the approval lifts: `over_offline_cap` (default) or `over_pending_total`
       * (approved as `payment.over_pending_total`; it lifts the offline cap too).
       */
      approvalFor: z.enum(['over_offline_cap', 'over_pending_total']).optional()
    }),
    access: 'signedIn'
  }),
  'payments:get': channel<PaymentReceipt>()({
    input: z.strictObject({ paymentId: z.string().min(1).max(64) }),
    access: 'signedIn'
  }),
  /**
   * "Buscar pago": one query read as a receipt number (`CAJA-01-000042`, or the sequence alone),
   * a receipt's QR code (`RECIBO-CAJA-01-000042`), a NIT or cédula, or a bill number.
   */
  'payments:search': channel<PaymentSearchView>()({
    input: z.strictObject({ query: z.string().trim().min(1).max(80) }),
    access: 'signedIn'
  }),
  'payments:checkout': channel<CheckoutView>()({
    input: z.strictObject({
      idType: IdTypeInput,
      identification: IdentificationInput,
      bills: z.array(BillToPayInput).min(1).max(50),
      clientInformation: ClientInformationInput.optional()
    }),
    access: 'signedIn'
  }),
  'payments:validateSignature': channel<ValidatePaymentResponse>()({
    input: z.strictObject({ signature: z.string().trim().min(1).max(200) }),
    access: 'signedIn'
  }),
  'payments:validateCoupon': channel<ValidatePaymentResponse>()({
    input: z.strictObject({
      couponType: z.string().trim().min(1).max(40),
      couponNumber: z.string().trim().min(1).max(80)
    }),
    access: 'signedIn'
  })
} as const
