import { describe, expect, it } from 'vitest'
import { MINUTE, rejectsWith, supervisorReady, T0, useUsersWorlds } from './fixtures'
import type { UsersWorld } from './fixtures'

const openWorld = useUsersWorlds()

async function ready(): Promise<{ w: UsersWorld; actor: { id: string; name: string } }> {
  const w = await openWorld({ demoCashier: true })
  await supervisorReady(w)
  return { w, actor: w.sessions.requireUser() }
}

describe('managing users', () => {
  it('creates a cashier who must choose a PIN at first sign-in; lists no hash', async () => {
    const { w, actor } = await ready()
    const created = await w.admin.create(actor, {
      name: '  Luisa   Gómez ',
      role: 'cashier',
      pin: '0000'
    })
    expect(created).toEqual({
      id: expect.any(String),
      name: 'Luisa Gómez',
      role: 'cashier',
      active: true,
      mustChangePin: true,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: new Date(T0).toISOString()
    })
    expect(JSON.stringify(w.admin.list())).not.toContain('scrypt')
    expect(w.admin.list().map((u) => u.name)).toEqual(['Cajero Demo', 'Luisa Gómez', 'Supervisor'])
    expect((await w.sessions.signIn('luisa gómez', '0000')).mustChangePin).toBe(true)
    expect(w.audit.list({ action: 'users.created' })[0]?.details).toMatchObject({
      by: actor,
      user: { name: 'Luisa Gómez' },
      role: 'cashier'
    })
  })

  it('refuses duplicate and malformed names and weak kept PINs', async () => {
    const { w, actor } = await ready()
    expect(
      await rejectsWith(
        w.admin.create(actor, { name: 'cajero demo', role: 'cashier', pin: '2468' }),
        'user_name_taken'
      )
    ).toEqual({ name: 'cajero demo' })
    await rejectsWith(
      w.admin.create(actor, { name: '<script>', role: 'cashier', pin: '2468' }),
      'user_name_invalid'
    )
    await rejectsWith(
      w.admin.create(actor, { name: 'Pedro', role: 'cashier', pin: '1111', mustChangePin: false }),
      'pin_too_simple'
    )
    await rejectsWith(
      w.admin.create(actor, { name: 'Pedro', role: 'cashier', pin: '12' }),
      'pin_format'
    )
  })

  it('disables and enables users, but never oneself or the last supervisor', async () => {
    const { w, actor } = await ready()
    const cashier = w.sessions.users.byName('Cajero Demo')?.id ?? ''
    expect(w.admin.setActive(actor, cashier, false).active).toBe(false)
    await rejectsWith(w.sessions.signIn('Cajero Demo', '1234'), 'user_disabled')
    expect(w.admin.setActive(actor, cashier, true).active).toBe(true)

    await rejectsWith(() => w.admin.setActive(actor, actor.id, false), 'user_disable_self')
    const second = await w.admin.create(actor, { name: 'Marta', role: 'supervisor', pin: '2468' })
    expect(w.admin.setActive(actor, second.id, false).active).toBe(false)
    // Marta (now the only other one) may not disable the last active supervisor either.
    w.admin.setActive(actor, second.id, true)
    w.admin.setActive({ id: second.id, name: 'Marta' }, actor.id, false)
    await rejectsWith(
      () => w.admin.setActive({ id: 'x', name: 'X' }, second.id, false),
      'last_supervisor'
    )
    await rejectsWith(() => w.admin.setActive(actor, 'nope', true), 'user_unknown')
    expect(w.actions().filter((a) => a.startsWith('users.'))).toEqual([
      'users.seeded',
      'users.seeded',
      'users.disabled',
      'users.enabled',
      'users.created',
      'users.disabled',
      'users.enabled',
      'users.disabled'
    ])
  })

  it('resets a PIN, which also lifts a lockout', async () => {
    const { w, actor } = await ready()
    w.sessions.signOut()
    for (let i = 0; i < 5; i += 1) await w.sessions.signIn('Cajero Demo', '9999').catch(() => null)
    const cashier = w.sessions.users.byName('Cajero Demo')?.id ?? ''
    expect(w.admin.list().find((u) => u.id === cashier)?.lockedUntil).toBe(
      new Date(T0 + 5 * MINUTE).toISOString()
    )
    const reset = await w.admin.resetPin(actor, cashier, '5555')
    expect(reset).toMatchObject({ mustChangePin: true, lockedUntil: null, failedAttempts: 0 })
    await rejectsWith(w.sessions.signIn('Cajero Demo', '1234'), 'pin_wrong')
    expect((await w.sessions.signIn('Cajero Demo', '5555')).mustChangePin).toBe(true)
  })
})
