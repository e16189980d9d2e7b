import { describe, expect, it } from 'vitest'
import { translate } from '@shared/i18n'
import { outboxNote } from '@renderer/lib/outbox-words'

/** The sentence a cashier reads for an engine note. */
function words(raw: string): string {
  const note = outboxNote(raw)
  const cause = note.params.cause ? translate('es', `ui.outbox.cause.${note.params.cause}`) : ''
  return translate('es', note.key, { cause })
}

describe('outbox notes in words', () => {
  it('reads the engine’s notes by their code and network cause', () => {
    expect(words('not sent: Tigo registerPayment: not-sent - ECONNREFUSED')).toBe(
      'No se envió (sin conexión con Tigo). Se reintentará.'
    )
    expect(words('may have reached Tigo: Tigo registerPayment: UND_ERR_SOCKET')).toBe(
      'Sin respuesta clara de Tigo (la conexión con Tigo se cortó); se verificará con Tigo antes de reenviar.'
    )
    expect(words('registered by Tigo')).toBe('Registrado por Tigo.')
    expect(words('reconciled: Tigo has the bill as unpaid; resending')).toContain('sigue sin pagar')
    expect(
      words('bill_paid_elsewhere: reconciled: Tigo has the bill as paid, but by no payment of ours')
    ).toContain('no por un pago de esta caja')
    expect(words('bill_not_found: no such bill')).toBe('Tigo rechazó el pago.')
    expect(words('reconcile could not decide: Tigo getBills: uncertain - timeout')).toBe(
      'No se pudo verificar con Tigo (Tigo tardó demasiado en responder); se volverá a consultar.'
    )
    expect(words('refused with other bills; sending alone')).toBe(
      'Tigo rechazó el grupo; esta factura se envía sola.'
    )
    expect(words('unreadable answer: schema: 0.billNo')).toContain('se verificará con Tigo')
  })

  it('says why a bill paid offline from its barcode alone went to a supervisor, in Spanish', () => {
    expect(words('bill_unverified_customer: contract 1 is not of NIT 9')).toContain(
      'no es del cliente escrito en caja'
    )
    expect(words('bill_unverified_amount: Tigo has 1000, paid 2000')).toContain(
      'no es el valor de la factura'
    )
    expect(words('bill_unverified_not_found: contract 1 lists no bill 2')).toContain(
      'Tigo no tiene esta factura'
    )
    expect(
      words('not sent: could not verify the scanned bill: Tigo getBills: not-sent - ECONNREFUSED')
    ).toBe(
      'No se pudo verificar la factura con Tigo (sin conexión con Tigo); no se envió. Se intentará de nuevo.'
    )
    expect(words('verified as 906537128-61')).toContain('Verificada con Tigo')
  })

  it('never shows the technical tokens in the sentence', () => {
    for (const raw of [
      'not sent: Tigo registerPayment: not-sent - ECONNREFUSED',
      'may have reached Tigo: timeout',
      'something odd happened'
    ]) {
      expect(words(raw)).not.toMatch(/ECONNREFUSED|UND_ERR|registerPayment|not sent|timeout/)
    }
  })
})
