import { channel } from '@shared/ipc/channel'
import type { SyncStatus } from '@shared/ipc/views'
import { EmptyInput } from './common'

/** The sync engine's own channels (its progress reaches the renderer as `sync:status` events). */
export const syncChannels = {
  /** Answers at once with the status; the drain it starts reports through `sync:status`. */
  'sync:now': channel<SyncStatus>()({ input: EmptyInput, access: 'signedIn' })
} as const
