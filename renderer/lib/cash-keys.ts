/**
 * The pay screen's cash helpers: the quick-cash amounts a customer is likely to hand over, and
 * the tendered amount formatted es-CO while it is typed ('125000' reads '125.000').
 */

/** Notes and round sums Colombian customers pay with, smallest first. */
const ROUND_STEPS = [10_000, 20_000, 50_000, 100_000] as const

/**
 * The next round amounts above `total` (one per step, the smallest multiple of it that exceeds
 * the total), without repeats, ascending. The exact amount has its own key, so a total that is
 * already round yields the next multiple, not itself.
 */
export function quickCashAmounts(total: number): number[] {
  if (!Number.isSafeInteger(total) || total <= 0) return []
  const amounts = new Set<number>()
  for (const step of ROUND_STEPS) amounts.add((Math.floor(total / step) + 1) * step)
  return [...amounts].sort((a, b) => a - b)
}

/** Groups of three with dots, as es-CO writes pesos. */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

/**
 * The text as the field should show it: digits (with any dots, spaces or a leading '$' the
 * cashier typed) regrouped es-CO. Anything else, a comma included, is left as typed so the
 * validation can say what is wrong instead of the field guessing at cents.
 */
export function formatPesosAsTyped(text: string): string {
  if (!/^\s*\$?[\d.\s]*$/.test(text)) return text
  const digits = text.replace(/\D/g, '').replace(/^0+(?=\d)/, '')
  return digits === '' ? '' : groupThousands(digits)
}
