/** The till's users (`users:*`, supervisors only: the policy refuses anyone else first). */
import { userChannels } from '@shared/ipc/channels/users'
import type { UserAdmin } from './management'
import type { SessionService } from './sessions'
import type { ChannelHandlers } from '@main/ipc'

export type UserChannels = typeof userChannels

export function userHandlers(deps: {
  sessions: Pick<SessionService, 'requireUser'>
  admin: UserAdmin
}): ChannelHandlers<UserChannels> {
  const { sessions, admin } = deps
  return {
    'users:list': () => admin.list(),
    'users:create': (input) =>
      admin.create(sessions.requireUser(), {
        name: input.name,
        role: input.role,
        pin: input.pin,
        ...(input.mustChangePin !== undefined ? { mustChangePin: input.mustChangePin } : {})
      }),
    'users:setActive': (input) =>
      admin.setActive(sessions.requireUser(), input.userId, input.active),
    'users:resetPin': (input) =>
      admin.resetPin(sessions.requireUser(), input.userId, input.pin, input.mustChangePin)
  }
}

export const USER_CHANNEL_NAMES = Object.keys(userChannels) as (keyof UserChannels)[]
