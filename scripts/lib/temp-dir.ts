/** Temp dirs for the scripts and the tests (test/support/temp-dir.ts adds vitest clean-up). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** A fresh directory under the system temp dir, named `<prefix>XXXXXX`. */
export function makeTempDir(prefix = 'caja-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

/** Removes the directory and what it holds; nothing happens when it is already gone. */
export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
}
