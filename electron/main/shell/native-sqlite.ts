import { join } from 'node:path'
import { nativeFileMismatch } from '@scripts/lib/native-abi.mjs'
import type { NativeExpectation } from '@scripts/lib/native-abi.mjs'

/**
 * better-sqlite3 in node_modules is built for Node (tests, harness) and is never rebuilt in
 * place. Inside an unpackaged Electron run the app loads a copy built for Electron's ABI,
 * kept by `scripts/ensure-electron-native.mjs` at this path. Both builds live side by side, so
 * `npm test` and `npm start` work in any order without a rebuild.
 */
export function nativeBindingPath(appRoot: string, abi: string): string {
  return join(appRoot, '.native', `electron-${abi}`, 'better_sqlite3.node')
}

/**
 * In a packaged app: the proven `.native` build, copied in by the electron-builder afterPack
 * hook (scripts/builder/after-pack.mjs) to `resources/native/` (outside the asar, which cannot
 * hold a loadable .node).
 */
export function packagedBindingPath(resourcesPath: string): string {
  return join(resourcesPath, 'native', 'better_sqlite3.node')
}

export interface NativeBindingOptions {
  /** The project root (`app.getAppPath()` when unpackaged). Defaults to the working directory. */
  appPath?: string
  /** `app.isPackaged`. Defaults to "running in Electron but not via `electron .`". */
  isPackaged?: boolean
  /** `process.resourcesPath` in Electron. */
  resourcesPath?: string
  versions?: Pick<NodeJS.ProcessVersions, 'electron' | 'modules'>
  platform?: string
  /** Reads the file's own ABI; returns why it cannot be loaded, undefined when it can. */
  check?: (file: string, expected: NativeExpectation) => string | undefined
}

/** A build that would crash or misbehave if loaded: the message tells the developer what to run. */
export class NativeBindingError extends Error {
  override readonly name = 'NativeBindingError'
}

/**
 * The `nativeBinding` option for `new Database(file, { nativeBinding })`. Under plain Node,
 * undefined (better-sqlite3 loads its own Node build). Under Electron, the Electron-ABI build,
 * after its `node_register_module_v<N>` symbol proved it is for this Electron's
 * `process.versions.modules`; otherwise a NativeBindingError saying what is wrong, before
 * anything loads it (loading a wrong ABI fails deep inside better-sqlite3, or worse).
 */
export function resolveNativeBinding(opts: NativeBindingOptions = {}): string | undefined {
  const versions = opts.versions ?? process.versions
  if (versions.electron === undefined) return undefined
  const isPackaged = opts.isPackaged ?? process.defaultApp !== true
  const file = isPackaged
    ? packagedBindingPath(opts.resourcesPath ?? process.resourcesPath)
    : nativeBindingPath(opts.appPath ?? process.cwd(), versions.modules)
  const check = opts.check ?? nativeFileMismatch
  const problem = check(file, {
    abi: versions.modules,
    platform: opts.platform ?? process.platform,
    runtime: `Electron ${versions.electron}`
  })
  if (problem === undefined) return file
  const fix = isPackaged
    ? 'This package is broken: rebuild it with `npm run dist` (which proves the build first).'
    : 'Run `npm run electron:native` (npm start does this) to build it for Electron.'
  throw new NativeBindingError(
    `better-sqlite3 for Electron ABI ${versions.modules} cannot be loaded from ${file}: ${problem}. ${fix}`
  )
}
