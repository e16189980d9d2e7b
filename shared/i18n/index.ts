import { IntlMessageFormat } from 'intl-messageformat'
import { en } from './en'
import { es, type EsKey } from './es'

export type Language = 'es' | 'en'
export type Dictionary = Record<string, string>
/** Every key of the Spanish dictionary, the reference one (English must have the same keys). */
export type MessageKey = EsKey
/**
 * A key for `translate`: the literal keys autocomplete and are checked where written literally;
 * keys built at run time (`idType.${code}`) stay plain strings, the key-coverage test checks them.
 */
export type TranslationKey = MessageKey | (string & {})
export type MessageParams = Record<string, string | number>

export const dictionaries: Record<Language, Dictionary> = { es, en }
export const LANGUAGES: readonly Language[] = ['es', 'en']

export const LOCALES: Record<Language, string> = { es: 'es-CO', en: 'en-US' }

/** A count as a number: numbers as they are, digit strings ('1', '10.000') read back. */
function countOf(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return value
  if (value === undefined || !/^-?[\d.,]+$/.test(value)) return undefined
  const parsed = Number(value.replace(/[.,]/g, ''))
  return Number.isFinite(parsed) ? parsed : undefined
}

/** Compiles a dictionary text as ICU MessageFormat (throws on a text that is not valid ICU). */
export function compileMessage(language: Language, text: string): IntlMessageFormat {
  return new IntlMessageFormat(text, LOCALES[language])
}

interface Compiled {
  format: IntlMessageFormat | undefined
  /** Arguments that must be numbers: `{n, number}`, `{n, plural, …}`, `{n, selectordinal, …}`. */
  numeric: ReadonlySet<string>
  /** Every argument name, to stand in for missing ones. */
  names: ReadonlySet<string>
}

const cache = new Map<string, Compiled>()

function compiled(language: Language, template: string): Compiled {
  const cacheKey = `${language}\u0000${template}`
  const cached = cache.get(cacheKey)
  if (cached) return cached
  let format: IntlMessageFormat | undefined
  try {
    format = compileMessage(language, template)
  } catch {
    // Not valid ICU (the dictionary test forbids it): shown with simple `{name}` filling.
    format = undefined
  }
  const numeric = new Set(
    [...template.matchAll(/\{\s*(\w+)\s*,\s*(?:number|plural|selectordinal)\b/g)].map(
      (m) => m[1] ?? ''
    )
  )
  const names = new Set([...template.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1] ?? ''))
  const entry: Compiled = { format, numeric, names }
  cache.set(cacheKey, entry)
  return entry
}

function simpleFill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match
  )
}

/**
 * Translates `key` with ICU MessageFormat (FormatJS): `{name}`, `{count, number}` (es-CO groups
 * thousands: 10.000) and `{count, plural, one {# factura} other {# facturas}}`. Falls back to
 * Spanish, then to the key. A translation never throws: a missing simple parameter is left as
 * `{name}`; a missing count (or a text that fails) gives the text with what could be filled.
 */
export function translate(
  language: Language,
  key: TranslationKey,
  params: MessageParams = {}
): string {
  const text = dictionaries[language][key]
  const lang: Language = text === undefined ? 'es' : language
  const template = text ?? dictionaries.es[key] ?? key
  const { format, numeric, names } = compiled(lang, template)
  if (!format) return simpleFill(template, params)
  const values: Record<string, string | number> = {}
  for (const name of names) {
    const value = params[name]
    if (numeric.has(name)) {
      // Counts may arrive as text ('1', '10.000' from audit details): read back as numbers.
      const count = countOf(value)
      if (count === undefined) return simpleFill(template, params)
      values[name] = count
    } else {
      values[name] = value === undefined ? `{${name}}` : value
    }
  }
  try {
    return String(format.format<string>(values))
  } catch {
    return simpleFill(template, params)
  }
}

/** Translates an error code (`error.<code>`). */
export function translateError(
  language: Language,
  code: string,
  params: MessageParams = {}
): string {
  return translate(language, `error.${code}`, params)
}
