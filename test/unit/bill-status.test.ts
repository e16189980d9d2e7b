import { describe, expect, it } from 'vitest'
import { billStatusFor, isBillPaid } from '@shared/domain/bill-status'

describe('bill status reading', () => {
  it('reads billStatus true as paid and round-trips through billStatusFor', () => {
    expect(isBillPaid({ billStatus: true })).toBe(true)
    expect(isBillPaid({ billStatus: false })).toBe(false)
    expect(isBillPaid({ billStatus: billStatusFor(true) })).toBe(true)
    expect(isBillPaid({ billStatus: billStatusFor(false) })).toBe(false)
  })
})
