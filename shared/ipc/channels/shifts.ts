import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { PaymentReference } from '@shared/domain/payment-reference'
import type { OutboxState, PaymentMethod, PersonView } from '@shared/ipc/views'
import { PAYMENT_METHODS } from '@shared/ipc/views'
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

/** Colombian cash the drawer counts, largest first: bills, then coins (a $ 1.000 of each). */
export const DENOMINATIONS = [
  { key: 'b100000', value: 100_000, kind: 'bill' },
  { key: 'b50000', value: 50_000, kind: 'bill' },
  { key: 'b20000', value: 20_000, kind: 'bill' },
  { key: 'b10000', value: 10_000, kind: 'bill' },
  { key: 'b5000', value: 5_000, kind: 'bill' },
  { key: 'b2000', value: 2_000, kind: 'bill' },
  { key: 'b1000', value: 1_000, kind: 'bill' },
  { key: 'c1000', value: 1_000, kind: 'coin' },
  { key: 'c500', value: 500, kind: 'coin' },
  { key: 'c200', value: 200, kind: 'coin' },
  { key: 'c100', value: 100, kind: 'coin' },
  { key: 'c50', value: 50, kind: 'coin' }
] as const

export type DenominationKey = (typeof DENOMINATIONS)[number]['key']
const DENOMINATION_KEYS = DENOMINATIONS.map((d) => d.key) as [DenominationKey, ...DenominationKey[]]

/** How many pieces of each denomination were counted in the drawer. */
export type CashCount = Partial<Record<DenominationKey, number>>

/** Pesos in a drawer counted by denomination. */
export function cashCountTotal(count: CashCount): number {
  return DENOMINATIONS.reduce((sum, d) => sum + (count[d.key] ?? 0) * d.value, 0)
}

/** The approval a closing needs when a difference is above the supervisor threshold. */
export const CLOSING_APPROVAL_ACTION = 'shift.close_difference'

/**
 * Payments of batch imports confirmed during the shift: money collected on paper elsewhere, so
 * never part of the drawer's count. Reported apart, per method.
 */
export interface ImportedPaymentsView {
  batches: number
  payments: number
  total: number
  lines: { method: PaymentMethod; payments: number; taken: number }[]
}

export interface ShiftSummaryView {
  shift: ShiftView
  paymentsCount: number
  paymentsTotal: number
  cashIn: number
  cashOut: number
  lines: ExpectedLine[]
  /** Sum over every method (cash line + other methods' totals); NOT what the drawer holds. */
  expectedTotal: number
  unsettled: UnsettledItemView[]
  /** Absent in reports stored before batch imports were tied to shifts. */
  imported?: ImportedPaymentsView
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
  /** The drawer counted by denomination (blind count); absent when only a total was given. */
  cashCount?: CashCount
  /** Why the counts differ from the expected amounts (required when any does). */
  differenceReason?: string | null
  /** The supervisor who approved a difference above the threshold. */
  approvedBy?: PersonView | null
  /** The threshold in force at closing: a difference above it needed a supervisor. */
  approvalAbove?: number
  imported?: ImportedPaymentsView
}

export type CountedInput = Partial<Record<PaymentMethod, number>>

const CountedSchema = z.partialRecord(z.enum(PAYMENT_METHODS), PesosInput)
const CashCountSchema = z.partialRecord(
  z.enum(DENOMINATION_KEYS),
  z.number().int().min(0).max(1_000_000)
)

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
      notes: z.string().trim().max(1000).optional(),
      /** The drawer by denomination; its sum is the cash count (and must match `counted.cash`). */
      cashCount: CashCountSchema.optional(),
      /** Required when any count differs from what was expected. */
      differenceReason: z.string().trim().max(500).optional(),
      /** A supervisor's approval (`shift.close_difference`) for a difference above the threshold. */
      approvalId: z.uuid().optional()
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
