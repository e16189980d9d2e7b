import { describe, expect, it } from 'vitest'
import type { IpcMainInvokeEvent } from 'electron'
import { createDispatcher, createEventBus, forwardEventsToWindow, registerIpc } from '@main/ipc'
import type { Handlers, SomeHandlers } from '@main/ipc'
import { TigoError, toAppError } from '@main/tigo/errors'
import { AppError } from '@shared/errors'
import { CHANNEL_NAMES } from '@shared/ipc/contract'
import type { SyncStatus } from '@shared/ipc/views'

function recordingLog() {
  const lines: Array<{ message: string; details: unknown }> = []
  return {
    lines,
    error: (message: string, details?: unknown) => lines.push({ message, details }),
    warn: (message: string, details?: unknown) => lines.push({ message, details })
  }
}

const allow = () => true

describe('the handler map', () => {
  it('needs a handler for every channel: one left out is a compile error (npm run typecheck)', () => {
    const complete = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => undefined]))
    const { 'bills:list': left, ...withoutOne } = complete as unknown as Handlers
    // @ts-expect-error 'bills:list' is missing: the app's handler map would not compile.
    const incomplete: Handlers = withoutOne
    expect(Object.keys(incomplete)).toHaveLength(CHANNEL_NAMES.length - 1)
    expect(left).toBeTypeOf('function')
  })
})

describe('createDispatcher', () => {
  it('passes parsed input to the handler and answers ok', async () => {
    const seen: unknown[] = []
    const handlers: SomeHandlers = {
      'bills:list': (input) => {
        seen.push(input)
        return { source: 'live', fetchedAt: 'now', contractId: input.contractId, bills: [] }
      }
    }
    const dispatch = createDispatcher(handlers, { authorize: allow, log: recordingLog() })
    const result = await dispatch('bills:list', { contractId: ' 123 ' })
    expect(result).toEqual({
      ok: true,
      value: { source: 'live', fetchedAt: 'now', contractId: '123', bills: [] }
    })
    expect(seen).toEqual([{ contractId: '123' }])
  })

  it('refuses bad input with invalid_input and a readable detail, without calling the handler', async () => {
    let called = false
    const dispatch = createDispatcher(
      {
        'bills:list': () => (
          (called = true),
          { source: 'live', fetchedAt: '', contractId: '', bills: [] }
        )
      },
      { authorize: allow, log: recordingLog() }
    )
    const result = await dispatch('bills:list', { contractId: 'abc', extra: 1 })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('invalid_input')
    expect(result.error.params?.detail).toContain('contractId')
    expect(result.error.params?.detail).toContain('extra')
    expect(called).toBe(false)
  })

  it('answers unknown_channel and not_implemented instead of throwing', async () => {
    const dispatch = createDispatcher({}, { authorize: allow, log: recordingLog() })
    expect(await dispatch('nope:nothing', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_channel' }
    })
    expect(await dispatch('toString', {})).toMatchObject({ error: { code: 'unknown_channel' } })
    expect(await dispatch('outbox:summary', {})).toMatchObject({
      error: { code: 'not_implemented' }
    })
  })

  it('maps an AppError to its code and params', async () => {
    const dispatch = createDispatcher(
      {
        'settings:get': () => {
          throw new AppError('settings_out_of_range', { field: 'x', min: 1, max: 2 }, 'fuera')
        }
      },
      { authorize: allow, log: recordingLog() }
    )
    expect(await dispatch('settings:get', {})).toEqual({
      ok: false,
      error: {
        code: 'settings_out_of_range',
        message: 'fuera',
        params: { field: 'x', min: 1, max: 2 }
      }
    })
  })

  it('maps a TigoError through toAppError', async () => {
    const dispatch = createDispatcher(
      {
        'bills:list': () => {
          throw new TigoError({ kind: 'not-sent', endpoint: 'getBills', detail: 'ECONNREFUSED' })
        }
      },
      { authorize: allow, log: recordingLog(), toAppError }
    )
    expect(await dispatch('bills:list', { contractId: '1' })).toMatchObject({
      ok: false,
      error: { code: 'api_unreachable' }
    })
  })

  it('answers internal for anything else, logs it, and leaks nothing of it', async () => {
    const log = recordingLog()
    const dispatch = createDispatcher(
      {
        'settings:get': () => {
          throw new Error('db exploded with Bearer abc.def.secret')
        }
      },
      { authorize: allow, log, toAppError }
    )
    const result = await dispatch('settings:get', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'internal', params: {} } })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(log.lines).toHaveLength(1)
  })

  it('asks the authorize hook with the channel access and refuses when it says no', async () => {
    const asked: string[] = []
    let called = false
    const dispatch = createDispatcher(
      { 'outbox:retry': () => ((called = true), { retried: 1 }) },
      {
        authorize: (channel, access) => {
          asked.push(`${channel}/${access}`)
          return false
        },
        log: recordingLog()
      }
    )
    expect(await dispatch('outbox:retry', { itemIds: [1] })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
    expect(asked).toEqual(['outbox:retry/supervisor'])
    expect(called).toBe(false)
  })
})

type Listener = (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>

/** Electron's ipcMain cannot run here (no binary); this records what registerIpc asks of it. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return {
    handlers,
    handle: (channel: string, listener: Listener) => {
      handlers.set(channel, listener)
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel)
    }
  }
}

function senderEvent(id: number): IpcMainInvokeEvent {
  return {
    sender: { id },
    senderFrame: { url: 'file:///x', parent: null }
  } as unknown as IpcMainInvokeEvent
}

describe('registerIpc', () => {
  it('registers every contract channel and refuses an untrusted sender before dispatching', async () => {
    const ipcMain = fakeIpcMain()
    const dispatched: string[] = []
    const log = recordingLog()
    const unregister = registerIpc({
      ipcMain: ipcMain as never,
      dispatch: (channel) => {
        dispatched.push(channel)
        return Promise.resolve({ ok: true, value: 'yes' })
      },
      isTrustedSender: (event) => event.sender.id === 1,
      log
    })
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())

    const listener = ipcMain.handlers.get('settings:get')
    expect(await listener?.(senderEvent(2), {})).toMatchObject({
      ok: false,
      error: { code: 'untrusted_sender' }
    })
    expect(dispatched).toEqual([])
    expect(await listener?.(senderEvent(1), {})).toEqual({ ok: true, value: 'yes' })
    expect(dispatched).toEqual(['settings:get'])

    unregister()
    expect(ipcMain.handlers.size).toBe(0)
  })
})

describe('event bus', () => {
  it('delivers to subscribers, survives a throwing one, and forwards to a live window only', () => {
    const bus = createEventBus(recordingLog())
    const got: string[] = []
    bus.subscribe(() => {
      throw new Error('closed socket')
    })
    const off = bus.subscribe((event) => got.push(event))
    const sent: Array<[string, unknown]> = []
    let destroyed = false
    forwardEventsToWindow(bus, () => ({
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
      isDestroyed: () => destroyed
    }))

    bus.emit('outbox:changed', { paymentIds: ['p1'] })
    off()
    destroyed = true
    bus.emit('sync:status', {} as SyncStatus)

    expect(got).toEqual(['outbox:changed'])
    expect(sent).toEqual([['outbox:changed', { paymentIds: ['p1'] }]])
  })
})
