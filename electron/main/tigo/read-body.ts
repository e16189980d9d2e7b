/**
 * Reads an answer's body within `ms`, without trusting abort signals to get there.
 *
 * Why not `response.text()` under an aborted signal: ky hands undici an `AbortSignal.any()`,
 * and undici follows it through weak references. Once the response has resolved, nothing holds
 * that chain strongly, and a garbage collection at the wrong moment loses the abort: a body that
 * never ends (a committed register answered with headers and then silence) was awaited until
 * the server closed the socket, and the engine's drain with it. Seen in CI as a 75 s test.
 */
export async function readBodyWithin(response: Response, ms: number): Promise<string> {
  const body = response.body
  if (!body) return ''
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new DOMException(`the body did not end within ${ms} ms`, 'TimeoutError'))
      // Frees the connection; a read still pending settles as done and is ignored.
      void reader.cancel().catch(() => undefined)
    }, ms)
  })
  const read = async (): Promise<string> => {
    let text = ''
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return text + decoder.decode()
      text += decoder.decode(value, { stream: true })
    }
  }
  try {
    return await Promise.race([read(), expired])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Lets go of a body nobody will read. ky hands each afterResponse hook a clone (a branch of a
 * tee): an unread branch keeps the connection open after the branch that is read gives up.
 */
export function discardBody(response: Response): void {
  void response.body?.cancel().catch(() => undefined)
}
