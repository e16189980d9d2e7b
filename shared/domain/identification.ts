import type { ErrorCode } from '@shared/errors'
import { nitCheckDigit } from './nit'

export type IdType =
  'NIT' | 'CC' | 'CE' | 'TI' | 'PP' | 'RC' | 'TE' | 'PEP' | 'NUIP' | 'DE' | 'NITE'

export interface IdTypeInfo {
  code: IdType
  /** DIAN document type code, as a string because that is how it travels in a URL path. */
  dianCode: string
  labelKey: `idType.${IdType}`
  /** Alphanumeric numbers are upper-cased on validation. */
  charset: 'digits' | 'alphanumeric'
  /** Length of the number as sent to the API (for NIT: the base, without check digit). */
  minLength: number
  maxLength: number
}

function info(
  code: IdType,
  dianCode: string,
  charset: IdTypeInfo['charset'],
  minLength: number,
  maxLength: number
): IdTypeInfo {
  return { code, dianCode, labelKey: `idType.${code}`, charset, minLength, maxLength }
}

// Lengths are deliberately permissive: old cédulas are short, foreign documents vary. They only
// catch obvious typos; the API is the authority on whether a customer exists.
export const ID_TYPES: readonly IdTypeInfo[] = Object.freeze([
  info('NIT', '31', 'digits', 5, 15),
  info('CC', '13', 'digits', 3, 10),
  info('CE', '22', 'digits', 3, 10),
  info('TI', '12', 'digits', 6, 11),
  info('PP', '41', 'alphanumeric', 3, 20),
  info('RC', '11', 'digits', 6, 11),
  info('TE', '21', 'digits', 3, 10),
  info('PEP', '47', 'alphanumeric', 3, 20),
  info('NUIP', '91', 'digits', 6, 11),
  info('DE', '42', 'alphanumeric', 3, 20),
  info('NITE', '50', 'alphanumeric', 3, 20)
])

const BY_CODE = new Map<IdType, IdTypeInfo>(ID_TYPES.map((t) => [t.code, t]))

export function idTypeInfo(type: IdType): IdTypeInfo {
  const found = BY_CODE.get(type)
  if (!found) throw new Error(`unknown id type ${String(type)}`)
  return found
}

/**
 * How the API names an id type. The seed types `idType` as a free string and does not say
 * whether Tigo wants `CC` or `13`, so this is the one place that decides; the style is a setting.
 */
export type ApiIdTypeStyle = 'letters' | 'dian'

export function toApiIdType(type: IdType, style: ApiIdTypeStyle = 'letters'): string {
  const found = idTypeInfo(type)
  return style === 'dian' ? found.dianCode : found.code
}

/** Common spellings that are not our codes. */
const ALIASES: Readonly<Record<string, IdType>> = { PA: 'PP' }

/** Reads an id type in either API style, case-insensitive: 'nit', '31', 'CC', ' 13 '. */
export function parseIdType(value: string): IdType | undefined {
  const wanted = value.trim().toUpperCase()
  if (wanted === '') return undefined
  const found = ID_TYPES.find((t) => t.code === wanted || t.dianCode === wanted)
  return found?.code ?? ALIASES[wanted]
}

export type IdentificationResult =
  | { ok: true; value: string; checkDigit?: number }
  | { ok: false; code: ErrorCode; params?: Record<string, string | number> }

function lengthError(found: IdTypeInfo): IdentificationResult {
  return {
    ok: false,
    code: 'identification_length',
    params: { type: found.code, min: found.minLength, max: found.maxLength }
  }
}

function validateNit(found: IdTypeInfo, cleaned: string): IdentificationResult {
  const match = /^(\d+)(?:-(\d))?$/.exec(cleaned)
  if (!match) return { ok: false, code: 'nit_format' }
  const [, base = '', dv] = match
  if (base.length < found.minLength || base.length > found.maxLength) return lengthError(found)
  const expected = nitCheckDigit(base)
  if (dv !== undefined && Number(dv) !== expected) {
    return { ok: false, code: 'nit_check_digit', params: { expected } }
  }
  return { ok: true, value: base, checkDigit: expected }
}

/**
 * Cleans and checks what a cashier typed as an identification number. For a NIT, `value` is the
 * base without check digit (what the API path takes); a typed `-DV` must match.
 */
export function validateIdentification(type: IdType, raw: string): IdentificationResult {
  const found = idTypeInfo(type)
  const cleaned = raw.replace(/[\s.]+/g, '')
  if (cleaned === '') return { ok: false, code: 'identification_required' }
  if (found.code === 'NIT') return validateNit(found, cleaned)

  const value = found.charset === 'alphanumeric' ? cleaned.toUpperCase() : cleaned
  const pattern = found.charset === 'digits' ? /^\d+$/ : /^[A-Z0-9]+$/
  if (!pattern.test(value)) {
    const code =
      found.charset === 'digits' ? 'identification_format' : 'identification_format_alphanumeric'
    return { ok: false, code, params: { type: found.code } }
  }
  if (value.length < found.minLength || value.length > found.maxLength) return lengthError(found)
  return { ok: true, value }
}
