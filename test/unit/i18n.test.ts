import { describe, expect, it } from 'vitest'
import { dictionaries, translate, translateError } from '../../shared/i18n'

describe('i18n dictionaries', () => {
  it('has every Spanish key in English and vice versa', () => {
    const es = Object.keys(dictionaries.es).sort()
    const en = Object.keys(dictionaries.en).sort()
    expect(en).toEqual(es)
  })

  it('fills placeholders and translates error codes', () => {
    expect(translateError('es', 'invalid_input', { detail: 'x' })).toBe('Datos inválidos: x')
    expect(translateError('en', 'invalid_input', { detail: 'x' })).toBe('Invalid data: x')
    expect(translate('en', 'no.such.key')).toBe('no.such.key')
  })
})
