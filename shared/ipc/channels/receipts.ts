import { z } from 'zod'
import { channel } from '@shared/ipc/channel'

export type PrintKind = 'receipt' | 'copy' | 'closing'

/** What a print request did. `file` is set when a PDF was written (save as PDF, or the harness). */
export interface PrintResultView {
  printed: boolean
  /** The cashier closed the system print dialog without printing. */
  cancelled?: boolean
  file?: string
}

const PaymentIdInput = z.string().trim().min(1).max(64)

export const receiptChannels = {
  /** The receipt as a self-contained HTML document (no scripts), for an on-screen preview. */
  'receipts:preview': channel<{ html: string }>()({
    input: z.strictObject({ paymentId: PaymentIdInput, reprint: z.boolean().default(false) }),
    access: 'signedIn'
  }),
  /** `reprint: true` prints "COPIA" with the reprint time and is audited. */
  'receipts:print': channel<PrintResultView>()({
    input: z.strictObject({ paymentId: PaymentIdInput, reprint: z.boolean().default(false) }),
    access: 'signedIn'
  }),
  'receipts:savePdf': channel<PrintResultView>()({
    input: z.strictObject({ paymentId: PaymentIdInput, reprint: z.boolean().default(false) }),
    access: 'signedIn'
  }),
  'receipts:printClosing': channel<PrintResultView>()({
    input: z.strictObject({
      shiftId: z.number().int().positive(),
      pdf: z.boolean().default(false)
    }),
    access: 'signedIn'
  })
} as const
