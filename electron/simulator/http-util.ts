/** JSON answers and the Tigo `errorBody` shape shared by every simulator route. */
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

/** What a route sees of a request: already read, already decoded. */
export interface RouteRequest {
  method: string
  path: string
  params: Record<string, string>
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
}

const MESSAGES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Not Authorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable'
}

export function json(body: unknown, status = 200, headers?: Record<string, string>): Reply {
  return headers ? { status, body, headers } : { status, body }
}

export function errorReply(
  status: number,
  developerMessage: string,
  headers?: Record<string, string>
): Reply {
  const body = {
    error: {
      statusCode: String(status),
      code: String(status),
      message: MESSAGES[status] ?? 'Error',
      developerMessage
    }
  }
  return json(body, status, headers)
}

export const badRequest = (developerMessage: string): Reply => errorReply(400, developerMessage)
export const notFound = (developerMessage: string): Reply => errorReply(404, developerMessage)
export const notAuthorized = (): Reply =>
  errorReply(401, 'Access token was not provided or is invalid')

export function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.writableEnded) return
  const payload = reply.body === undefined ? '' : JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    ...(payload ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    'Content-Length': String(Buffer.byteLength(payload)),
    ...reply.headers
  })
  res.end(payload)
}

const MAX_BODY_BYTES = 1_000_000

/** Reads the whole body; resolves undefined when it is too large (the caller answers 413). */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > MAX_BODY_BYTES) return undefined
    chunks.push(buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/** Parses a non-negative integer query value; undefined when absent, null when malformed. */
export function intParam(
  query: URLSearchParams,
  name: string,
  min: number,
  max: number
): number | undefined | null {
  const raw = query.get(name)
  if (raw === null) return undefined
  if (!/^\d{1,9}$/.test(raw)) return null
  const value = Number(raw)
  return value >= min && value <= max ? value : null
}

export function isNumericId(value: string | undefined): value is string {
  return value !== undefined && /^\d{1,20}$/.test(value)
}

/** `/a/:x/b` against `/a/42/b` → `{ x: '42' }`; undefined when the shape differs. */
export function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/')
  const have = path.split('/')
  if (want.length !== have.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const expected = want[i]!
    const actual = have[i]!
    if (expected.startsWith(':')) {
      if (actual === '') return undefined
      params[expected.slice(1)] = actual
    } else if (expected !== actual) return undefined
  }
  return params
}
