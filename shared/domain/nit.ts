import { AppError } from '@shared/errors'

/** DIAN weights, applied from the rightmost digit of the base leftwards. */
const NIT_WEIGHTS = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71] as const

export const NIT_MAX_DIGITS = NIT_WEIGHTS.length

/** The DIAN check digit ("dígito de verificación") of a NIT base (digits only, no DV). */
export function nitCheckDigit(base: string): number {
  if (!/^\d+$/.test(base) || base.length > NIT_MAX_DIGITS) {
    throw new AppError('nit_invalid', { max: NIT_MAX_DIGITS }, 'NIT inválido')
  }
  let sum = 0
  for (let i = 0; i < base.length; i++) {
    const digit = base.charCodeAt(base.length - 1 - i) - 48
    sum += digit * (NIT_WEIGHTS[i] ?? 0)
  }
  const r = sum % 11
  return r <= 1 ? r : 11 - r
}

/** Dots are only accepted as thousands separators, so "9.00.123" is not taken for a NIT. */
const NIT_BASE_PATTERN = /^(?:\d+|\d{1,3}(?:\.\d{3})+)$/

/**
 * True for a NIT written with its check digit after a dash: `900123456-7`, `900.123.456-7`.
 * Without a dash the last digit cannot be told apart from the base, so `9001234567` is false.
 */
export function isValidNit(full: string): boolean {
  const match = /^([\d.]+)-(\d)$/.exec(full.replace(/\s+/g, ''))
  if (!match) return false
  const [, written = '', dv = ''] = match
  if (!NIT_BASE_PATTERN.test(written)) return false
  const base = written.replace(/\./g, '')
  if (base.length > NIT_MAX_DIGITS) return false
  return nitCheckDigit(base) === Number(dv)
}

/** `900123456` → `900.123.456-7`. Throws AppError('nit_invalid') for a base that is not a NIT. */
export function formatNit(base: string): string {
  const dv = nitCheckDigit(base)
  return `${base.replace(/\B(?=(\d{3})+$)/g, '.')}-${dv}`
}
