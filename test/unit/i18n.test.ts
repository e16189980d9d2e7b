import { describe, expect, it } from 'vitest'
import { dictionaries, translate, translateError } from '@shared/i18n'

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

  it('picks the singular or plural form by the count, and groups thousands', () => {
    expect(translate('es', 'ui.outbox.attempts', { count: 1 })).toBe('1 intento')
    expect(translate('es', 'ui.outbox.attempts', { count: 3 })).toBe('3 intentos')
    expect(translate('es', 'ui.customer.selected', { count: 0 })).toBe('0 seleccionadas:')
    expect(translate('es', 'closing.payments', { count: 1 })).toBe('1 pago')
    expect(translate('es', 'ui.bills.title', { count: 10_000 })).toBe('Facturas (10.000)')
    expect(translate('en', 'ui.bills.title', { count: 10_000 })).toBe('Bills (10,000)')
    // A count that arrives as text (audit details) still chooses the form.
    expect(translate('en', 'closing.unsettledTitle', { count: '1' })).toBe(
      '1 BILL NOT CONFIRMED BY TIGO'
    )
  })

  it('leaves no "(s)" plural in the Spanish or English screens', () => {
    for (const language of ['es', 'en'] as const) {
      const clumsy = Object.entries(dictionaries[language])
        .filter(([key, text]) => key.startsWith('ui.') && /\((s|es|S|ES)\)/.test(text))
        .map(([key]) => key)
      expect(clumsy, language).toEqual([])
    }
  })
})
