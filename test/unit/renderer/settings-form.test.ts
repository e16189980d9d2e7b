import { describe, expect, it } from 'vitest'
import type { SettingsView } from '@shared/ipc/views'
import { fieldOfError, formFromSettings, patchFromForm } from '@renderer/lib/settings-form'

const settings: SettingsView = {
  apiBaseUrl: 'http://127.0.0.1:4010/billing',
  tokenUrl: 'http://127.0.0.1:4010/token',
  clientId: 'caja',
  hasClientSecret: true,
  secretProtection: 'weak',
  usesSimulator: true,
  terminalId: 'CAJA-01',
  businessName: 'Punto de pago',
  businessNit: '',
  businessAddress: '',
  printerName: '',
  paperWidth: 80,
  caps: {
    maxPaymentAmount: 2_000_000,
    maxPendingTotal: 10_000_000,
    maxPendingAgeHours: 24,
    closingApprovalAbove: 10_000
  },
  language: 'es',
  idleLockMinutes: 10
}

describe('settings form', () => {
  it('never puts the secret in the form and sends nothing when nothing changed', () => {
    const form = formFromSettings(settings)
    expect(form.clientSecret).toBe('')
    expect(form.maxPendingTotal).toBe('10.000.000')
    expect(patchFromForm(form, settings)).toEqual({ ok: true, patch: {} })
  })

  it('sends only what changed, reading amounts with thousands dots', () => {
    const form = {
      ...formFromSettings(settings),
      maxPaymentAmount: '3.000.000',
      paperWidth: '58' as const,
      language: 'en' as const,
      clientSecret: 's3cret',
      businessNit: ' 900123456-8 '
    }
    expect(patchFromForm(form, settings)).toEqual({
      ok: true,
      patch: {
        caps: { maxPaymentAmount: 3_000_000 },
        paperWidth: 58,
        language: 'en',
        clientSecret: 's3cret',
        businessNit: '900123456-8'
      }
    })
  })

  it('flags numbers that are not whole numbers, per field', () => {
    const form = { ...formFromSettings(settings), idleLockMinutes: '1,5', maxPendingTotal: 'diez' }
    expect(patchFromForm(form, settings)).toEqual({
      ok: false,
      errors: { idleLockMinutes: 'notNumber', maxPendingTotal: 'notNumber' }
    })
  })

  it('maps the field an error names to the form field', () => {
    expect(fieldOfError('caps.maxPaymentAmount')).toBe('maxPaymentAmount')
    expect(fieldOfError('idleLockMinutes')).toBe('idleLockMinutes')
    expect(fieldOfError('somethingElse')).toBeNull()
    expect(fieldOfError(undefined)).toBeNull()
  })
})
