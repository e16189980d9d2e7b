/** Sign-in, lock and supervisor approval: the `session:*` channels. */
import { sessionChannels } from '@shared/ipc/channels/session'
import type { ChannelHandlers } from '@main/ipc'
import type { SessionService } from './sessions'

export type SessionChannels = typeof sessionChannels

export function sessionHandlers(deps: {
  sessions: SessionService
}): ChannelHandlers<SessionChannels> {
  const { sessions } = deps
  return {
    'session:current': () => sessions.current(),
    'session:userNames': () => ({
      names: sessions.users
        .list()
        .filter((user) => user.active)
        .map((user) => user.name)
    }),
    'session:signIn': (input) => sessions.signIn(input.name, input.pin),
    'session:signOut': () => sessions.signOut(),
    'session:unlock': (input) => sessions.unlock(input.pin),
    'session:lock': () => sessions.lock(),
    'session:touch': () => sessions.touch(),
    'session:changePin': (input) => sessions.changePin(input.currentPin, input.newPin),
    'session:approve': async (input) => {
      const approval = await sessions.issueApproval({
        supervisor: { name: input.supervisorName },
        pin: input.pin,
        action: input.action
      })
      return {
        approvalId: approval.approvalId,
        supervisor: approval.supervisor,
        expiresAt: new Date(approval.expiresAt).toISOString()
      }
    }
  }
}

/** Keeps the channel list and the handlers in step (a test compares them). */
export const SESSION_CHANNEL_NAMES = Object.keys(sessionChannels) as (keyof SessionChannels)[]
