import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { AttemptView, OutboxPaymentView, OutboxState, SyncStatus } from '@shared/ipc/views'
import { OUTBOX_STATES } from '@shared/ipc/views'
import { EmptyInput, IsoDateInput } from './common'

/** One item of a bulk decision: its new state, or the error code that kept it as it was. */
export type DecideManyResult =
  | { itemId: number; state: OutboxState; error?: undefined }
  | { itemId: number; error: string; state?: undefined }

export const outboxChannels = {
  'outbox:list': channel<OutboxPaymentView[]>()({
    input: z.strictObject({
      states: z.array(z.enum(OUTBOX_STATES)).optional(),
      from: IsoDateInput.optional(),
      to: IsoDateInput.optional()
    }),
    access: 'signedIn'
  }),
  'outbox:attempts': channel<AttemptView[]>()({
    input: z.strictObject({ itemId: z.number().int().positive() }),
    access: 'signedIn'
  }),
  'outbox:summary': channel<SyncStatus>()({ input: EmptyInput, access: 'public' }),
  /**
   * Rejected bills go back to the queue, queued ones become due now. A rejected bill Tigo has as
   * paid, asked live, is not retried: its id comes back in `billPaid`.
   */
  'outbox:retry': channel<{ retried: number; billPaid?: number[] }>()({
    input: z.strictObject({ itemIds: z.array(z.number().int().positive()).min(1).max(500) }),
    access: 'supervisor'
  }),
  /** A supervisor settles an item the engine cannot: audited with their name and the note. */
  'outbox:decide': channel<{ state: OutboxState }>()({
    input: z.strictObject({
      itemId: z.number().int().positive(),
      decision: z.enum(['registered', 'resend']),
      note: z.string().trim().min(1).max(500)
    }),
    access: 'supervisor'
  }),
  /** The same decision and one note for several items; each succeeds or fails on its own. */
  'outbox:decideMany': channel<{ results: DecideManyResult[] }>()({
    input: z.strictObject({
      itemIds: z.array(z.number().int().positive()).min(1).max(200),
      decision: z.enum(['registered', 'resend']),
      note: z.string().trim().min(1).max(500)
    }),
    access: 'supervisor'
  })
} as const
