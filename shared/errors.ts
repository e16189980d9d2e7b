/**
 * Errors that reach the cashier. A code is translated by the i18n dictionary
 * (`shared/i18n`, key `error.<code>`); params fill its {placeholders}.
 * `message` is a Spanish fallback for logs and for code that has no dictionary at hand.
 */
export type ErrorParams = Record<string, string | number>

export class AppError extends Error {
  readonly code: string
  readonly params: ErrorParams

  constructor(code: string, params: ErrorParams = {}, message?: string) {
    super(message ?? code)
    this.name = 'AppError'
    this.code = code
    this.params = params
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError
}
