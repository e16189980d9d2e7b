/** Input pieces several channels share. Shape checks only; domain rules run in main. */
import { z } from 'zod'
import type { IdType } from '@shared/domain/identification'
import { ID_TYPES } from '@shared/domain/identification'

const ID_TYPE_CODES = ID_TYPES.map((t) => t.code) as [IdType, ...IdType[]]

export const IdTypeInput = z.enum(ID_TYPE_CODES)
/** Checked (length, charset, NIT check digit) by `validateIdentification` in main. */
export const IdentificationInput = z.string().trim().min(1).max(32)
export const ContractIdInput = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'contractId must be digits')
export const BillNoInput = z.string().trim().min(1).max(40)
/** Whole pesos. */
export const PesosInput = z.number().int().nonnegative().max(999_999_999_999)
export const IsoDateInput = z.string().trim().min(10).max(40)

export const EmptyInput = z.strictObject({})

export const BillToPayInput = z.strictObject({
  billNo: BillNoInput,
  contractId: ContractIdInput,
  amount: PesosInput.positive()
})

/**
 * A bill to pay at the counter. `unverified`: scanned offline and never looked up, `billNo` is
 * the barcode's reference and `dueDate` its due date; main queues it to be checked with Tigo.
 */
export const CounterBillInput = BillToPayInput.extend({
  unverified: z.strictObject({ dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).optional()
})

export const ClientInformationInput = z.strictObject({
  email: z.string().max(200).optional(),
  firstName: z.string().max(100).optional(),
  lastName: z.string().max(100).optional(),
  phone: z.string().max(40).optional(),
  userIp: z.string().max(64).optional()
})

/** A method's reference as typed; `shared/domain/payment-reference` checks it per method in main. */
export const PaymentReferenceInput = z.strictObject({
  approvalCode: z.string().max(40).optional(),
  cardLast4: z.string().max(20).optional(),
  bank: z.string().max(80).optional(),
  checkNumber: z.string().max(40).optional(),
  transferReference: z.string().max(60).optional()
})
