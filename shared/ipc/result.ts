/**
 * What crosses the process boundary: never a thrown error (Electron's contextBridge keeps only an
 * error's message), always a plain result the other side unwraps.
 */
import { CodedError, type ErrorParams } from '@shared/errors'

export type IpcErrorParams = ErrorParams

export interface IpcErrorBody {
  code: string
  message: string
  params?: IpcErrorParams
}

export type IpcResult<T = unknown> = { ok: true; value: T } | { ok: false; error: IpcErrorBody }

/** Thrown by `makeApi` in the renderer; screens show `translateError(lang, code, params)`. */
export class IpcError extends CodedError {
  override readonly name = 'IpcError'
}

export function isIpcError(value: unknown): value is IpcError {
  return value instanceof IpcError
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Accepts only a well-formed result; anything else from a transport is an internal error. */
export function asIpcResult(value: unknown): IpcResult {
  if (isRecord(value) && value.ok === true && 'value' in value) {
    return { ok: true, value: value.value }
  }
  if (isRecord(value) && value.ok === false && isRecord(value.error)) {
    const { code, message, params } = value.error
    if (typeof code === 'string') {
      return {
        ok: false,
        error: {
          code,
          message: typeof message === 'string' ? message : code,
          params: isRecord(params) ? cleanParams(params) : {}
        }
      }
    }
  }
  return { ok: false, error: { code: 'internal', message: 'malformed IPC answer', params: {} } }
}

function cleanParams(params: Record<string, unknown>): IpcErrorParams {
  const clean: IpcErrorParams = {}
  for (const [key, value] of Object.entries(params)) {
    if (typeof value === 'string' || typeof value === 'number') clean[key] = value
  }
  return clean
}
