import { describe, expect, it } from 'vitest'
import { COUPON_TYPES, matchCouponType } from '@shared/domain/coupon'

describe('coupon types', () => {
  it('matches what a cashier types without regard to case, accents or spaces', () => {
    expect(matchCouponType('cupon')).toBe('CUPON')
    expect(matchCouponType(' Cupón ')).toBe('CUPON')
    expect(matchCouponType('efecty')).toBe('EFECTY')
    expect(COUPON_TYPES.map((type) => matchCouponType(type.toLowerCase()))).toEqual([
      ...COUPON_TYPES
    ])
  })

  it('names no type for anything else', () => {
    expect(matchCouponType('cupones')).toBeUndefined()
    expect(matchCouponType('')).toBeUndefined()
  })
})
