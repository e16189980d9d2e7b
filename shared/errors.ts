/**
 * Errors that reach the cashier. A code is translated by the i18n dictionary
 * (`shared/i18n`, key `error.<code>`); params fill its {placeholders}.
 * `message` is a Spanish fallback for logs and for code that has no dictionary at hand.
 */
import type { EsKey } from './i18n/es'

export type ErrorParams = Record<string, string | number>

/** Every error code: the `error.<code>` keys of the Spanish dictionary (a code without one is a type error). */
export type ErrorCode = CodeOf<EsKey>
type CodeOf<Key> = Key extends `error.${infer Code}` ? Code : never

/** An error told by its code and the code's parameters; the message is only a fallback. */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code
  readonly params: ErrorParams

  constructor(code: Code, params: ErrorParams = {}, message?: string) {
    super(message ?? code)
    this.code = code
    this.params = params
  }
}

export class AppError extends CodedError<ErrorCode> {
  override readonly name = 'AppError'
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
