/**
 * zod schemas of the Tigo B2B CO Billing v2 models (see the seed contract).
 *
 * Tolerant of extra fields (`looseObject`), strict on the fields the app relies on:
 * a bill without `billNo`, `billAmount` or `billStatus` cannot be paid safely, so it fails
 * validation instead of reaching the cashier half-understood.
 */
import { z } from 'zod'

/** Amounts travel as strings of whole pesos, sometimes with two decimals ("125000.00"). */
export const ApiAmount = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,2})?$/, 'amount must be a non-negative decimal string')

export const LocalAddress = z.looseObject({
  address: z.string().optional(),
  geographicPlace: z.record(z.string(), z.unknown()).optional()
})
export type LocalAddress = z.infer<typeof LocalAddress>

export const ContractCharacteristics = z.looseObject({
  cycle: z.string().optional(),
  deliveryMethod: z.string().optional()
})
export type ContractCharacteristics = z.infer<typeof ContractCharacteristics>

export const BillList = z.looseObject({
  billNo: z.string().min(1),
  billDate: z.string().optional(),
  billAmount: ApiAmount,
  paymentDueDate: z.string().optional(),
  billClaimStatus: z.string().optional(),
  /** Read only through `isBillPaid()` in shared/domain/bill-status.ts. */
  billStatus: z.boolean(),
  billingSystem: z.string().optional(),
  referencePayment: z.string().optional(),
  localAddress: LocalAddress.optional()
})
export type BillList = z.infer<typeof BillList>

export const BillsCollection = z.array(BillList)
export type BillsCollection = z.infer<typeof BillsCollection>

export const ContractsItem = z.looseObject({
  contractId: z.string().regex(/^\d+$/, 'contractId must be numeric'),
  contractCharacteristics: z.array(ContractCharacteristics).optional(),
  localAddress: LocalAddress.optional(),
  billsCollection: BillsCollection.optional()
})
export type ContractsItem = z.infer<typeof ContractsItem>

export const ContractsDetails = z.looseObject({
  identification: z.string().min(1),
  organization: z.record(z.string(), z.unknown()),
  contractsCollection: z.array(ContractsItem)
})
export type ContractsDetails = z.infer<typeof ContractsDetails>

export const Payment = z.looseObject({
  paymentDay: z.string().optional(),
  paymentMethod: z.string().optional(),
  bankingEntity: z.string().optional()
})
export type Payment = z.infer<typeof Payment>

/** The seed types the bill-payments answer as one `Payment`; a list is accepted too. */
export const BillPayments = z
  .union([z.array(Payment), Payment])
  .transform((value) => (Array.isArray(value) ? value : [value]))
export type BillPayments = z.infer<typeof BillPayments>

export const PartyCharacteristics = z.looseObject({
  plusCustomer: z.boolean(),
  webBillStatus: z.string().optional(),
  contactPhone: z.string().optional(),
  contactEmail: z.string().optional()
})
export type PartyCharacteristics = z.infer<typeof PartyCharacteristics>

export const ClientInformation = z.looseObject({
  email: z.string().optional(),
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  phone: z.string().optional(),
  userIp: z.string().optional()
})
export type ClientInformation = z.infer<typeof ClientInformation>

/** One bill in a checkout/register request (the seed leaves `BillListRequest` items open). */
export const BillRequestItem = z.looseObject({
  billNo: z.string().min(1),
  contractId: z.string().regex(/^\d+$/),
  billAmount: ApiAmount,
  referencePayment: z.string().optional()
})
export type BillRequestItem = z.infer<typeof BillRequestItem>

export const CheckoutPaymentRequest = z.looseObject({
  intent: z.string().optional(),
  clientInformation: ClientInformation.optional(),
  billsCollection: z.array(BillRequestItem).optional(),
  confirmationUrl: z.string().optional(),
  paymentData: z.record(z.string(), z.unknown()).optional()
})
export type CheckoutPaymentRequest = z.infer<typeof CheckoutPaymentRequest>

export const CheckoutPaymentResponse = z.looseObject({
  description: z.string().optional(),
  error: z.number().int().optional(),
  signature: z.string().optional(),
  url: z.string().optional()
})
export type CheckoutPaymentResponse = z.infer<typeof CheckoutPaymentResponse>

/** Bill reference → registered or not; each bill succeeds or fails on its own. */
export const RegisterPaymentResponse = z.record(z.string(), z.boolean())
export type RegisterPaymentResponse = z.infer<typeof RegisterPaymentResponse>

const NumberOrNumericString = z.union([z.number(), z.string()])

export const ValidatePaymentResponse = z.looseObject({
  payment_id: z.string().optional(),
  partner: z.string().optional(),
  refSale: z.string().optional(),
  state: z.string().optional(),
  startDate: z.string().optional(),
  amount: z.string().optional(),
  taxValue: z.string().optional(),
  baseTax: z.string().optional(),
  description: z.string().optional(),
  pay_method: z.string().optional(),
  trazabilityCode: z.string().optional(),
  email: z.string().optional(),
  document: NumberOrNumericString.optional(),
  documentType: z.string().optional(),
  userName: z.string().optional(),
  userLastName: z.string().optional(),
  userTelephone: z.string().optional(),
  bankName: z.string().optional(),
  franchise: z.string().optional(),
  cycleNumber: NumberOrNumericString.optional(),
  solicitedDate: z.string().optional()
})
export type ValidatePaymentResponse = z.infer<typeof ValidatePaymentResponse>

export const ErrorBody = z.looseObject({
  error: z
    .looseObject({
      statusCode: z.string().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
      developerMessage: z.string().optional()
    })
    .optional()
})
export type ErrorBody = z.infer<typeof ErrorBody>

/** Apigee token answer: every value is a string, `token_type` is "BearerToken". */
export const TokenResponse = z.looseObject({
  access_token: z.string().min(1),
  expires_in: z.string().regex(/^\d+$/),
  issued_at: z.string().regex(/^\d+$/).optional(),
  token_type: z.string().optional(),
  status: z.string().optional(),
  client_id: z.string().optional(),
  application_name: z.string().optional(),
  scope: z.string().optional()
})
export type TokenResponse = z.infer<typeof TokenResponse>

export const TokenErrorBody = z.looseObject({
  ErrorCode: z.string().optional(),
  Error: z.string().optional()
})
