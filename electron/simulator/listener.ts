/** One HTTP listener that can really stop (ECONNREFUSED) and come back on the same port. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Listener {
  start(): Promise<void>
  /** Closes the listening socket at once and drops open connections; resolves when closed. */
  stop(): Promise<void>
  isListening(): boolean
  port(): number
}

export function createListener(
  onRequest: (req: IncomingMessage, res: ServerResponse) => void,
  host: string,
  port: number
): Listener {
  let server: Server | undefined
  let boundPort = port
  return {
    async start() {
      if (server) return
      const next = createServer(onRequest)
      // Outlive the client's idle keep-alive (undici drops an idle socket a second before the
      // server's hint): with Node's default 5 s, a loaded machine could let a register POST go
      // out on a socket the server was closing, which the engine must treat as uncertain.
      next.keepAliveTimeout = 65_000
      next.headersTimeout = 66_000
      server = next
      await new Promise<void>((resolve, reject) => {
        next.once('error', reject)
        // The first start may pick any port (0); later starts must reuse it so clients find us.
        next.listen(boundPort, host, () => {
          next.off('error', reject)
          resolve()
        })
      })
      boundPort = (next.address() as AddressInfo).port
    },
    stop() {
      const current = server
      server = undefined
      if (!current) return Promise.resolve()
      const closed = new Promise<void>((resolve) => current.close(() => resolve()))
      current.closeAllConnections()
      return closed
    },
    isListening: () => server?.listening === true,
    port: () => boundPort
  }
}
