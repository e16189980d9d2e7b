// Types for electron-env.mjs (plain ESM so node runs it without a TypeScript step).

export interface NativeTarget {
  electronVersion: string
  abi: string
  betterSqlite3Version: string
  platform: string
  arch: string
}

export type RunCommand = (
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv }
) => Promise<number>

export interface EnsureResult {
  status: 'up-to-date' | 'built'
  method?: 'prebuild-install' | 'node-gyp'
  path: string
  target: NativeTarget
}

export const projectRoot: string
export const ELECTRON_TOOLCHAIN_NODE: string
export function toolchainNodeWarning(version?: string): string | undefined
export function scriptStart(): { root: string; runNode(args: string[]): Promise<number> }
export function electronBinaryPath(root?: string, env?: NodeJS.ProcessEnv): string | undefined
export function readNativeTarget(root?: string, platform?: string, arch?: string): NativeTarget
export function nativeTargetDir(root: string, abi: string): string
export function nativeBindingFile(root: string, abi: string): string
export function isNativeUpToDate(root: string, target: NativeTarget): boolean
export function nativeBuildProblem(root: string, target: NativeTarget): string | undefined
export function packagedNative(
  root: string,
  wanted: { platform: string; arch: string; electronVersion?: string }
): string
export function nativeBuildEnv(target: NativeTarget, env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv
export function copyPackageForBuild(packageDir: string, destination: string): void
export function prebuildInstallArgs(target: NativeTarget): string[]
export function nodeGypArgs(target: NativeTarget): string[]
export const runCommand: RunCommand
export function ensureElectronNative(options?: {
  root?: string
  run?: RunCommand
  log?: (line: string) => void
  target?: NativeTarget
  tmpDir?: string
  nodeGyp?: string
  /** The environment the tools get (cleaned by nativeBuildEnv); default process.env. */
  env?: NodeJS.ProcessEnv
}): Promise<EnsureResult>
