import { en } from './en'
import { es } from './es'

export type Language = 'es' | 'en'
export type Dictionary = Record<string, string>

export const dictionaries: Record<Language, Dictionary> = { es, en }
export const LANGUAGES: readonly Language[] = ['es', 'en']

/** Translates `key`, filling `{name}` placeholders; falls back to Spanish, then to the key. */
export function translate(
  language: Language,
  key: string,
  params: Record<string, string | number> = {}
): string {
  const template = dictionaries[language][key] ?? dictionaries.es[key] ?? key
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match
  )
}

/** Translates an error code (`error.<code>`). */
export function translateError(
  language: Language,
  code: string,
  params: Record<string, string | number> = {}
): string {
  return translate(language, `error.${code}`, params)
}
