import { describe, expect, it } from 'vitest'
import type { Access } from '@shared/ipc/channel'
import type { SessionView } from '@shared/ipc/channels/session'
import { sessionChannels } from '@shared/ipc/channels/session'
import { userChannels } from '@shared/ipc/channels/users'
import { contract } from '@shared/ipc/contract'
import {
  authorize,
  canActOnShiftOf,
  CHANNEL_POLICY,
  createAuthorizer,
  requirementOf
} from '@main/users/policy'

const cashier: SessionView = {
  user: { id: 'c1', name: 'Ana Cajera', role: 'cashier' },
  locked: false,
  mustChangePin: false
}
const supervisor: SessionView = {
  user: { id: 's1', name: 'Sofía Supervisora', role: 'supervisor' },
  locked: false,
  mustChangePin: false
}
const signedOut: SessionView = { user: null, locked: false, mustChangePin: false }

/** Every channel we know: the merged contract, ours, and those the table already names. */
const specs: Record<string, { access: Access }> = {
  ...contract,
  ...sessionChannels,
  ...userChannels
}
const channels: Array<[string, Access]> = [
  ...new Set([...Object.keys(specs), ...Object.keys(CHANNEL_POLICY)])
].map((name) => [name, specs[name]?.access ?? 'signedIn'])

function codeOf(fn: () => void): string | null {
  try {
    fn()
    return null
  } catch (error) {
    return (error as { code?: string }).code ?? 'not-an-app-error'
  }
}

const SUPERVISOR_ONLY = [
  'settings:set',
  'outbox:retry',
  'batch:confirm',
  'users:list',
  'users:create',
  'users:setActive',
  'users:resetPin',
  'audit:list'
]
const CASHIER_DOES = [
  'payments:register',
  'payments:validateCoupon',
  'receipts:print',
  'shifts:open',
  'shifts:close',
  'bills:byBarcode',
  'session:approve',
  'session:changePin'
]

describe('role policy', () => {
  it('lets a cashier take payments, validate coupons, print and run their shift', () => {
    for (const channel of CASHIER_DOES) {
      const access = specs[channel]?.access ?? 'signedIn'
      expect(
        codeOf(() => authorize(channel, access, cashier)),
        channel
      ).toBeNull()
    }
  })

  it('refuses a cashier every supervisor channel, and lets a supervisor call every channel', () => {
    const refused: string[] = []
    for (const [channel, access] of channels) {
      expect(
        codeOf(() => authorize(channel, access, supervisor)),
        channel
      ).toBeNull()
      const code = codeOf(() => authorize(channel, access, cashier))
      if (code !== null) {
        expect(code, channel).toBe('forbidden')
        refused.push(channel)
      }
    }
    expect(refused).toEqual(expect.arrayContaining(SUPERVISOR_ONLY))
    expect(refused.filter((c) => CASHIER_DOES.includes(c))).toEqual([])
  })

  it('needs no sign-in for the sign-in screen, and a session for everything else', () => {
    for (const channel of [
      'session:current',
      'session:signIn',
      'session:unlock',
      'session:touch'
    ]) {
      expect(
        codeOf(() => authorize(channel, 'public', signedOut)),
        channel
      ).toBeNull()
    }
    expect(codeOf(() => authorize('bills:list', 'signedIn', signedOut))).toBe('signed_out')
    expect(codeOf(() => authorize('settings:set', 'supervisor', signedOut))).toBe('signed_out')
  })

  it('on a locked screen allows only the public channels', () => {
    const locked = { ...supervisor, locked: true }
    expect(codeOf(() => authorize('session:unlock', 'public', locked))).toBeNull()
    expect(codeOf(() => authorize('session:signOut', 'public', locked))).toBeNull()
    expect(codeOf(() => authorize('payments:register', 'signedIn', locked))).toBe('session_locked')
    expect(codeOf(() => authorize('session:changePin', 'signedIn', locked))).toBe('session_locked')
  })

  it('before the first PIN change allows only changing the PIN', () => {
    const fresh = { ...supervisor, mustChangePin: true }
    expect(codeOf(() => authorize('session:changePin', 'signedIn', fresh))).toBeNull()
    expect(codeOf(() => authorize('users:create', 'supervisor', fresh))).toBe('pin_change_required')
    expect(codeOf(() => authorize('session:approve', 'signedIn', fresh))).toBe(
      'pin_change_required'
    )
  })

  it('lets the stricter of the table and the declared access win', () => {
    // The table opens settings:get to the sign-in screen; while the contract says signedIn, it stays so.
    expect(requirementOf('settings:get', 'signedIn')).toBe('signedIn')
    expect(requirementOf('settings:get', 'public')).toBe('public')
    // A channel the table does not know yet follows its access.
    expect(codeOf(() => authorize('future:thing', 'supervisor', cashier))).toBe('forbidden')
    expect(codeOf(() => authorize('future:thing', 'signedIn', cashier))).toBeNull()
    // A table entry a cashier holds cannot loosen a channel declared for supervisors.
    expect(codeOf(() => authorize('payments:register', 'supervisor', cashier))).toBe('forbidden')
  })

  it('lets a cashier act on their own shift only; a supervisor on any', () => {
    expect(canActOnShiftOf(cashier, 'c1')).toBe(true)
    expect(canActOnShiftOf(cashier, 'c2')).toBe(false)
    expect(canActOnShiftOf(supervisor, 'c2')).toBe(true)
    expect(canActOnShiftOf({ ...cashier, locked: true }, 'c1')).toBe(false)
  })

  it('as the dispatcher hook, audits role refusals (not sign-in prompts)', () => {
    const recorded: Array<{ actor: string; action: string; details: unknown }> = []
    let session = cashier
    const hook = createAuthorizer({
      session: () => session,
      audit: {
        record: (actor, action, details) => (
          recorded.push({ actor, action, details }),
          { id: 1, at: 0, actor, action, details }
        )
      }
    })
    expect(hook('payments:register', 'signedIn')).toBe(true)
    expect(() => hook('users:create', 'supervisor')).toThrow(
      expect.objectContaining({
        code: 'forbidden',
        params: expect.objectContaining({ channel: 'users:create' })
      })
    )
    session = signedOut
    expect(() => hook('bills:list', 'signedIn')).toThrow(
      expect.objectContaining({ code: 'signed_out' })
    )
    expect(recorded).toEqual([
      {
        actor: 'c1',
        action: 'auth.forbidden',
        details: {
          channel: 'users:create',
          user: { id: 'c1', name: 'Ana Cajera' },
          role: 'cashier',
          reason: 'role'
        }
      }
    ])
  })
})
