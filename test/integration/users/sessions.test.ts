import { describe, expect, it } from 'vitest'
import { MINUTE, rejectsWith, supervisorReady, T0, useUsersWorlds } from './fixtures'
import { verifyPin } from '@main/users/pin'
import { FAST_HASH } from '@support/fast-hash'
import { createSessionService } from '@main/users/sessions'
import type { IdleTimers } from '@main/users/sessions'

const open = useUsersWorlds()

describe('first start', () => {
  it('has one supervisor with the demo PIN 0000 who must change it at first sign-in', async () => {
    const w = await open({ demoCashier: false })
    const users = w.sessions.users.list()
    expect(users).toHaveLength(1)
    expect(users[0]).toMatchObject({ name: 'Supervisor', role: 'supervisor', mustChangePin: true })
    expect(users[0]?.pinHash).not.toContain('0000')
    expect(await verifyPin('0000', users[0]?.pinHash ?? '')).toBe(true)

    const view = await w.sessions.signIn('supervisor', '0000')
    expect(view).toEqual({
      user: { id: users[0]?.id, name: 'Supervisor', role: 'supervisor' },
      locked: false,
      mustChangePin: true
    })
    expect(() => w.sessions.requireUser()).toThrow(
      expect.objectContaining({ code: 'pin_change_required' })
    )
    await rejectsWith(w.sessions.changePin('0000', '1111'), 'pin_too_simple')
    await rejectsWith(w.sessions.changePin('0000', '0000'), 'pin_too_simple')
    await rejectsWith(w.sessions.changePin('9999', '2580'), 'pin_wrong')
    expect((await w.sessions.changePin('0000', '2580')).mustChangePin).toBe(false)
    expect(w.sessions.requireUser()).toEqual({ id: users[0]?.id, name: 'Supervisor' })
    expect(w.actions()).toContain('auth.pin_changed')

    // The old PIN is gone for good.
    w.sessions.signOut()
    await rejectsWith(w.sessions.signIn('Supervisor', '0000'), 'pin_wrong')
    expect((await w.sessions.signIn('Supervisor', '2580')).mustChangePin).toBe(false)
  })

  it('seeds the demo cashier (PIN 1234, no change needed) only when asked, and only once', async () => {
    const w = await open({ demoCashier: true })
    const view = await w.sessions.signIn('Cajero Demo', '1234')
    expect(view).toMatchObject({
      user: { name: 'Cajero Demo', role: 'cashier' },
      mustChangePin: false
    })
    expect(w.sessions.users.list().map((u) => u.name)).toEqual(['Cajero Demo', 'Supervisor'])
  })

  it('refuses a malformed PIN without spending an attempt', async () => {
    const w = await open()
    expect(await rejectsWith(w.sessions.signIn('Cajero Demo', '12'), 'pin_format')).toEqual({
      min: 4,
      max: 8
    })
    expect(w.sessions.users.byName('Cajero Demo')?.failedAttempts).toBe(0)
    await rejectsWith(w.sessions.signIn('Nadie', '1234'), 'sign_in_failed')
    expect(w.sessions.current().user).toBeNull()
    expect(w.audit.list({ action: 'auth.failed' })[0]?.details).toMatchObject({
      name: 'Nadie',
      reason: 'unknown_user'
    })
  })
})

describe('lockout', () => {
  it('locks a user for 5 minutes after 5 wrong PINs, audited, then lets them in again', async () => {
    const w = await open()
    for (let left = 4; left >= 1; left -= 1) {
      expect(await rejectsWith(w.sessions.signIn('Cajero Demo', '9999'), 'pin_wrong')).toEqual({
        attemptsLeft: left
      })
    }
    const locked = await rejectsWith(w.sessions.signIn('Cajero Demo', '9999'), 'user_locked_out')
    expect(locked).toEqual({ minutes: 5, until: new Date(T0 + 5 * MINUTE).toISOString() })
    // Even the right PIN waits out the lockout.
    w.now.value = T0 + 4 * MINUTE
    await rejectsWith(w.sessions.signIn('Cajero Demo', '1234'), 'user_locked_out')
    expect(w.sessions.current().user).toBeNull()

    const audit = w.audit.list({ limit: 100 }).reverse()
    expect(audit.filter((e) => e.action === 'auth.failed')).toHaveLength(6)
    expect(audit.filter((e) => e.action === 'auth.locked_out')).toMatchObject([
      { details: { attempts: 5, user: { name: 'Cajero Demo' } } }
    ])

    w.now.value = T0 + 5 * MINUTE
    expect((await w.sessions.signIn('Cajero Demo', '1234')).user?.name).toBe('Cajero Demo')
    expect(w.sessions.users.byName('Cajero Demo')).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null
    })
  })

  it('counts wrong PINs at the lock screen too, and does not mix users', async () => {
    const w = await open()
    await supervisorReady(w)
    await w.sessions.signIn('Cajero Demo', '1234')
    w.sessions.lock()
    for (let i = 0; i < 4; i += 1) await rejectsWith(w.sessions.unlock('0000'), 'pin_wrong')
    // The supervisor's count is untouched by the cashier's mistakes.
    expect(w.sessions.users.byName('Supervisor')?.failedAttempts).toBe(0)
    await rejectsWith(w.sessions.unlock('0000'), 'user_locked_out')
    // Another user can still take the till.
    expect((await w.sessions.signIn('Supervisor', '2580')).user?.name).toBe('Supervisor')
  })

  it('follows the lockout settings', async () => {
    const w = await open()
    w.settings.lockoutAttempts = 2
    w.settings.lockoutMinutes = 1
    await rejectsWith(w.sessions.signIn('Cajero Demo', '9999'), 'pin_wrong')
    expect(await rejectsWith(w.sessions.signIn('Cajero Demo', '9999'), 'user_locked_out')).toEqual({
      minutes: 1,
      until: new Date(T0 + MINUTE).toISOString()
    })
  })
})

describe('idle lock', () => {
  it('locks after idleLockMinutes without activity, keeps the user, and needs the PIN again', async () => {
    const w = await open()
    const signedIn = await w.sessions.signIn('Cajero Demo', '1234')
    w.now.value = T0 + 9 * MINUTE
    expect(w.sessions.checkIdle()).toBe(false)
    w.sessions.touch()
    w.now.value = T0 + 18 * MINUTE
    expect(w.sessions.checkIdle()).toBe(false)
    w.now.value = T0 + 19 * MINUTE
    expect(w.sessions.checkIdle()).toBe(true)

    expect(w.sessions.current()).toEqual({ ...signedIn, locked: true })
    expect(w.changes.at(-1)).toEqual({ ...signedIn, locked: true })
    expect(() => w.sessions.requireUser()).toThrow(
      expect.objectContaining({ code: 'session_locked' })
    )
    // Activity on a locked screen does not unlock it.
    expect(w.sessions.touch().locked).toBe(true)

    await rejectsWith(w.sessions.unlock('4321'), 'pin_wrong')
    expect(await w.sessions.unlock('1234')).toEqual(signedIn)
    expect(w.changes.at(-1)).toEqual(signedIn)
    expect(w.actions()).toEqual(expect.arrayContaining(['auth.locked', 'auth.unlocked']))
    // Unlocking counts as activity.
    w.now.value = T0 + 28 * MINUTE
    expect(w.sessions.checkIdle()).toBe(false)
  })

  it('locks from main on its own timer and pushes the change', async () => {
    const w = await open()
    let tick: (() => void) | undefined
    const timers: IdleTimers = {
      setInterval: (fn) => ((tick = fn), 'handle'),
      clearInterval: () => (tick = undefined)
    }
    const pushed: boolean[] = []
    const sessions = createSessionService({
      db: w.db,
      clock: w.clock,
      audit: w.audit,
      settings: () => w.settings,
      hashParams: FAST_HASH,
      onChange: (view) => pushed.push(view.locked),
      timers
    })
    await sessions.signIn('Cajero Demo', '1234')
    w.now.value = T0 + 10 * MINUTE
    tick?.()
    expect(pushed).toEqual([false, true])
    sessions.stop()
    expect(tick).toBeUndefined()
  })

  it('lets a different user take a locked till by signing the first one out', async () => {
    const w = await open()
    await supervisorReady(w)
    await w.sessions.signIn('Cajero Demo', '1234')
    w.sessions.lock()
    const view = await w.sessions.signIn('Supervisor', '2580')
    expect(view).toMatchObject({ user: { name: 'Supervisor' }, locked: false })
    const signedOut = w.audit.list({ action: 'auth.signed_out', limit: 1 })
    expect(signedOut[0]?.details).toMatchObject({
      reason: 'replaced',
      user: { name: 'Cajero Demo' }
    })
  })
})

describe('session lifecycle', () => {
  it('signs out, and signs out a user who is disabled meanwhile', async () => {
    const w = await open()
    await supervisorReady(w)
    const cashier = w.sessions.users.byName('Cajero Demo')
    await w.sessions.signIn('Cajero Demo', '1234')
    expect(w.sessions.signOut()).toEqual({ user: null, locked: false, mustChangePin: false })
    await rejectsWith(w.sessions.unlock('1234'), 'signed_out')

    await w.sessions.signIn('Cajero Demo', '1234')
    w.sessions.users.setActive(cashier?.id ?? '', false)
    expect(w.sessions.current().user).toBeNull()
    expect(w.changes.at(-1)?.user).toBeNull()
    expect(await rejectsWith(w.sessions.signIn('Cajero Demo', '1234'), 'user_disabled')).toEqual({
      name: 'Cajero Demo'
    })
  })

  it('signs in by id as well as by name', async () => {
    const w = await open()
    const id = w.sessions.users.byName('Cajero Demo')?.id ?? ''
    expect((await w.sessions.signIn(id, '1234')).user?.id).toBe(id)
  })

  it('rehashes an old-cost PIN at sign-in', async () => {
    const w = await open()
    // The same database with the app's real cost: the next sign-in upgrades the hash.
    const sessions = createSessionService({
      db: w.db,
      clock: w.clock,
      audit: w.audit,
      settings: () => w.settings,
      idleCheckMs: 0
    })
    expect(sessions.users.byName('Cajero Demo')?.pinHash).toMatch(/ln=10,/)
    await sessions.signIn('Cajero Demo', '1234')
    expect(sessions.users.byName('Cajero Demo')?.pinHash).toMatch(/ln=15,/)
    sessions.signOut()
    expect((await sessions.signIn('Cajero Demo', '1234')).user?.name).toBe('Cajero Demo')
  })
})
