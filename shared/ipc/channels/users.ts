/** Local users of this till (supervisor only). A PIN goes in; a PIN or its hash never comes out. */
import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import { EmptyInput } from './common'
import type { Role } from './session'
import { ROLES } from './session'

export interface UserView {
  id: string
  name: string
  role: Role
  active: boolean
  mustChangePin: boolean
  failedAttempts: number
  /** ISO 8601 while wrong PINs keep the user out; null otherwise. */
  lockedUntil: string | null
  /** ISO 8601. */
  createdAt: string
}

const UserIdInput = z.string().trim().min(1).max(64)
const PinInput = z.string().max(64)

export const userChannels = {
  'users:list': channel<UserView[]>()({ input: EmptyInput, access: 'supervisor' }),
  'users:create': channel<UserView>()({
    input: z.strictObject({
      name: z.string().trim().min(1).max(60),
      role: z.enum(ROLES),
      pin: PinInput,
      /** Default true: the person picks their own PIN at first sign-in. */
      mustChangePin: z.boolean().optional()
    }),
    access: 'supervisor'
  }),
  'users:setActive': channel<UserView>()({
    input: z.strictObject({ userId: UserIdInput, active: z.boolean() }),
    access: 'supervisor'
  }),
  /** Also lifts a lockout. */
  'users:resetPin': channel<UserView>()({
    input: z.strictObject({
      userId: UserIdInput,
      pin: PinInput,
      mustChangePin: z.boolean().optional()
    }),
    access: 'supervisor'
  })
} as const
