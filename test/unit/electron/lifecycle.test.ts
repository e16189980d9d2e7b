import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { App } from 'electron'
import { claimSingleInstance, installQuitGuard } from '@main/shell/lifecycle'

function fakeApp() {
  const app = new EventEmitter() as EventEmitter & { quit: ReturnType<typeof vi.fn> }
  app.quit = vi.fn(() => {
    // Electron emits before-quit again when quit() is called.
    const event = { preventDefault: vi.fn() }
    app.emit('before-quit', event)
    quitEvents.push(event)
  })
  const quitEvents: Array<{ preventDefault: ReturnType<typeof vi.fn> }> = []
  const requestQuit = () => {
    const event = { preventDefault: vi.fn() }
    app.emit('before-quit', event)
    return event
  }
  return { app, requestQuit, quitEvents }
}

function deferred() {
  let resolve!: () => void
  let reject!: (error: Error) => void
  const promise = new Promise<void>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('quit guard', () => {
  afterEach(() => vi.useRealTimers())

  it('holds the quit until the services stopped, stopping them once', async () => {
    const { app, requestQuit, quitEvents } = fakeApp()
    const stopped = deferred()
    const stop = vi.fn(() => stopped.promise)
    installQuitGuard({ app: app as unknown as App, stop, timeoutMs: 5_000, onError: vi.fn() })

    expect(requestQuit().preventDefault).toHaveBeenCalled()
    expect(requestQuit().preventDefault).toHaveBeenCalled() // a second Ctrl+Q while stopping
    expect(stop).toHaveBeenCalledTimes(1)
    expect(app.quit).not.toHaveBeenCalled()

    stopped.resolve()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1))
    expect(quitEvents[0]!.preventDefault).not.toHaveBeenCalled()
    expect(stop).toHaveBeenCalledTimes(1)
  })

  it('still quits, reporting the error, when stop fails', async () => {
    const { app, requestQuit } = fakeApp()
    const onError = vi.fn()
    installQuitGuard({
      app: app as unknown as App,
      stop: () => Promise.reject(new Error('db busy')),
      timeoutMs: 5_000,
      onError
    })
    requestQuit()
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled())
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'db busy' }))
  })

  it('gives up waiting after the timeout', async () => {
    vi.useFakeTimers()
    const { app, requestQuit } = fakeApp()
    const onError = vi.fn()
    installQuitGuard({
      app: app as unknown as App,
      stop: () => new Promise<void>(() => {}),
      timeoutMs: 5_000,
      onError
    })
    requestQuit()
    await vi.advanceTimersByTimeAsync(4_999)
    expect(app.quit).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(app.quit).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('5000 ms') })
    )
  })
})

describe('single instance', () => {
  it('lets the first instance run and focuses it when a second one starts', () => {
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => true })
    const focus = vi.fn()
    expect(claimSingleInstance(app as unknown as App, focus)).toBe(true)
    app.emit('second-instance')
    expect(focus).toHaveBeenCalledTimes(1)
  })

  it('tells the second instance to quit', () => {
    const app = Object.assign(new EventEmitter(), { requestSingleInstanceLock: () => false })
    const focus = vi.fn()
    expect(claimSingleInstance(app as unknown as App, focus)).toBe(false)
    app.emit('second-instance')
    expect(focus).not.toHaveBeenCalled()
  })
})
