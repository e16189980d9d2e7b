/**
 * The one door from the renderer into main. `createDispatcher` is transport-free: Electron's
 * `ipcMain.handle` (below) and the browser harness's HTTP route call the same `dispatch`, so both
 * parse input, check access and translate errors the same way.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { z } from 'zod'
import type { Access, ChannelSpec, OutputMarker } from '@shared/ipc/channel'
import type { ChannelName, Contract, OutputOf, ParsedInputOf } from '@shared/ipc/contract'
import { CHANNEL_NAMES, contract, isChannelName } from '@shared/ipc/contract'
import type { EventMap, EventName } from '@shared/ipc/events'
import { EVENT_NAMES } from '@shared/ipc/events'
import type { IpcErrorParams, IpcResult } from '@shared/ipc/result'
import { malformedTextPath } from '@shared/ipc/well-formed'
import type { AppError } from '@shared/errors'
import { isAppError } from '@shared/errors'

export type Handler<C extends ChannelName> = (
  input: ParsedInputOf<C>
) => Promise<OutputOf<C>> | OutputOf<C>

/**
 * Handlers typed from a feature's own channel map, so they type-check on their own and fit
 * `Handlers` once the map is merged into the contract.
 */
export type ChannelHandlers<M extends Record<string, ChannelSpec>> = {
  [C in keyof M]: (
    input: z.output<M[C]['input']>
  ) =>
    | Promise<M[C]['output'] extends OutputMarker<infer O> ? O : never>
    | (M[C]['output'] extends OutputMarker<infer O> ? O : never)
}

/** Every channel's handler: a channel added to the contract without one is a type error. */
export type Handlers = ChannelHandlers<Contract>

/** Some channels' handlers, for tests of the dispatcher; the rest answer `not_implemented`. */
export type SomeHandlers = Partial<Handlers>

export type Authorize = (channel: ChannelName, access: Access) => boolean | Promise<boolean>

export interface DispatchLog {
  error(message: string, details?: unknown): void
}

export interface DispatcherOptions {
  /**
   * Whether the caller may use the channel: false answers `forbidden`; a thrown AppError
   * (`signed_out`, `session_locked`…) is answered as is. The services pass the session policy.
   */
  authorize: Authorize
  log: DispatchLog
  /** Turns a service failure (a TigoError…) into the AppError the cashier sees; null = unknown. */
  toAppError?: (error: unknown) => AppError | null
}

export type Dispatch = (channel: string, input: unknown) => Promise<IpcResult>

const MAX_DETAIL = 300

/** `bills.0.amount: Too small…; idType: Invalid option…` for the `invalid_input` message. */
export function describeIssues(error: z.ZodError): string {
  const text = error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.')
      return path ? `${path}: ${issue.message}` : issue.message
    })
    .join('; ')
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text
}

function failure(code: string, params: IpcErrorParams, message: string): IpcResult {
  return { ok: false, error: { code, message, params } }
}

function fromAppError(error: AppError): IpcResult {
  return failure(error.code, error.params, error.message)
}

export function createDispatcher(handlers: SomeHandlers, options: DispatcherOptions): Dispatch {
  const specs: Record<string, { input: z.ZodType; access: Access }> = contract

  return async (channel, input) => {
    if (!isChannelName(channel)) {
      return failure(
        'unknown_channel',
        { channel: String(channel).slice(0, 60) },
        'unknown channel'
      )
    }
    const spec = specs[channel]
    if (!spec) return failure('unknown_channel', { channel }, 'unknown channel')

    // Every string of every channel, before its schema: a lone surrogate would otherwise reach a
    // URL encoder or a UTF-8 writer in a handler and come back as `internal`.
    const malformed = malformedTextPath(input)
    if (malformed !== undefined) {
      const detail = `${malformed}: not well-formed Unicode text`
      return failure('invalid_input', { detail, channel }, `Datos inválidos: ${detail}`)
    }

    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) {
      const detail = describeIssues(parsed.error)
      return failure('invalid_input', { detail, channel }, `Datos inválidos: ${detail}`)
    }

    try {
      if (!(await options.authorize(channel, spec.access))) {
        return failure('forbidden', { channel }, 'No autorizado')
      }
      const handler = handlers[channel] as ((input: unknown) => unknown) | undefined
      if (!handler) return failure('not_implemented', { channel }, 'not implemented')
      const value: unknown = await handler(parsed.data)
      return { ok: true, value }
    } catch (error) {
      if (isAppError(error) && error.code !== 'internal') return fromAppError(error)
      const mapped = options.toAppError?.(error) ?? null
      if (mapped && mapped.code !== 'internal') return fromAppError(mapped)
      // The logger redacts secrets; the renderer gets nothing but the code.
      options.log.error(`ipc ${channel} failed`, error)
      return failure('internal', {}, 'Ocurrió un error inesperado')
    }
  }
}

/** In-process pub/sub for pushed events; Electron and the harness each forward it their way. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void
  subscribe(cb: (event: EventName, payload: EventMap[EventName]) => void): () => void
}

export function createEventBus(log?: DispatchLog): EventBus {
  const listeners = new Set<(event: EventName, payload: EventMap[EventName]) => void>()
  return {
    emit(event, payload) {
      for (const listener of [...listeners]) {
        try {
          listener(event, payload)
        } catch (error) {
          // One broken listener (a closed SSE socket) must not starve the others.
          log?.error(`event listener for ${event} failed`, error)
        }
      }
    },
    subscribe(cb) {
      listeners.add(cb)
      return () => {
        listeners.delete(cb)
      }
    }
  }
}

export type SenderEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>

export interface ElectronIpcOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  dispatch: Dispatch
  isTrustedSender: (event: SenderEvent) => boolean
  log: DispatchLog & { warn(message: string, details?: unknown): void }
}

/** Registers one handler per contract channel; returns the function that removes them. */
export function registerIpc(options: ElectronIpcOptions): () => void {
  const { ipcMain } = options
  for (const channel of CHANNEL_NAMES) {
    ipcMain.removeHandler(channel)
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      if (!options.isTrustedSender(event)) {
        options.log.warn(`ipc ${channel} refused: untrusted sender`, {
          url: event.senderFrame?.url ?? null
        })
        return failure('untrusted_sender', {}, 'untrusted sender')
      }
      return options.dispatch(channel, input)
    })
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel)
  }
}

/** Pushes every bus event to our window (and only ours); returns the unsubscribe. */
export function forwardEventsToWindow(
  events: EventBus,
  target: () => Pick<WebContents, 'send' | 'isDestroyed'> | undefined
): () => void {
  return events.subscribe((event, payload) => {
    const contents = target()
    if (!contents || contents.isDestroyed()) return
    if (EVENT_NAMES.includes(event)) contents.send(event, payload)
  })
}
