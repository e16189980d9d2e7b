import { z } from 'zod'
import { channel } from '../channel'
import type { AttemptView, OutboxPaymentView, OutboxState, SyncStatus } from '../views'
import { OUTBOX_STATES } from '../views'
import { EmptyInput, IsoDateInput } from './common'

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
  'outbox:retry': channel<{ retried: number }>()({
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
  'sync:now': channel<SyncStatus>()({ input: EmptyInput, access: 'signedIn' })
} as const
