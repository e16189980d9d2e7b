import { z } from 'zod'
import { channel } from '../channel'
import type { PaymentReference } from '../../domain/payment-reference'
import type { OutboxState, PaymentMethod, PersonView } from '../views'
import { PAYMENT_METHODS } from '../views'
import { EmptyInput, PesosInput } from './common'

/** A cashier's turn at one terminal, from the opening float to the closing count. */
export interface ShiftView {
  id: number
  terminalId: string
  cashier: PersonView
  openedAt: string
  /** Whole pesos in the drawer at opening. */
  openingFloat: number
  closedAt: string | null
  closedBy: string | null
  notes: string | null
}

export type CashMovementKind = 'in' | 'out'

export interface CashMovementView {
  id: number
  shiftId: number
  at: string
  kind: CashMovementKind
  amount: number
  reason: string
  actor: string
}

/** What one payment method should hold. For cash: float + cash payments + ins − outs. */
export interface ExpectedLine {
  method: PaymentMethod
  payments: number
  /** Sum of the payments taken with this method. */
  taken: number
  expected: number
}

/** A bill of the shift that Tigo has not confirmed: the closing goes on, but says so. */
export interface UnsettledItemView {
  paymentId: string
  receiptNo: number
  billNo: string
  amount: number
  state: OutboxState
}

export interface ShiftSummaryView {
  shift: ShiftView
  paymentsCount: number
  paymentsTotal: number
  cashIn: number
  cashOut: number
  lines: ExpectedLine[]
  expectedTotal: number
  unsettled: UnsettledItemView[]
}

export interface ClosingLine extends ExpectedLine {
  /** null: not counted at closing. */
  counted: number | null
  /** counted − expected: positive is a surplus ("sobrante"), negative a shortage ("faltante"). */
  difference: number | null
}

export interface ClosingTotals {
  payments: number
  taken: number
  expected: number
  counted: number
  /** Sum of the differences of the counted methods. */
  difference: number
}

/** A card, cheque or transfer payment of the shift with its own reference (issue 13). */
export interface ReferencedPaymentView {
  paymentId: string
  receiptNo: number
  method: PaymentMethod
  amount: number
  /** null for payments taken before references were recorded. */
  reference: PaymentReference | null
}

export interface ClosingReport {
  shift: ShiftView
  movements: CashMovementView[]
  cashIn: number
  cashOut: number
  lines: ClosingLine[]
  totals: ClosingTotals
  unsettled: UnsettledItemView[]
  /** Non-cash payments with their references; absent from reports closed before issue 13. */
  referenced?: ReferencedPaymentView[]
  notes: string | null
}

export type CountedInput = Partial<Record<PaymentMethod, number>>

const CountedSchema = z.partialRecord(z.enum(PAYMENT_METHODS), PesosInput)

export const shiftChannels = {
  /** The open shift of this terminal, or null. */
  'shifts:current': channel<ShiftView | null>()({ input: EmptyInput, access: 'signedIn' }),
  'shifts:open': channel<ShiftView>()({
    input: z.strictObject({ openingFloat: PesosInput }),
    access: 'signedIn'
  }),
  'shifts:cashMove': channel<CashMovementView>()({
    input: z.strictObject({
      kind: z.enum(['in', 'out']),
      amount: PesosInput.positive(),
      reason: z.string().trim().min(1).max(200)
    }),
    access: 'signedIn'
  }),
  /** The open shift when `shiftId` is left out. */
  'shifts:summary': channel<ShiftSummaryView>()({
    input: z.strictObject({ shiftId: z.number().int().positive().optional() }),
    access: 'signedIn'
  }),
  'shifts:close': channel<ClosingReport>()({
    input: z.strictObject({
      counted: CountedSchema,
      notes: z.string().trim().max(1000).optional()
    }),
    access: 'signedIn'
  }),
  'shifts:history': channel<ShiftView[]>()({
    input: z.strictObject({
      allTerminals: z.boolean().default(false),
      limit: z.number().int().min(1).max(500).default(50)
    }),
    access: 'signedIn'
  }),
  /** The stored closing report of a closed shift (to view or reprint it). */
  'shifts:report': channel<ClosingReport>()({
    input: z.strictObject({ shiftId: z.number().int().positive() }),
    access: 'signedIn'
  }),
  'shifts:exportCsv': channel<{ fileName: string; csv: string }>()({
    input: z.strictObject({ shiftId: z.number().int().positive() }),
    access: 'signedIn'
  })
} as const
