/**
 * Builds the renderer's API from any transport: the preload passes `ipcRenderer.invoke`, the browser
 * harness passes an HTTP call. Both typed from the contract, so a screen cannot tell them apart.
 */
import type { ChannelName, InputOf, OutputOf } from './contract'
import { CHANNEL_NAMES } from './contract'
import type { EventListener, EventName, Subscribe } from './events'
import type { IpcResult } from './result'
import { asIpcResult, IpcError } from './result'

/** Sends one call; resolves with the IpcResult (or anything: it is checked). */
export type Invoke = (channel: ChannelName, input: unknown) => Promise<unknown>

/** Channels whose input may be left out (`{}`-shaped, e.g. `settings:get`). */
export type InputArgs<C extends ChannelName> =
  Record<string, never> extends InputOf<C> ? [input?: InputOf<C>] : [input: InputOf<C>]

type Namespace<C> = C extends `${infer N}:${string}` ? N : never
type MethodOf<C, N extends string> = C extends `${N}:${infer M}` ? M : never

/** `bills:list` → `api.bills.list(input)`. */
export type NestedApi = {
  [N in Namespace<ChannelName>]: {
    [C in ChannelName as MethodOf<C, N>]: (...args: InputArgs<C>) => Promise<OutputOf<C>>
  }
}

export interface CoreApi {
  /** Resolves with the output; rejects with an `IpcError`. */
  invoke<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<OutputOf<C>>
  /** Resolves with the raw result, never rejects for an app error (what a bridge should carry). */
  call<C extends ChannelName>(channel: C, ...args: InputArgs<C>): Promise<IpcResult<OutputOf<C>>>
  on<E extends EventName>(event: E, cb: EventListener<E>): () => void
}

export type CashierApi = CoreApi & NestedApi

const RESERVED = new Set(['invoke', 'call', 'on'])

export function makeApi(invoke: Invoke, subscribe: Subscribe): CashierApi {
  async function call(channel: ChannelName, input?: unknown): Promise<IpcResult> {
    try {
      return asIpcResult(await invoke(channel, input ?? {}))
    } catch (err) {
      // The transport itself failed (a bridge or network error): not an app error code.
      const message = err instanceof Error ? err.message : String(err)
      return { ok: false, error: { code: 'internal', message, params: {} } }
    }
  }

  async function invokeUnwrapped(channel: ChannelName, input?: unknown): Promise<unknown> {
    const result = await call(channel, input)
    if (result.ok) return result.value
    throw new IpcError(result.error.code, result.error.params ?? {}, result.error.message)
  }

  const nested: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of CHANNEL_NAMES) {
    const [namespace, method] = channel.split(':') as [string, string]
    if (RESERVED.has(namespace)) throw new Error(`channel namespace "${namespace}" is reserved`)
    const group = (nested[namespace] ??= {})
    group[method] = (input?: unknown) => invokeUnwrapped(channel, input)
  }

  const core = {
    invoke: invokeUnwrapped,
    call,
    on: <E extends EventName>(event: E, cb: EventListener<E>) => subscribe(event, cb)
  }
  // The loops above build exactly the shape NestedApi describes, one entry per contract channel.
  return { ...nested, ...core } as unknown as CashierApi
}
