import { en } from './en'
import { es } from './es'

export type Language = 'es' | 'en'
export type Dictionary = Record<string, string>

export const dictionaries: Record<Language, Dictionary> = { es, en }
export const LANGUAGES: readonly Language[] = ['es', 'en']

const LOCALES: Record<Language, string> = { es: 'es-CO', en: 'en-US' }

/** A count as a number: numbers as they are, digit strings ('1', '10.000') read back. */
function countOf(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return value
  if (value === undefined || !/^-?[\d.,]+$/.test(value)) return undefined
  const parsed = Number(value.replace(/[.,]/g, ''))
  return Number.isFinite(parsed) ? parsed : undefined
}

function grouped(language: Language, value: string | number | undefined): string {
  const count = countOf(value)
  return count === undefined ? String(value ?? '') : count.toLocaleString(LOCALES[language])
}

/**
 * Translates `key`, filling `{name}` placeholders; falls back to Spanish, then to the key. Two
 * ICU-style forms are understood (issue 14, until the dictionary moves to an i18n library):
 * `{count, number}` groups thousands (10.000), and `{count, plural, one {# factura} other
 * {# facturas}}` picks the form by the count, `#` being the grouped count.
 */
export function translate(
  language: Language,
  key: string,
  params: Record<string, string | number> = {}
): string {
  const template = dictionaries[language][key] ?? dictionaries.es[key] ?? key
  return template
    .replace(
      /\{(\w+), plural, one \{([^{}]*)\} other \{([^{}]*)\}\}/g,
      (match, name: string, one: string, other: string) => {
        if (!(name in params)) return match
        const form = countOf(params[name]) === 1 ? one : other
        return form.replace(/#/g, grouped(language, params[name]))
      }
    )
    .replace(/\{(\w+), number\}/g, (match, name: string) =>
      name in params ? grouped(language, params[name]) : match
    )
    .replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match))
}

/** Translates an error code (`error.<code>`). */
export function translateError(
  language: Language,
  code: string,
  params: Record<string, string | number> = {}
): string {
  return translate(language, `error.${code}`, params)
}
