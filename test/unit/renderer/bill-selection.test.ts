import { describe, expect, it } from 'vitest'
import {
  changeDue,
  isPayable,
  selectionTotal,
  toggleBill,
  type SelectableBill
} from '@renderer/store/bill-selection'

const bill = (billNo: string, amount: number, extra: Partial<SelectableBill> = {}) => ({
  billNo,
  contractId: '1000200',
  amount,
  paid: false,
  ...extra
})

describe('bill selection', () => {
  it('ticks and unticks bills and sums them', () => {
    const a = bill('A', 50_000)
    const b = bill('B', 62_345)
    const both = toggleBill(toggleBill([], a), b)
    expect(selectionTotal(both)).toBe(112_345)
    expect(toggleBill(both, { ...a })).toEqual([b])
  })

  it('tells bills on different contracts apart', () => {
    const a = bill('A', 1)
    const sameNumberOtherContract = { ...bill('A', 2), contractId: '999' }
    expect(toggleBill([a], sameNumberOtherContract)).toHaveLength(2)
  })

  it('never ticks a paid bill or one this terminal already took money for', () => {
    expect(toggleBill([], bill('P', 1, { paid: true }))).toEqual([])
    expect(toggleBill([], bill('Q', 1, { outboxState: 'queued' }))).toEqual([])
    expect(toggleBill([], bill('U', 1, { outboxState: 'uncertain' }))).toEqual([])
    expect(isPayable(bill('R', 1, { outboxState: 'rejected' }))).toBe(true)
  })

  it('computes change only when the cash covers the total', () => {
    expect(changeDue(112_345, 150_000)).toBe(37_655)
    expect(changeDue(112_345, 112_345)).toBe(0)
    expect(changeDue(112_345, 100_000)).toBeNull()
    expect(changeDue(112_345, null)).toBeNull()
  })
})
