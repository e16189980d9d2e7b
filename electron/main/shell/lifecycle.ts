import type { App } from 'electron'

type QuitApp = Pick<App, 'on' | 'quit'>

/**
 * Holds the quit until the services have stopped (the sync engine finishes or abandons its
 * request, the database closes), so a payment being written is never cut in half. A stop that
 * hangs longer than `timeoutMs` no longer blocks the quit.
 */
export function installQuitGuard(opts: {
  app: QuitApp
  stop: () => Promise<void>
  timeoutMs: number
  onError: (error: unknown) => void
}): void {
  let state: 'running' | 'stopping' | 'stopped' = 'running'
  opts.app.on('before-quit', (event) => {
    if (state === 'stopped') return
    event.preventDefault()
    if (state === 'stopping') return
    state = 'stopping'
    void stopWithin(opts.stop, opts.timeoutMs)
      .catch(opts.onError)
      .finally(() => {
        state = 'stopped'
        opts.app.quit()
      })
  })
}

async function stopWithin(stop: () => Promise<void>, timeoutMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`services did not stop within ${timeoutMs} ms`)),
      timeoutMs
    )
  })
  try {
    await Promise.race([stop(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * One Caja per user-data dir: two would both drain the same outbox. Returns false when another
 * instance holds the lock (this one should quit); that instance is asked to focus its window.
 */
export function claimSingleInstance(
  app: Pick<App, 'requestSingleInstanceLock' | 'on'>,
  focusExisting: () => void
): boolean {
  if (!app.requestSingleInstanceLock()) return false
  app.on('second-instance', () => focusExisting())
  return true
}
