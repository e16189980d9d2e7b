/** The `sync:*` channels. */
import type { syncChannels } from '@shared/ipc/channels/sync'
import type { AppContext } from '@main/app/context'
import type { ChannelHandlers } from '@main/ipc'

export function syncHandlers(
  ctx: Pick<AppContext, 'requestDrain' | 'syncStatus'>
): ChannelHandlers<typeof syncChannels> {
  return {
    // Answers at once: the drain runs on, and its progress reaches the status bar as events.
    'sync:now': () => {
      void ctx.requestDrain('manual')
      return ctx.syncStatus()
    }
  }
}
