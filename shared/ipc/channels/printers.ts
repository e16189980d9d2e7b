import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import { EmptyInput } from './common'
import type { PrintResultView } from './receipts'

/** A printer the system knows: `name` is what is stored and sent as Electron's `deviceName`. */
export interface SystemPrinterView {
  name: string
  displayName: string
  description: string
}

export const printerChannels = {
  /** The system's printers, for the Settings screen to pick from (never a typed name). */
  'printers:list': channel<SystemPrinterView[]>()({ input: EmptyInput, access: 'supervisor' }),
  /** A short test page on the printer and paper chosen on screen (saved or not). '' = the system dialog. */
  'printers:testPrint': channel<PrintResultView>()({
    input: z.strictObject({
      printerName: z.string().trim().max(200),
      paperWidth: z.union([z.literal(80), z.literal(58)])
    }),
    access: 'supervisor'
  })
} as const
