import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import { IsoDateInput } from './common'

export interface AuditEntryView {
  id: number
  at: string
  actor: string
  action: string
  details: unknown
}

export const auditChannels = {
  /** Newest first. `from` inclusive, `to` exclusive. */
  'audit:list': channel<AuditEntryView[]>()({
    input: z.strictObject({
      from: IsoDateInput.optional(),
      to: IsoDateInput.optional(),
      actor: z.string().trim().min(1).max(100).optional(),
      action: z.string().trim().min(1).max(100).optional(),
      limit: z.number().int().min(1).max(1000).default(100),
      offset: z.number().int().min(0).default(0)
    }),
    access: 'supervisor'
  })
} as const
