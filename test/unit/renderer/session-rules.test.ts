import { describe, expect, it } from 'vitest'
import type { SessionView } from '@shared/ipc/channels/session'
import {
  SIGNED_OUT,
  createThrottle,
  gateOf,
  newPinProblem,
  pinInput,
  userLeft,
  viewAfterError
} from '@renderer/lib/session-rules'

const cashier: SessionView = {
  user: { id: 'u1', name: 'Cajero Demo', role: 'cashier' },
  locked: false,
  mustChangePin: false
}

describe('session gate', () => {
  it('shows the screen the view calls for', () => {
    expect(gateOf(null)).toBe('loading')
    expect(gateOf(SIGNED_OUT)).toBe('signIn')
    expect(gateOf(cashier)).toBe('open')
    expect(gateOf({ ...cashier, locked: true })).toBe('locked')
    expect(gateOf({ ...cashier, mustChangePin: true })).toBe('changePin')
    // Main refuses the PIN change on a locked screen: the lock comes first.
    expect(gateOf({ ...cashier, locked: true, mustChangePin: true })).toBe('locked')
  })

  it('routes session errors from any call, and only those', () => {
    expect(viewAfterError(cashier, 'signed_out')).toEqual(SIGNED_OUT)
    expect(viewAfterError(cashier, 'session_locked')).toEqual({ ...cashier, locked: true })
    expect(viewAfterError(cashier, 'pin_change_required')).toEqual({
      ...cashier,
      mustChangePin: true
    })
    // Nobody known to be signed in: whatever main says, sign in first.
    expect(viewAfterError(null, 'session_locked')).toEqual(SIGNED_OUT)
    expect(viewAfterError(cashier, 'forbidden')).toBeUndefined()
    expect(viewAfterError(cashier, 'pin_wrong')).toBeUndefined()
  })

  it('notices when the person at the till changes', () => {
    const other: SessionView = { ...cashier, user: { id: 'u2', name: 'Ana', role: 'cashier' } }
    expect(userLeft(cashier, other)).toBe(true)
    expect(userLeft(cashier, SIGNED_OUT)).toBe(true)
    expect(userLeft(cashier, { ...cashier, locked: true })).toBe(false)
    expect(userLeft(SIGNED_OUT, cashier)).toBe(false)
    expect(userLeft(null, cashier)).toBe(false)
  })
})

describe('activity throttle', () => {
  it('lets the first call through, then one per interval', () => {
    let now = 1_000
    const allow = createThrottle(30_000, () => now)
    expect(allow()).toBe(true)
    now += 29_999
    expect(allow()).toBe(false)
    now += 1
    expect(allow()).toBe(true)
    expect(allow()).toBe(false)
  })
})

describe('PIN checks in the renderer', () => {
  it('keeps digits only, up to the longest PIN', () => {
    expect(pinInput('12a3 4')).toBe('1234')
    expect(pinInput('1234567890')).toBe('12345678')
  })

  it('compares the new PIN twice before asking main', () => {
    expect(newPinProblem('0000', '12', '12')).toBe('pinFormat')
    expect(newPinProblem('0000', '3719', '3718')).toBe('pinMismatch')
    expect(newPinProblem('3719', '3719', '3719')).toBe('pinUnchanged')
    expect(newPinProblem('0000', '3719', '3719')).toBeNull()
  })
})
