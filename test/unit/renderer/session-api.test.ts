import { describe, expect, it } from 'vitest'
import { makeApi } from '@shared/ipc/make-api'
import { IpcError } from '@shared/ipc/result'
import { observeFailures } from '@renderer/lib/observed-api'

/** A transport that refuses `users:list` as main does for a cashier, and answers the rest. */
function fakeApi() {
  return makeApi(
    (channel) =>
      Promise.resolve(
        channel === 'users:list'
          ? { ok: false, error: { code: 'forbidden', message: 'no' } }
          : channel === 'outbox:list'
            ? { ok: false, error: { code: 'session_locked', message: 'locked' } }
            : { ok: true, value: { user: null, locked: false, mustChangePin: false } }
      ),
    () => () => undefined
  )
}

describe('observed API', () => {
  it('reports every refused call by code, however it was made, and still fails it', async () => {
    const { api, onFailure } = observeFailures(fakeApi())
    const codes: string[] = []
    const off = onFailure((code) => codes.push(code))

    await expect(api.invoke('users:list')).rejects.toBeInstanceOf(IpcError)
    await expect(api.users.list()).rejects.toMatchObject({ code: 'forbidden' })
    expect(await api.call('outbox:list', {})).toMatchObject({ ok: false })
    expect(await api.session.current()).toEqual({ user: null, locked: false, mustChangePin: false })
    expect(codes).toEqual(['forbidden', 'forbidden', 'session_locked'])

    off()
    await expect(api.invoke('users:list')).rejects.toBeInstanceOf(IpcError)
    expect(codes).toHaveLength(3)
  })
})
