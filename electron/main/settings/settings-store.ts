/**
 * The terminal's settings, in `settings.json` in the data dir (a plain file: nothing here is
 * secret; the client secret lives in the secret store). Writes go beside the file and are renamed
 * over it, so a power cut leaves the old settings or the new, never half of each.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { AppError } from '@shared/errors'
import type { SettingsPatch } from '@shared/ipc/channels/settings'
import type { TerminalSettings } from '@shared/ipc/views'
import type { ApiIdTypeStyle } from '@shared/domain/identification'
import { validateIdentification } from '@shared/domain/identification'
import { formatNit } from '@shared/domain/nit'
import { checkApiUrl } from '@main/tigo/settings'

/** What `settings.json` holds: the edited settings, and two the settings screen does not offer. */
export interface StoredSettings extends TerminalSettings {
  timeoutMs: number
  idTypeStyle: ApiIdTypeStyle
}

export const DEFAULT_SETTINGS: Readonly<StoredSettings> = Object.freeze({
  apiBaseUrl: '',
  tokenUrl: '',
  clientId: '',
  timeoutMs: 10_000,
  idTypeStyle: 'letters',
  terminalId: 'CAJA-01',
  printerName: '',
  paperWidth: 80,
  caps: {
    maxPaymentAmount: 5_000_000,
    maxPendingTotal: 20_000_000,
    maxPendingAgeHours: 24,
    closingApprovalAbove: 10_000
  },
  language: 'es',
  idleLockMinutes: 15,
  businessName: 'Tigo-UNE — Punto de pago',
  businessNit: '',
  businessAddress: ''
})

/** Inclusive limits of every numeric setting; the settings screen shows them in its errors. */
export const SETTING_RANGES = {
  'caps.maxPaymentAmount': { min: 1_000, max: 100_000_000 },
  'caps.maxPendingTotal': { min: 1_000, max: 1_000_000_000 },
  'caps.maxPendingAgeHours': { min: 1, max: 168 },
  'caps.closingApprovalAbove': { min: 0, max: 100_000_000 },
  idleLockMinutes: { min: 1, max: 240 },
  terminalIdLength: { min: 1, max: 32 },
  businessNameLength: { min: 1, max: 60 },
  businessAddressLength: { min: 0, max: 120 }
} as const

type RangedField = keyof typeof SETTING_RANGES
/** Text settings, whose range is a length. */
const LENGTH_OF = {
  terminalId: 'terminalIdLength',
  businessName: 'businessNameLength',
  businessAddress: 'businessAddressLength'
} as const

type TextField = keyof typeof LENGTH_OF

function isTextField(field: string): field is TextField {
  return Object.hasOwn(LENGTH_OF, field)
}

function outOfRange(field: RangedField | TextField): AppError {
  const range = SETTING_RANGES[isTextField(field) ? LENGTH_OF[field] : field]
  return new AppError(
    'settings_out_of_range',
    { field, min: range.min, max: range.max },
    `${field} fuera de rango (${range.min}–${range.max})`
  )
}

function checkRange(field: RangedField, value: number): number {
  const { min, max } = SETTING_RANGES[field]
  if (!Number.isSafeInteger(value) || value < min || value > max) throw outOfRange(field)
  return value
}

/** One line of the receipt header: spaces collapsed, within its length. */
function checkLength(field: Exclude<TextField, 'terminalId'>, value: string): string {
  const text = value.trim().replace(/\s+/g, ' ')
  const { min, max } = SETTING_RANGES[LENGTH_OF[field]]
  if (text.length < min || text.length > max) throw outOfRange(field)
  return text
}

/** '' clears it; otherwise a valid NIT (a typed check digit must match), stored formatted. */
function businessNit(value: string): string {
  if (value.trim() === '') return ''
  const result = validateIdentification('NIT', value)
  if (!result.ok)
    throw new AppError(result.code, { ...(result.params ?? {}), field: 'businessNit' })
  return formatNit(result.value)
}

/** Applies a cashier's patch, refusing the whole patch if any field is out of range. */
export function applySettingsPatch(
  current: StoredSettings,
  patch: Omit<SettingsPatch, 'clientSecret'>
): StoredSettings {
  const next: StoredSettings = { ...current, caps: { ...current.caps } }
  if (patch.apiBaseUrl !== undefined) {
    const url = patch.apiBaseUrl.trim().replace(/\/+$/, '')
    next.apiBaseUrl = url === '' ? '' : checkApiUrl(url, 'API')
  }
  if (patch.tokenUrl !== undefined) {
    const url = patch.tokenUrl.trim()
    next.tokenUrl = url === '' ? '' : checkApiUrl(url, 'token')
  }
  if (patch.clientId !== undefined) next.clientId = patch.clientId.trim()
  if (patch.terminalId !== undefined) {
    const id = patch.terminalId.trim()
    const { min, max } = SETTING_RANGES.terminalIdLength
    if (id.length < min || id.length > max || !/^[A-Za-z0-9_-]+$/.test(id)) {
      throw outOfRange('terminalId')
    }
    next.terminalId = id
  }
  if (patch.printerName !== undefined) next.printerName = patch.printerName.trim()
  if (patch.businessName !== undefined) {
    next.businessName = checkLength('businessName', patch.businessName)
  }
  if (patch.businessAddress !== undefined) {
    next.businessAddress = checkLength('businessAddress', patch.businessAddress)
  }
  if (patch.businessNit !== undefined) next.businessNit = businessNit(patch.businessNit)
  if (patch.paperWidth !== undefined) next.paperWidth = patch.paperWidth
  if (patch.language !== undefined) next.language = patch.language
  if (patch.idleLockMinutes !== undefined) {
    next.idleLockMinutes = checkRange('idleLockMinutes', patch.idleLockMinutes)
  }
  const caps = patch.caps
  if (caps?.maxPaymentAmount !== undefined) {
    next.caps.maxPaymentAmount = checkRange('caps.maxPaymentAmount', caps.maxPaymentAmount)
  }
  if (caps?.maxPendingTotal !== undefined) {
    next.caps.maxPendingTotal = checkRange('caps.maxPendingTotal', caps.maxPendingTotal)
  }
  if (caps?.maxPendingAgeHours !== undefined) {
    next.caps.maxPendingAgeHours = checkRange('caps.maxPendingAgeHours', caps.maxPendingAgeHours)
  }
  if (caps?.closingApprovalAbove !== undefined) {
    next.caps.closingApprovalAbove = checkRange(
      'caps.closingApprovalAbove',
      caps.closingApprovalAbove
    )
  }
  return next
}

// Read leniently: a field that is missing or invalid falls back to its default (an older version
// of the file, a hand edit) instead of keeping the till from starting.
const StoredFile = z.looseObject({
  apiBaseUrl: z.string().catch(DEFAULT_SETTINGS.apiBaseUrl),
  tokenUrl: z.string().catch(DEFAULT_SETTINGS.tokenUrl),
  clientId: z.string().catch(DEFAULT_SETTINGS.clientId),
  timeoutMs: z.number().int().min(1_000).max(120_000).catch(DEFAULT_SETTINGS.timeoutMs),
  idTypeStyle: z.enum(['letters', 'dian']).catch(DEFAULT_SETTINGS.idTypeStyle),
  terminalId: z.string().min(1).max(32).catch(DEFAULT_SETTINGS.terminalId),
  printerName: z.string().catch(DEFAULT_SETTINGS.printerName),
  paperWidth: z.union([z.literal(80), z.literal(58)]).catch(DEFAULT_SETTINGS.paperWidth),
  caps: z
    .object({
      maxPaymentAmount: z.number().int().catch(DEFAULT_SETTINGS.caps.maxPaymentAmount),
      maxPendingTotal: z.number().int().catch(DEFAULT_SETTINGS.caps.maxPendingTotal),
      maxPendingAgeHours: z.number().int().catch(DEFAULT_SETTINGS.caps.maxPendingAgeHours),
      closingApprovalAbove: z
        .number()
        .int()
        .min(0)
        .catch(DEFAULT_SETTINGS.caps.closingApprovalAbove)
    })
    .catch({ ...DEFAULT_SETTINGS.caps }),
  language: z.enum(['es', 'en']).catch(DEFAULT_SETTINGS.language),
  idleLockMinutes: z.number().int().min(1).max(240).catch(DEFAULT_SETTINGS.idleLockMinutes),
  businessName: z.string().trim().min(1).max(60).catch(DEFAULT_SETTINGS.businessName),
  businessNit: z.string().max(20).catch(DEFAULT_SETTINGS.businessNit),
  businessAddress: z.string().max(120).catch(DEFAULT_SETTINGS.businessAddress)
})

export interface SettingsStore {
  get(): StoredSettings
  /** Validates, writes the file, then returns the new settings. */
  update(patch: Omit<SettingsPatch, 'clientSecret'>): StoredSettings
}

export function createSettingsStore(opts: {
  file: string
  onReadError?: (error: unknown) => void
}): SettingsStore {
  let current = read()

  function read(): StoredSettings {
    let raw: string
    try {
      raw = readFileSync(opts.file, 'utf8')
    } catch {
      return structuredClone(DEFAULT_SETTINGS) as StoredSettings
    }
    try {
      const parsed = StoredFile.parse(JSON.parse(raw))
      const { apiBaseUrl, tokenUrl, clientId, timeoutMs, idTypeStyle, terminalId } = parsed
      const { printerName, paperWidth, caps, language, idleLockMinutes } = parsed
      const { businessName, businessNit, businessAddress } = parsed
      return {
        apiBaseUrl,
        tokenUrl,
        clientId,
        timeoutMs,
        idTypeStyle,
        terminalId,
        printerName,
        paperWidth,
        caps,
        language,
        idleLockMinutes,
        businessName,
        businessNit,
        businessAddress
      }
    } catch (error) {
      opts.onReadError?.(error)
      return structuredClone(DEFAULT_SETTINGS) as StoredSettings
    }
  }

  function write(settings: StoredSettings): void {
    mkdirSync(dirname(opts.file), { recursive: true })
    const tmp = `${opts.file}.${process.pid}.tmp`
    writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`, { mode: 0o600 })
    renameSync(tmp, opts.file)
  }

  return {
    get: () => structuredClone(current),
    update(patch) {
      const next = applySettingsPatch(current, patch)
      write(next)
      current = next
      return structuredClone(next)
    }
  }
}
