/**
 * The coupon types Tigo's validate-by-coupon endpoint accepts (`couponId`, see the contract and
 * the simulator's seed). A cashier may type one in any case, with or without accents: "cupón" is
 * CUPON.
 */
export const COUPON_TYPES = ['CUPON', 'PSE', 'EFECTY', 'BALOTO'] as const
export type CouponType = (typeof COUPON_TYPES)[number]

/** The accepted type the text names, ignoring case, accents and spaces around; or undefined. */
export function matchCouponType(text: string): CouponType | undefined {
  const wanted = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toUpperCase()
  return COUPON_TYPES.find((type) => type === wanted)
}
