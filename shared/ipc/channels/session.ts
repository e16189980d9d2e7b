/**
 * Sign-in, screen lock and supervisor approval. The session lives in main: the renderer only ever
 * sees this view, never a token it could replay or forge.
 */
import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import { EmptyInput } from './common'

export const ROLES = ['cashier', 'supervisor'] as const
export type Role = (typeof ROLES)[number]

export const PIN_MIN_LENGTH = 4
export const PIN_MAX_LENGTH = 8

export interface SessionUser {
  id: string
  name: string
  role: Role
}

/** `user: null` = nobody signed in. `locked`: the same user must type the PIN again. */
export interface SessionView {
  user: SessionUser | null
  locked: boolean
  /** Nothing but `session:changePin` and `session:signOut` works until the PIN is changed. */
  mustChangePin: boolean
}

export interface ApprovalView {
  /** Single use; pass it with the action it was granted for (e.g. `payments:register`). */
  approvalId: string
  supervisor: { id: string; name: string }
  /** ISO 8601; two minutes after the approval. */
  expiresAt: string
}

/** Shape only (so a wrong PIN is a clear `pin_format`, checked in main, not `invalid_input`). */
const PinInput = z.string().max(64)
const UserNameInput = z.string().trim().min(1).max(60)
/** What the approval is for, e.g. `payment.over_offline_cap`. */
export const ApprovalActionInput = z
  .string()
  .trim()
  .regex(/^[a-z][a-z_.]{2,59}$/, 'action must be lower-case words joined by . or _')

export const sessionChannels = {
  'session:current': channel<SessionView>()({ input: EmptyInput, access: 'public' }),
  /**
   * The names the sign-in screen offers to pick from (active users, by name): a till's users see
   * each other's names on the badge anyway; ids, roles and PIN states stay in main.
   */
  'session:userNames': channel<{ names: string[] }>()({ input: EmptyInput, access: 'public' }),
  'session:signIn': channel<SessionView>()({
    input: z.strictObject({ name: UserNameInput, pin: PinInput }),
    access: 'public'
  }),
  /** Also works on a locked screen: that is how a different cashier takes the till. */
  'session:signOut': channel<SessionView>()({ input: EmptyInput, access: 'public' }),
  'session:unlock': channel<SessionView>()({
    input: z.strictObject({ pin: PinInput }),
    access: 'public'
  }),
  'session:lock': channel<SessionView>()({ input: EmptyInput, access: 'public' }),
  /** Cashier activity (throttle it in the renderer); postpones the idle lock. */
  'session:touch': channel<SessionView>()({ input: EmptyInput, access: 'public' }),
  'session:changePin': channel<SessionView>()({
    input: z.strictObject({ currentPin: PinInput, newPin: PinInput }),
    access: 'signedIn'
  }),
  'session:approve': channel<ApprovalView>()({
    input: z.strictObject({
      supervisorName: UserNameInput,
      pin: PinInput,
      action: ApprovalActionInput
    }),
    access: 'signedIn'
  })
} as const
