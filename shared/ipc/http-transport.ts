/**
 * The contract over loopback HTTP, for the browser harness: `POST /rpc/<channel>` answers an
 * IpcResult, `GET /events` streams pushed events. Globals are looked up lazily (and can be
 * injected) because shared/ also compiles for Node.
 */
import type { ChannelName } from './contract'
import type { EventListener, EventName, Subscribe } from './events'
import type { Invoke } from './make-api'

export const TOKEN_HEADER = 'x-harness-token'
export const RPC_PATH = '/rpc/'
export const EVENTS_PATH = '/events'

interface FetchResponse {
  ok: boolean
  status: number
  json(): Promise<unknown>
}
type FetchFn = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string }
) => Promise<FetchResponse>

interface MessageEventLike {
  data: unknown
}
interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEventLike) => void): void
  removeEventListener(type: string, listener: (event: MessageEventLike) => void): void
  close(): void
}
type EventSourceCtor = new (url: string) => EventSourceLike

export interface HttpTransportOptions {
  /** Origin of the harness, e.g. `http://127.0.0.1:5173`; empty = same origin as the page. */
  baseUrl?: string
  token: string
  fetch?: FetchFn
  EventSource?: EventSourceCtor
}

export interface HttpTransport {
  invoke: Invoke
  subscribe: Subscribe
  close(): void
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const baseUrl = (options.baseUrl ?? '').replace(/\/$/, '')
  const globals = globalThis as { fetch?: FetchFn; EventSource?: EventSourceCtor }
  let source: EventSourceLike | null = null
  let listeners = 0

  const invoke: Invoke = async (channel: ChannelName, input: unknown) => {
    const fetchFn = options.fetch ?? globals.fetch
    if (!fetchFn) throw new Error('fetch is not available')
    const response = await fetchFn(`${baseUrl}${RPC_PATH}${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: options.token },
      body: JSON.stringify(input ?? {})
    })
    // Error results travel with status 200; anything else (401, 404) is a transport failure.
    if (!response.ok) throw new Error(`harness answered HTTP ${response.status}`)
    return response.json()
  }

  function openSource(): EventSourceLike {
    if (source) return source
    const Ctor = options.EventSource ?? globals.EventSource
    if (!Ctor) throw new Error('EventSource is not available')
    source = new Ctor(`${baseUrl}${EVENTS_PATH}?token=${encodeURIComponent(options.token)}`)
    return source
  }

  const subscribe: Subscribe = <E extends EventName>(event: E, cb: EventListener<E>) => {
    const es = openSource()
    listeners += 1
    const listener = (message: MessageEventLike) => {
      if (typeof message.data !== 'string') return
      cb(JSON.parse(message.data) as Parameters<EventListener<E>>[0])
    }
    es.addEventListener(event, listener)
    let active = true
    return () => {
      if (!active) return
      active = false
      es.removeEventListener(event, listener)
      listeners -= 1
      if (listeners === 0) close()
    }
  }

  function close(): void {
    source?.close()
    source = null
  }

  return { invoke, subscribe, close }
}
