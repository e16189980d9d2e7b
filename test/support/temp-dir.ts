/**
 * Temp dirs for tests, removed by vitest hooks so no test writes its own mkdtemp/rm pair.
 *
 *   const tempDir = useTempDir('caja-log-')   // at the top of the file or of a describe
 *   const dir = tempDir()                     // in a test, beforeEach or beforeAll
 *
 * A dir made while a test runs (its beforeEach included) is removed after that test; one made
 * in beforeAll or at collection is removed after all tests of the file or describe.
 */
import { afterAll, afterEach, beforeEach } from 'vitest'
import { makeTempDir, removeDir } from '@scripts/lib/temp-dir'

export { makeTempDir, removeDir }

export interface TempDirOptions {
  /** Runs on each dir before it is removed (e.g. to make a read-only dir writable again). */
  beforeRemove?: (dir: string) => void
}

export function useTempDir(prefix: string, options: TempDirOptions = {}): () => string {
  const perTest: string[] = []
  const perFile: string[] = []
  let inTest = false
  const remove = (dirs: string[]): void => {
    for (const dir of dirs.splice(0)) {
      options.beforeRemove?.(dir)
      removeDir(dir)
    }
  }
  // Registered before the caller's own hooks: this beforeEach runs first and, hooks being run
  // as a stack, this afterEach runs last (after the caller closed what lives in the dirs).
  beforeEach(() => {
    inTest = true
  })
  afterEach(() => {
    inTest = false
    remove(perTest)
  })
  afterAll(() => remove(perFile))
  return () => {
    const dir = makeTempDir(prefix)
    ;(inTest ? perTest : perFile).push(dir)
    return dir
  }
}
