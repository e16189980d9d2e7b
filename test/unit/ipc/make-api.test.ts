import { describe, expect, expectTypeOf, it } from 'vitest'
import { CHANNEL_NAMES, contract } from '@shared/ipc/contract'
import type { EventListener, EventMap, EventName } from '@shared/ipc/events'
import { makeApi } from '@shared/ipc/make-api'
import { IpcError } from '@shared/ipc/result'
import type { BillListView, SettingsView, SyncStatus } from '@shared/ipc/views'

function recordingInvoke(answer: unknown) {
  const calls: Array<{ channel: string; input: unknown }> = []
  const invoke = (channel: string, input: unknown) => {
    calls.push({ channel, input })
    return Promise.resolve(answer)
  }
  return { calls, invoke }
}

const noSubscribe = () => () => {}

describe('makeApi', () => {
  it('unwraps ok results from both the invoke and the nested form', async () => {
    const value = { source: 'live', fetchedAt: 'x', contractId: '1', bills: [] }
    const { calls, invoke } = recordingInvoke({ ok: true, value })
    const api = makeApi(invoke, noSubscribe)

    await expect(api.invoke('bills:list', { contractId: '1' })).resolves.toEqual(value)
    await expect(api.bills.list({ contractId: '2', quantity: 3 })).resolves.toEqual(value)
    expect(calls).toEqual([
      { channel: 'bills:list', input: { contractId: '1' } },
      { channel: 'bills:list', input: { contractId: '2', quantity: 3 } }
    ])
  })

  it('sends {} when a channel needs no input', async () => {
    const { calls, invoke } = recordingInvoke({ ok: true, value: {} })
    const api = makeApi(invoke, noSubscribe)
    await api.settings.get()
    await api.sync.now()
    expect(calls.map((c) => c.input)).toEqual([{}, {}])
  })

  it('throws an IpcError carrying the code and params of an error result', async () => {
    const { invoke } = recordingInvoke({
      ok: false,
      error: { code: 'settings_out_of_range', message: 'm', params: { field: 'x', min: 1, max: 9 } }
    })
    const api = makeApi(invoke, noSubscribe)
    const error = await api.settings.set({ idleLockMinutes: 0 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(IpcError)
    expect(error).toMatchObject({
      code: 'settings_out_of_range',
      params: { field: 'x', min: 1, max: 9 },
      message: 'm'
    })
  })

  it('call() returns the raw result instead of throwing', async () => {
    const { invoke } = recordingInvoke({ ok: false, error: { code: 'offline', message: 'o' } })
    const api = makeApi(invoke, noSubscribe)
    await expect(api.call('outbox:summary')).resolves.toEqual({
      ok: false,
      error: { code: 'offline', message: 'o', params: {} }
    })
  })

  it('turns a malformed answer or a failing transport into an internal error', async () => {
    const malformed = makeApi(recordingInvoke({ value: 1 }).invoke, noSubscribe)
    await expect(malformed.outbox.summary()).rejects.toMatchObject({ code: 'internal' })

    const broken = makeApi(() => Promise.reject(new Error('bridge gone')), noSubscribe)
    await expect(broken.outbox.summary()).rejects.toMatchObject({
      code: 'internal',
      message: 'bridge gone'
    })
  })

  it('has one nested method per contract channel', () => {
    const api = makeApi(recordingInvoke(null).invoke, noSubscribe) as unknown as Record<
      string,
      Record<string, unknown>
    >
    for (const channel of CHANNEL_NAMES) {
      const [namespace, method] = channel.split(':') as [string, string]
      expect(typeof api[namespace]?.[method], channel).toBe('function')
    }
    expect(Object.keys(contract).length).toBe(CHANNEL_NAMES.length)
  })

  it('forwards on() to the subscriber and hands back its unsubscribe', () => {
    const seen: Array<[EventName, unknown]> = []
    let removed = 0
    const subscribe = <E extends EventName>(event: E, cb: EventListener<E>) => {
      seen.push([event, cb])
      return () => {
        removed += 1
      }
    }
    const api = makeApi(recordingInvoke(null).invoke, subscribe)
    const off = api.on('outbox:changed', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<EventMap['outbox:changed']>()
    })
    off()
    expect(seen.map(([event]) => event)).toEqual(['outbox:changed'])
    expect(removed).toBe(1)
  })

  it('types inputs and outputs from the contract', () => {
    const api = makeApi(recordingInvoke(null).invoke, noSubscribe)
    expectTypeOf(api.bills.list).returns.resolves.toEqualTypeOf<BillListView>()
    expectTypeOf(api.invoke<'settings:get'>).returns.resolves.toEqualTypeOf<SettingsView>()
    expectTypeOf(api.sync.now).returns.resolves.toEqualTypeOf<SyncStatus>()
    expectTypeOf(api.bills.list).parameter(0).toHaveProperty('contractId')
    // Type-level only: never called.
    const wrongCalls = () => {
      // @ts-expect-error contractId is required
      void api.bills.list({})
      // @ts-expect-error no such channel
      void api.invoke('bills:nope', {})
    }
    expectTypeOf(wrongCalls).toBeFunction()
  })
})
