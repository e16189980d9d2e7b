/** The renderer's window on the shared dictionary: every visible string goes through here. */
import { useCallback } from 'react'
import { translate, translateError, type Language } from '@shared/i18n'
import { useAppStore } from '@renderer/store/app-store'

export type Translate = (key: string, params?: Record<string, string | number>) => string

export function useLanguage(): Language {
  return useAppStore((state) => state.language)
}

export function useT(): Translate {
  const language = useLanguage()
  return useCallback(
    (key: string, params: Record<string, string | number> = {}) => translate(language, key, params),
    [language]
  )
}

interface CodedError {
  code: string
  params?: Record<string, string | number>
  message?: string
}

function isCoded(value: unknown): value is CodedError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string'
  )
}

/**
 * Any failure as a sentence for the cashier: coded errors by their code; a code the dictionary
 * does not know yet falls back to the message main sent, the rest read as internal.
 */
export function describeError(language: Language, error: unknown): string {
  if (!isCoded(error)) return translateError(language, 'internal')
  const text = translateError(language, error.code, error.params ?? {})
  if (text !== `error.${error.code}`) return text
  return error.message && error.message !== error.code
    ? error.message
    : translateError(language, 'internal')
}

export function useDescribeError(): (error: unknown) => string {
  const language = useLanguage()
  return useCallback((error: unknown) => describeError(language, error), [language])
}
