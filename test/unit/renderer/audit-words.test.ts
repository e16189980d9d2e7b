import { describe, expect, it } from 'vitest'
import { dictionaries } from '@shared/i18n'
import { AUDIT_ACTIONS, describeAudit, hasAuditWords } from '@renderer/lib/audit-words'

describe('audit entries in words', () => {
  it('fills an action text with money, methods and lists from its details', () => {
    const text = describeAudit(
      'payment.registered',
      { receiptNo: 7, total: 85_000, method: 'cash', bills: ['123-4', '567-8'] },
      'es'
    ).replace(/\s/g, ' ')
    expect(text).toBe('Registró el pago N.º 7 por $ 85.000 en Efectivo (facturas 123-4, 567-8).')
  })

  it('names people by name and never shows a raw placeholder', () => {
    const text = describeAudit('users.created', { user: { id: 'u1', name: 'Ana' } }, 'en')
    expect(text).toBe('Created user Ana.')
    expect(describeAudit('shift.closed', { shiftId: 3 }, 'es')).not.toMatch(/\{\w+\}/)
  })

  it('still shows an action it has no text for, with its facts (for the technical details)', () => {
    expect(describeAudit('outbox.purged', { count: 2 }, 'es')).toBe('outbox.purged — count: 2')
    expect(hasAuditWords('outbox.purged', 'es')).toBe(false)
    expect(hasAuditWords('auth.failed', 'es')).toBe(true)
  })

  it('has a name and a sentence for every action in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      for (const language of ['es', 'en'] as const) {
        expect(dictionaries[language][`ui.audit.action.${action}`]).toBeTruthy()
        expect(dictionaries[language][`ui.audit.actionName.${action}`]).toBeTruthy()
      }
    }
  })

  it('says what a supervisor approved in words, and the closing by its cash line', () => {
    const approved = describeAudit(
      'auth.approved',
      {
        action: 'payment.over_pending_total',
        supervisor: { id: 's', name: 'Sara' },
        cashier: { id: 'c', name: 'Ana' }
      },
      'es'
    )
    expect(approved).toBe('Sara autorizó a Ana: un pago sobre el máximo de pagos por enviar.')
    expect(
      describeAudit(
        'shift.closed',
        { shiftId: 2, cashExpected: 378_442, cashDifference: -12_042, unsettled: 0 },
        'es'
      ).replace(/\s/g, ' ')
    ).toContain('efectivo esperado en caja $ 378.442, diferencia en efectivo -$ 12.042')
  })

  it('says why a sign-in failed, the screen locked or an action was refused, never the code', () => {
    const failed = describeAudit(
      'auth.failed',
      { purpose: 'signIn', user: { id: 'u', name: 'Ana' }, reason: 'wrong_pin', attempt: 1 },
      'es'
    )
    expect(failed).toBe('Intento fallido de Ana (PIN equivocado).')
    const unknown = describeAudit('auth.failed', { name: 'Pepe', reason: 'unknown_user' }, 'es')
    expect(unknown).toBe('Intento fallido de Pepe (nombre desconocido).')
    expect(describeAudit('auth.locked', { reason: 'idle' }, 'en')).toBe(
      'The screen locked (after inactivity).'
    )
    const refused = describeAudit(
      'auth.forbidden',
      { user: { id: 'c', name: 'Ana' }, channel: 'settings:set', reason: 'role' },
      'es'
    )
    expect(refused).toBe('Ana intentó una acción no permitida (solo para supervisores).')
    // A reason a person wrote stays as written.
    expect(
      describeAudit('shift.cash_movement', { kind: 'out', amount: 5_000, reason: 'Banco' }, 'es')
    ).toContain('Banco')
  })
})
