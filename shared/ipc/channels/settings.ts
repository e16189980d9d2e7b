import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { SettingsView } from '@shared/ipc/views'
import { EmptyInput } from './common'

/**
 * Shapes only; ranges are checked in main so the cashier sees `settings_out_of_range`
 * with the field and its limits instead of a generic invalid-input message.
 */
export const SettingsPatchInput = z.strictObject({
  apiBaseUrl: z.string().trim().max(500).optional(),
  tokenUrl: z.string().trim().max(500).optional(),
  clientId: z.string().trim().max(200).optional(),
  /** Write-only: never returned by `settings:get`. Empty string clears it. */
  clientSecret: z.string().max(500).optional(),
  terminalId: z.string().trim().max(64).optional(),
  printerName: z.string().trim().max(200).optional(),
  paperWidth: z.union([z.literal(80), z.literal(58)]).optional(),
  caps: z
    .strictObject({
      maxPaymentAmount: z.number().int().optional(),
      maxPendingTotal: z.number().int().optional(),
      maxPendingAgeHours: z.number().int().optional(),
      closingApprovalAbove: z.number().int().optional()
    })
    .optional(),
  language: z.enum(['es', 'en']).optional(),
  idleLockMinutes: z.number().int().optional(),
  /** The receipt header. Lengths and the NIT's check digit are checked in main. */
  businessName: z.string().max(200).optional(),
  businessNit: z.string().max(40).optional(),
  businessAddress: z.string().max(300).optional()
})
export type SettingsPatch = z.infer<typeof SettingsPatchInput>

export const settingsChannels = {
  'settings:get': channel<SettingsView>()({ input: EmptyInput, access: 'public' }),
  'settings:set': channel<SettingsView>()({ input: SettingsPatchInput, access: 'supervisor' })
} as const
