import { AppError } from '@shared/errors'

/** Whole Colombian pesos. Always an integer: COP has no cents in practice. */
export type Pesos = number

export type MoneyLanguage = 'es' | 'en'

/**
 * Reads an API amount ('125000', '125000.00', '0'). Cents other than zero cannot be paid in
 * cash, so they are an error rather than something to round.
 */
export function parseApiAmount(value: string): Pesos {
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(value.trim())
  if (!match || !/^0*$/.test(match[2] ?? '')) {
    throw new AppError('amount_invalid', { value }, `Monto inválido: ${value}`)
  }
  return Number(match[1])
}

function isPesos(p: number): boolean {
  return Number.isSafeInteger(p) && p >= 0
}

export function toApiAmount(p: Pesos): string {
  if (!isPesos(p)) throw new AppError('amount_invalid', { value: String(p) })
  return String(p)
}

const formatters = new Map<MoneyLanguage, Intl.NumberFormat>()

function formatterFor(language: MoneyLanguage): Intl.NumberFormat {
  let formatter = formatters.get(language)
  if (!formatter) {
    formatter = new Intl.NumberFormat(language === 'en' ? 'en-US' : 'es-CO', {
      style: 'currency',
      currency: 'COP',
      maximumFractionDigits: 0,
      minimumFractionDigits: 0
    })
    formatters.set(language, formatter)
  }
  return formatter
}

/**
 * `$ 125.000` (es) or `COP 125,000` (en). ICU puts a non-breaking space after the symbol, which
 * keeps a receipt line from wrapping between sign and number.
 */
export function formatCop(p: Pesos, language: MoneyLanguage = 'es'): string {
  return formatterFor(language).format(p)
}

/**
 * Reads what a cashier types: '125000', '125.000', '$ 125.000', '125.000,00', '125,000.00'.
 * A separator followed by exactly three digits groups thousands; followed by one or two digits it
 * starts decimals, which must be zero. Anything else (cents, negatives, mixed grouping) is
 * undefined, so a typo never turns into a different amount.
 */
export function parseCopInput(text: string): Pesos | undefined {
  let s = text.replace(/\s+/g, '')
  s = s.replace(/^(?:\$|COP\$?)/i, '').replace(/COP$/i, '')
  if (!/^\d[\d.,]*$/.test(s)) return undefined

  const decimals = /([.,])(\d{1,2})$/.exec(s)
  if (decimals) {
    const [, separator = '', digits = ''] = decimals
    if (!/^0+$/.test(digits)) return undefined
    s = s.slice(0, decimals.index)
    // The decimal separator cannot also group thousands: '1,250,00' is a typo, not 1250.
    if (s.includes(separator)) return undefined
  }
  if (!/^(?:\d+|\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+)$/.test(s)) return undefined
  const pesos = Number(s.replace(/[.,]/g, ''))
  return Number.isSafeInteger(pesos) ? pesos : undefined
}

/** Throws unless `p` is a whole amount above zero and, when a cap is given, not above it. */
export function assertPositiveAmount(p: Pesos, cap?: Pesos): void {
  if (!Number.isSafeInteger(p)) throw new AppError('amount_invalid', { value: String(p) })
  if (p <= 0) throw new AppError('amount_not_positive')
  if (cap !== undefined && p > cap) throw new AppError('amount_over_cap', { cap })
}
