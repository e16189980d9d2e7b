/**
 * The settings form as strings (what the inputs hold) and the patch it becomes. Only changed
 * fields travel; numbers that are not whole numbers are caught here, ranges in main.
 */
import type { SettingsPatch } from '@shared/ipc/channels/settings'
import type { SettingsView } from '@shared/ipc/views'

export interface SettingsForm {
  apiBaseUrl: string
  tokenUrl: string
  clientId: string
  clientSecret: string
  terminalId: string
  businessName: string
  businessNit: string
  businessAddress: string
  printerName: string
  paperWidth: '80' | '58'
  maxPaymentAmount: string
  maxPendingTotal: string
  maxPendingAgeHours: string
  closingApprovalAbove: string
  language: 'es' | 'en'
  idleLockMinutes: string
}

export type FormField = keyof SettingsForm

/** 2000000 → '2.000.000', the way the field asks for it. */
function grouped(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, '.')
}

export function formFromSettings(settings: SettingsView): SettingsForm {
  return {
    apiBaseUrl: settings.apiBaseUrl,
    tokenUrl: settings.tokenUrl,
    clientId: settings.clientId,
    clientSecret: '',
    terminalId: settings.terminalId,
    businessName: settings.businessName,
    businessNit: settings.businessNit,
    businessAddress: settings.businessAddress,
    printerName: settings.printerName,
    paperWidth: settings.paperWidth === 58 ? '58' : '80',
    maxPaymentAmount: grouped(settings.caps.maxPaymentAmount),
    maxPendingTotal: grouped(settings.caps.maxPendingTotal),
    maxPendingAgeHours: String(settings.caps.maxPendingAgeHours),
    closingApprovalAbove: grouped(settings.caps.closingApprovalAbove),
    language: settings.language,
    idleLockMinutes: String(settings.idleLockMinutes)
  }
}

const NUMBER_FIELDS = [
  'maxPaymentAmount',
  'maxPendingTotal',
  'maxPendingAgeHours',
  'closingApprovalAbove',
  'idleLockMinutes'
] as const

/** Digits with optional thousands dots ('2.000.000'): how a Colombian cashier writes amounts. */
function wholeNumber(text: string): number | undefined {
  const cleaned = text.trim()
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(cleaned)) return undefined
  const value = Number(cleaned.replace(/\./g, ''))
  return Number.isSafeInteger(value) ? value : undefined
}

export type PatchResult =
  | { ok: true; patch: SettingsPatch }
  | { ok: false; errors: Partial<Record<FormField, 'notNumber'>> }

export function patchFromForm(form: SettingsForm, before: SettingsView): PatchResult {
  const errors: Partial<Record<FormField, 'notNumber'>> = {}
  const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number>> = {}
  for (const field of NUMBER_FIELDS) {
    const value = wholeNumber(form[field])
    if (value === undefined) errors[field] = 'notNumber'
    else numbers[field] = value
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors }

  const patch: SettingsPatch = {}
  if (form.apiBaseUrl.trim() !== before.apiBaseUrl) patch.apiBaseUrl = form.apiBaseUrl.trim()
  if (form.tokenUrl.trim() !== before.tokenUrl) patch.tokenUrl = form.tokenUrl.trim()
  if (form.clientId.trim() !== before.clientId) patch.clientId = form.clientId.trim()
  // Write-only: an empty box means "keep the current secret", never "erase it".
  if (form.clientSecret !== '') patch.clientSecret = form.clientSecret
  if (form.terminalId.trim() !== before.terminalId) patch.terminalId = form.terminalId.trim()
  for (const key of ['businessName', 'businessNit', 'businessAddress'] as const) {
    if (form[key].trim() !== before[key]) patch[key] = form[key].trim()
  }
  if (form.printerName.trim() !== before.printerName) patch.printerName = form.printerName.trim()
  const paperWidth = form.paperWidth === '58' ? 58 : 80
  if (paperWidth !== before.paperWidth) patch.paperWidth = paperWidth
  if (form.language !== before.language) patch.language = form.language
  if (numbers.idleLockMinutes !== before.idleLockMinutes)
    patch.idleLockMinutes = numbers.idleLockMinutes

  const caps: NonNullable<SettingsPatch['caps']> = {}
  if (numbers.maxPaymentAmount !== before.caps.maxPaymentAmount)
    caps.maxPaymentAmount = numbers.maxPaymentAmount
  if (numbers.maxPendingTotal !== before.caps.maxPendingTotal)
    caps.maxPendingTotal = numbers.maxPendingTotal
  if (numbers.maxPendingAgeHours !== before.caps.maxPendingAgeHours) {
    caps.maxPendingAgeHours = numbers.maxPendingAgeHours
  }
  if (numbers.closingApprovalAbove !== before.caps.closingApprovalAbove) {
    caps.closingApprovalAbove = numbers.closingApprovalAbove
  }
  if (Object.keys(caps).length > 0) patch.caps = caps
  return { ok: true, patch }
}

/** Which form field a main-side error names (`caps.maxPaymentAmount` or `maxPaymentAmount`). */
export function fieldOfError(field: unknown): FormField | null {
  if (typeof field !== 'string') return null
  const last = field.split('.').at(-1) ?? ''
  const known: readonly string[] = [
    'apiBaseUrl',
    'tokenUrl',
    'clientId',
    'clientSecret',
    'terminalId',
    'businessName',
    'businessNit',
    'businessAddress',
    'printerName',
    'paperWidth',
    'maxPaymentAmount',
    'maxPendingTotal',
    'maxPendingAgeHours',
    'closingApprovalAbove',
    'language',
    'idleLockMinutes'
  ]
  return known.includes(last) ? (last as FormField) : null
}
