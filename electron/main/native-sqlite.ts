import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 in node_modules is built for Node (tests, harness). Inside an unpackaged
 * Electron run the app loads a copy built for Electron's ABI instead, kept by
 * `scripts/ensure-electron-native.mjs` at this path. Both builds live side by side, so
 * `npm test` and `npm start` work in any order without a rebuild.
 */
export function nativeBindingPath(appRoot: string, abi: string): string {
  return join(appRoot, '.native', `electron-${abi}`, 'better_sqlite3.node')
}

export interface NativeBindingOptions {
  /** The project root (`app.getAppPath()` when unpackaged). Defaults to the working directory. */
  appPath?: string
  /** `app.isPackaged`. Defaults to "running in Electron but not via `electron .`". */
  isPackaged?: boolean
  versions?: Pick<NodeJS.ProcessVersions, 'electron' | 'modules'>
  exists?: (path: string) => boolean
}

/**
 * The `nativeBinding` option for `new Database(file, { nativeBinding })`, or undefined to let
 * better-sqlite3 load its own build: under plain Node, and in a packaged app (electron-builder
 * rebuilt node_modules for Electron and unpacked it from the asar).
 */
export function resolveNativeBinding(opts: NativeBindingOptions = {}): string | undefined {
  const versions = opts.versions ?? process.versions
  if (versions.electron === undefined) return undefined
  const isPackaged = opts.isPackaged ?? process.defaultApp !== true
  if (isPackaged) return undefined
  const path = nativeBindingPath(opts.appPath ?? process.cwd(), versions.modules)
  return (opts.exists ?? existsSync)(path) ? path : undefined
}

/** What to tell a developer when Electron is about to load the Node build and fail. */
export function missingNativeBindingHint(opts: NativeBindingOptions = {}): string | undefined {
  const versions = opts.versions ?? process.versions
  if (versions.electron === undefined) return undefined
  if (resolveNativeBinding(opts) !== undefined) return undefined
  if (opts.isPackaged ?? process.defaultApp !== true) return undefined
  return (
    `better-sqlite3 for Electron ABI ${versions.modules} is missing: ` +
    'run `node scripts/ensure-electron-native.mjs` (npm start does this).'
  )
}
