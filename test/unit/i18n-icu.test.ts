/**
 * The dictionaries are ICU MessageFormat read by FormatJS's IntlMessageFormat (issue 14): every
 * text must compile (an apostrophe before `{` or a stray brace would quote or break it), the
 * library's number and plural formats must match es-CO, and a missing parameter must never
 * throw (a translation must not crash a screen). The Spanish texts carry no technical tokens.
 */
import { describe, expect, it } from 'vitest'
import { compileMessage, dictionaries, LANGUAGES, translate, type MessageKey } from '@shared/i18n'
import { technicalTokens } from '@support/technical-tokens'

/** Parameters that are always counts: shown bare they read "10000" or "1 intentos". */
const COUNTS = [
  'count',
  'done',
  'valid',
  'invalid',
  'rows',
  'accepted',
  'attemptsLeft',
  'seconds',
  'minutes'
]

describe('ICU messages', () => {
  it('writes every count as a number or a plural, never bare', () => {
    const bare = new RegExp(`\\{\\s*(${COUNTS.join('|')})\\s*\\}`)
    const found: string[] = []
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(dictionaries[language])) {
        if (bare.test(text)) found.push(`${language} ${key}: ${text}`)
      }
    }
    expect(found).toEqual([])
    expect(translate('es', 'error.pin_wrong', { attemptsLeft: 1 })).toContain('Queda 1 intento ')
    expect(translate('es', 'ui.batch.confirm', { count: 10000 })).toBe(
      'Confirmar e importar 10.000 pagos'
    )
  })

  it('compiles every message of every dictionary with IntlMessageFormat', () => {
    const failures: string[] = []
    let compiled = 0
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(dictionaries[language])) {
        try {
          compileMessage(language, text)
          compiled += 1
        } catch (error) {
          failures.push(`${language} ${key}: ${(error as Error).message}`)
        }
      }
    }
    expect(failures).toEqual([])
    expect(compiled).toBeGreaterThan(1000)
  })

  it('renders literal apostrophes as written (no ICU quoting eats a placeholder)', () => {
    for (const language of LANGUAGES) {
      for (const [key, text] of Object.entries(dictionaries[language])) {
        if (!text.includes("'")) continue
        const names = [...text.matchAll(/\{(\w+)/g)].map((m) => m[1] ?? '')
        const params = Object.fromEntries(names.map((name) => [name, 7]))
        const out = translate(language, key, params)
        expect(out.split("'").length, `${language} ${key}`).toBe(text.split("'").length)
        expect(out, `${language} ${key}`).not.toMatch(/[{}]/)
      }
    }
  })

  it('groups thousands the es-CO way in `{n, number}` and in `#` of a plural', () => {
    expect(translate('es', 'ui.bills.title', { count: 10_000 })).toBe('Facturas (10.000)')
    expect(translate('es', 'ui.outbox.attempts', { count: 1_234_567 })).toBe('1.234.567 intentos')
    expect(translate('es', 'ui.outbox.attempts', { count: '10.000' })).toBe('10.000 intentos')
    expect(translate('en', 'ui.outbox.attempts', { count: 10_000 })).toBe('10,000 attempts')
  })

  it('never throws on a missing parameter', () => {
    expect(translate('es', 'error.api_rejected')).toBe('Tigo rechazó la solicitud: {message}')
    // A plural without its count falls back to the text as written, not to "NaN".
    expect(() => translate('es', 'ui.outbox.attempts')).not.toThrow()
    expect(translate('es', 'ui.outbox.attempts', { count: 'muchos' })).not.toMatch(/NaN/)
  })

  it('types the keys: a Spanish key is a MessageKey', () => {
    const key: MessageKey = 'ui.bills.title'
    expect(dictionaries.en[key]).toBeDefined()
  })
})

/** snake_case words allowed: the CSV files' documented column names, which the user types. */
const CSV_COLUMNS = new Set([
  'tipo_id',
  'medio_pago',
  'fecha_pago',
  ...Object.entries(dictionaries.es)
    .filter(([key]) => key.includes('.csv.'))
    .map(([, text]) => text)
])

describe('Spanish texts', () => {
  it('detects the tokens the issue saw on screen (the check works)', () => {
    const seen = [
      'not sent: Tigo registerPayment: not-sent - ECONNREFUSED',
      'may have reached Tigo: … UND_ERR_SOCKET',
      'HTTP',
      'payment.over_offline_cap',
      '0 seleccionada(s)',
      'bill_paid_elsewhere',
      'Total: NaN',
      'Cliente undefined',
      'Pago 3f2b8c1e-9a4d-4e7b-8c2a-1d5e6f7a8b9c',
      'registered by Tigo',
      'reconciled: 2 bills'
    ]
    for (const text of seen) expect(technicalTokens(text), text).not.toEqual([])
    expect(technicalTokens('Facturas (10.000) · 3 intentos · 2:15 p. m.')).toEqual([])
  })

  it('carry no technical tokens (raw codes, JS values, "(s)" plurals)', () => {
    const found: string[] = []
    for (const [key, text] of Object.entries(dictionaries.es)) {
      if (key.includes('.csv.')) continue // column headers of exported files
      for (const token of technicalTokens(text, CSV_COLUMNS)) found.push(`${key}: ${token}`)
    }
    expect(found).toEqual([])
  })
})
