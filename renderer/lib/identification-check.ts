/**
 * What to say about an identification while it is being typed. Wrong characters and a NIT
 * check digit that does not match show at once; "too short" waits for the search, since every
 * number is too short until it is finished.
 */
import {
  validateIdentification,
  type IdType,
  type IdentificationResult
} from '@shared/domain/identification'

const AS_TYPED_CODES = new Set([
  'nit_check_digit',
  'nit_format',
  'identification_format',
  'identification_format_alphanumeric'
])

export type TypingCheck =
  | { kind: 'empty' }
  | { kind: 'error'; code: string; params: Record<string, string | number> }
  | { kind: 'ok'; checkDigit?: number }

export function checkWhileTyping(idType: IdType, raw: string): TypingCheck {
  if (raw.trim() === '') return { kind: 'empty' }
  const result: IdentificationResult = validateIdentification(idType, raw)
  if (result.ok)
    return result.checkDigit === undefined
      ? { kind: 'ok' }
      : { kind: 'ok', checkDigit: result.checkDigit }
  if (AS_TYPED_CODES.has(result.code)) {
    return { kind: 'error', code: result.code, params: result.params ?? {} }
  }
  return { kind: 'empty' }
}
