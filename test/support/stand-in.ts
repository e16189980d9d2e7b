/**
 * Stand-ins for what a test file makes in its hooks: the tests read `store.db` or `sim.dataset`
 * as if the value were there all along, instead of each file declaring a `let` and a hook to
 * fill it. Reads go to the current value; methods are bound to it.
 */
import { afterEach, beforeEach } from 'vitest'

/** An object forwarding every read to `current()` (which throws while there is none). */
export function standIn<T extends object>(current: () => T): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current()
      const value: unknown = Reflect.get(target, key)
      return typeof value === 'function' ? value.bind(target) : value
    }
  })
}

/** A value opened before each test and closed after it, read through a stand-in. */
export function perTest<T extends object>(
  open: () => T,
  close: (value: T) => void | Promise<void>
): T {
  let value: T | undefined
  beforeEach(() => {
    value = open()
  })
  afterEach(async () => {
    const done = value
    value = undefined
    if (done) await close(done)
  })
  return standIn(() => {
    if (!value) throw new Error('read outside a test: the value is opened before each test')
    return value
  })
}
