import { describe, expect, it } from 'vitest'
import type { OutboxItem } from '@main/store/types'
import { answerFor, buildRegisterBody, groupForRegister } from '@main/sync/register-request'

let nextId = 1
function item(partial: Partial<OutboxItem>): OutboxItem {
  const id = nextId++
  return {
    id,
    paymentId: `p${id}`,
    billNo: `B${id}`,
    contractId: '100',
    reference: null,
    amount: 1_000,
    dueDate: null,
    state: 'sending',
    attempts: 1,
    lastError: null,
    nextAttemptAt: 0,
    createdAt: 0,
    updatedAt: 0,
    registeredAt: null,
    rejectedReason: null,
    unverified: false,
    idType: 'NIT',
    identification: '900123456',
    method: 'cash',
    paymentCreatedAt: '2025-01-01T10:00:00.000Z',
    clientInformation: null,
    methodReference: null,
    receiptNo: id,
    terminalId: 'T-1',
    ...partial
  }
}

describe('grouping due items into register requests', () => {
  it('puts one customer and method in one request, others apart', () => {
    const a1 = item({})
    const a2 = item({ paymentId: 'other' })
    const b = item({ identification: '800111222' })
    const card = item({ method: 'debit_card' })
    const groups = groupForRegister([a1, b, a2, card], 10)
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([[a1.id, a2.id], [b.id], [card.id]])
  })

  it('keeps payments taken at different terminals in different requests', () => {
    const here = item({ terminalId: 'T-1' })
    const there = item({ terminalId: 'T-2' })
    const hereAgain = item({ terminalId: 'T-1' })
    const groups = groupForRegister([here, there, hereAgain], 10)
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([
      [here.id, hereAgain.id],
      [there.id]
    ])
  })

  it('keeps card payments with different approval codes in different requests', () => {
    const card = { approvalCode: 'A1B2C3', cardLast4: '4242' }
    const first = item({ method: 'credit_card', methodReference: card })
    const sameCard = item({ method: 'credit_card', methodReference: { ...card } })
    const other = item({
      method: 'credit_card',
      methodReference: { approvalCode: 'Z9Y8X7', cardLast4: '4242' }
    })
    const groups = groupForRegister([first, other, sameCard], 10)
    expect(groups.map((g) => g.items.map((i) => i.id))).toEqual([
      [first.id, sameCard.id],
      [other.id]
    ])
  })

  it('caps a request at batchSize bills', () => {
    const items = Array.from({ length: 7 }, () => item({}))
    expect(groupForRegister(items, 3).map((g) => g.items.length)).toEqual([3, 3, 1])
  })

  it('never puts the same bill twice in one request', () => {
    const first = item({ billNo: 'SAME' })
    const second = item({ billNo: 'SAME' })
    expect(groupForRegister([first, second], 10).map((g) => g.items.length)).toEqual([1, 1])
  })
})

describe('the register body', () => {
  it('lists each bill with its amount in pesos and the payment data', () => {
    const a = item({
      billNo: 'X1',
      reference: '0000001234',
      amount: 125_000,
      paymentId: 'p-a',
      receiptNo: 41,
      terminalId: 'CAJA-7'
    })
    const b = item({
      billNo: 'X2',
      amount: 5_000,
      paymentId: 'p-b',
      paymentCreatedAt: '2024-12-31T09:00:00.000Z',
      receiptNo: 42,
      terminalId: 'CAJA-7'
    })
    const [group] = groupForRegister([a, b], 10)
    expect(buildRegisterBody(group!)).toEqual({
      intent: 'register',
      billsCollection: [
        { billNo: 'X1', contractId: '100', billAmount: '125000', referencePayment: '0000001234' },
        { billNo: 'X2', contractId: '100', billAmount: '5000' }
      ],
      paymentData: {
        method: 'cash',
        paymentMethod: 'cash',
        bankingEntity: 'Caja CAJA-7',
        localPaymentIds: ['p-a', 'p-b'],
        terminalId: 'CAJA-7',
        receiptNumbers: [41, 42],
        paidAt: '2024-12-31T09:00:00.000Z'
      }
    })
  })

  it('names a receipt once when a payment of several bills shares a request', () => {
    const first = item({ paymentId: 'p-1', receiptNo: 7 })
    const second = item({ paymentId: 'p-1', receiptNo: 7 })
    const other = item({ paymentId: 'p-2', receiptNo: 8 })
    const [group] = groupForRegister([first, second, other], 10)
    expect(buildRegisterBody(group!).paymentData).toMatchObject({
      localPaymentIds: ['p-1', 'p-2'],
      receiptNumbers: [7, 8]
    })
  })
})

describe("the method's reference in paymentData", () => {
  it('sends the datáfono approval code and the last four digits of a card', () => {
    const card = item({
      method: 'debit_card',
      methodReference: { approvalCode: '123ABC', cardLast4: '0042' }
    })
    const [group] = groupForRegister([card], 10)
    expect(buildRegisterBody(group!).paymentData).toMatchObject({
      method: 'debit_card',
      approvalCode: '123ABC',
      cardLast4: '0042'
    })
  })

  it("sends a cheque's bank and number and a transfer's bank and reference", () => {
    const cheque = item({
      method: 'check',
      methodReference: { bank: 'Bancolombia', checkNumber: '00012345' }
    })
    const transfer = item({
      method: 'transfer',
      methodReference: { bank: 'Davivienda', transferReference: 'TRX-998877' }
    })
    const [chequeGroup, transferGroup] = groupForRegister([cheque, transfer], 10)
    expect(buildRegisterBody(chequeGroup!).paymentData).toMatchObject({
      bank: 'Bancolombia',
      checkNumber: '00012345'
    })
    expect(buildRegisterBody(transferGroup!).paymentData).toMatchObject({
      bank: 'Davivienda',
      transferReference: 'TRX-998877'
    })
  })

  it('adds nothing for cash', () => {
    const [group] = groupForRegister([item({})], 10)
    const data = buildRegisterBody(group!).paymentData ?? {}
    for (const field of ['approvalCode', 'cardLast4', 'bank', 'checkNumber', 'transferReference']) {
      expect(data).not.toHaveProperty(field)
    }
  })
})

describe("reading Tigo's answer", () => {
  it('finds a bill by number, or by payment reference', () => {
    expect(answerFor({ B1: true }, { billNo: 'B1', reference: null })).toBe(true)
    expect(answerFor({ R9: false }, { billNo: 'B1', reference: 'R9' })).toBe(false)
    expect(answerFor({}, { billNo: 'B1', reference: 'R9' })).toBeUndefined()
  })
})
