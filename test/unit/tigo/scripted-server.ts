/**
 * A tiny HTTP server on 127.0.0.1:0 whose answers a test scripts, for the malformed and
 * misbehaving responses the simulator does not produce.
 */
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
}

export type Answer =
  | { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number }
  | { destroy: true }
  /** Sends the headers (status 200 unless given) and part of the body, then never finishes. */
  | { stallBody: true; status?: number; headers?: Record<string, string> }

export type Script = (request: SeenRequest, index: number) => Answer

export interface ScriptedServer {
  url: string
  requests: SeenRequest[]
  setScript(script: Script): void
  close(): Promise<void>
}

function respond(res: ServerResponse, answer: Answer): void {
  if ('destroy' in answer) {
    res.socket?.destroy()
    return
  }
  if ('stallBody' in answer) {
    res.writeHead(answer.status ?? 200, {
      'content-type': 'application/json',
      'content-length': '1000',
      ...answer.headers
    })
    res.write('{"a":')
    return
  }
  const body =
    answer.body === undefined
      ? ''
      : typeof answer.body === 'string'
        ? answer.body
        : JSON.stringify(answer.body)
  const type = typeof answer.body === 'string' ? 'text/html' : 'application/json'
  res.writeHead(answer.status, { 'content-type': type, ...answer.headers })
  res.end(body)
}

export async function startScriptedServer(script: Script): Promise<ScriptedServer> {
  let current = script
  const requests: SeenRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8')
      }
      requests.push(seen)
      const answer = current(seen, requests.length - 1)
      const delay = 'delayMs' in answer ? (answer.delayMs ?? 0) : 0
      if (delay > 0) setTimeout(() => respond(res, answer), delay)
      else respond(res, answer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setScript(next) {
      current = next
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

/** A port that was just free on 127.0.0.1, so connecting to it is refused. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
