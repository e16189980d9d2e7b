import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { Access } from '@shared/ipc/channel'
import { sessionChannels } from '@shared/ipc/channels/session'
import { userChannels } from '@shared/ipc/channels/users'
import { contract } from '@shared/ipc/contract'
import { createDispatcher } from '@main/ipc'
import type { SomeHandlers } from '@main/ipc'
import { SESSION_CHANNEL_NAMES, sessionHandlers } from '@main/users/session-handlers'
import { USER_CHANNEL_NAMES, userHandlers } from '@main/users/handlers'
import { CHANNEL_POLICY, createAuthorizer, requirementOf } from '@main/users/policy'
import { ROLE_PERMISSIONS } from '@main/users/policy'
import { useUsersWorlds } from './fixtures'

const openWorld = useUsersWorlds()

const specs: Record<string, { access: Access }> = {
  ...contract,
  ...sessionChannels,
  ...userChannels
}
const ALL: Array<[string, Access]> = [
  ...new Set([...Object.keys(specs), ...Object.keys(CHANNEL_POLICY)])
].map((name) => [name, specs[name]?.access ?? 'signedIn'])

function supervisorOnly(channel: string, access: Access): boolean {
  if (access === 'supervisor') return true
  const requirement = requirementOf(channel, access)
  return (
    requirement !== 'public' &&
    requirement !== 'session' &&
    requirement !== 'signedIn' &&
    !ROLE_PERMISSIONS.cashier.includes(requirement)
  )
}

const log = { error: () => {} }

describe('authorize hook on a real session', () => {
  it('refuses a signed-in cashier every supervisor channel, each refusal audited', async () => {
    const w = await openWorld()
    await w.sessions.signIn('Cajero Demo', '1234')
    const authorizeHook = createAuthorizer({ session: w.sessions.current, audit: w.audit })

    const supervisorChannels = ALL.filter(([channel, access]) => supervisorOnly(channel, access))
    expect(supervisorChannels.map(([c]) => c)).toEqual(
      expect.arrayContaining(['settings:set', 'outbox:retry', 'users:create', 'users:resetPin'])
    )
    for (const [channel, access] of supervisorChannels) {
      expect(() => authorizeHook(channel, access), channel).toThrow(
        expect.objectContaining({ code: 'forbidden' })
      )
    }
    const refusals = w.audit.list({ action: 'auth.forbidden', limit: 1000 })
    expect(refusals.map((e) => (e.details as { channel: string }).channel).sort()).toEqual(
      supervisorChannels.map(([c]) => c).sort()
    )
    expect(refusals.every((e) => e.actor === w.sessions.current().user?.id)).toBe(true)

    // And the cashier's own work passes.
    for (const [channel, access] of ALL.filter(([c, a]) => !supervisorOnly(c, a))) {
      expect(authorizeHook(channel, access), channel).toBe(true)
    }
  })

  it('through the dispatcher: refused before the handler runs, with the forbidden code', async () => {
    const w = await openWorld()
    await w.sessions.signIn('Cajero Demo', '1234')
    let called = false
    const handlers: SomeHandlers = {
      'outbox:retry': () => ((called = true), { retried: 1 }),
      'outbox:summary': () => {
        throw new Error('not needed')
      }
    }
    const dispatch = createDispatcher(handlers, {
      authorize: createAuthorizer({ session: w.sessions.current, audit: w.audit }),
      log
    })
    expect(await dispatch('outbox:retry', { itemIds: [1] })).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: 'No autorizado: outbox:retry',
        params: { channel: 'outbox:retry', reason: 'role' }
      }
    })
    expect(called).toBe(false)

    w.sessions.lock()
    expect(await dispatch('bills:list', { contractId: '1' })).toMatchObject({
      ok: false,
      error: { code: 'session_locked' }
    })
    w.sessions.signOut()
    expect(await dispatch('bills:list', { contractId: '1' })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' }
    })
    expect(w.audit.list({ action: 'auth.forbidden' })).toHaveLength(1)
  })
})

describe('session and users handlers', () => {
  it('cover every channel of their files', () => {
    expect(SESSION_CHANNEL_NAMES.sort()).toEqual(Object.keys(sessionChannels).sort())
    expect(USER_CHANNEL_NAMES.sort()).toEqual(Object.keys(userChannels).sort())
  })

  it('sign in, change the PIN, approve and manage users from parsed renderer input', async () => {
    const w = await openWorld()
    const session = sessionHandlers({ sessions: w.sessions })
    const users = userHandlers({ sessions: w.sessions, admin: w.admin })
    type S = typeof sessionChannels
    const input = <C extends keyof S>(channel: C, raw: unknown): z.output<S[C]['input']> =>
      sessionChannels[channel].input.parse(raw) as z.output<S[C]['input']>

    expect(await session['session:current'](input('session:current', {}))).toEqual({
      user: null,
      locked: false,
      mustChangePin: false
    })
    // Signed out, the sign-in screen offers the active users' names, and nothing else of them.
    expect(await session['session:userNames'](input('session:userNames', {}))).toEqual({
      names: w.sessions.users
        .list()
        .filter((user) => user.active)
        .map((user) => user.name)
    })
    expect((await session['session:userNames'](input('session:userNames', {}))).names).toContain(
      'Supervisor'
    )
    const signedIn = await session['session:signIn'](
      input('session:signIn', { name: ' Supervisor ', pin: '0000' })
    )
    expect(signedIn).toMatchObject({
      user: { name: 'Supervisor', role: 'supervisor' },
      mustChangePin: true
    })
    expect(Object.keys(signedIn.user ?? {}).sort()).toEqual(['id', 'name', 'role'])
    await session['session:changePin'](
      input('session:changePin', { currentPin: '0000', newPin: '2580' })
    )

    const created = await users['users:create'](
      userChannels['users:create'].input.parse({ name: 'Luisa', role: 'cashier', pin: '4826' })
    )
    expect(created.mustChangePin).toBe(true)
    expect((await users['users:list']({})).map((u) => u.name)).toContain('Luisa')

    await session['session:signIn'](input('session:signIn', { name: 'Cajero Demo', pin: '1234' }))
    const approval = await session['session:approve'](
      input('session:approve', {
        supervisorName: 'Supervisor',
        pin: '2580',
        action: 'payment.over_offline_cap'
      })
    )
    expect(approval).toEqual({
      approvalId: expect.any(String),
      supervisor: { id: expect.any(String), name: 'Supervisor' },
      expiresAt: expect.stringMatching(/Z$/)
    })
    expect((await session['session:lock']({})).locked).toBe(true)
    expect((await session['session:unlock'](input('session:unlock', { pin: '1234' }))).locked).toBe(
      false
    )
  })

  it('refuses an action name that is not a plain identifier', () => {
    expect(
      sessionChannels['session:approve'].input.safeParse({
        supervisorName: 'S',
        pin: '1',
        action: 'DROP TABLE'
      }).success
    ).toBe(false)
  })
})
