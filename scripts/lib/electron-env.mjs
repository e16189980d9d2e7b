// Finding the Electron binary and keeping a better-sqlite3 build for Electron's ABI beside
// node_modules' Node build. Plain ESM (no TypeScript) so `npm start` runs it with node alone;
// types are in electron-env.d.mts. Logic only: the CLIs are ensure-electron-native.mjs, start.mjs.
import { spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers'

/** The Electron executable, or undefined when its binary was never downloaded. Never downloads. */
export function electronBinaryPath(root = projectRoot, env = process.env) {
  const pkg = join(root, 'node_modules', 'electron')
  let relativePath
  try {
    relativePath = readFileSync(join(pkg, 'path.txt'), 'utf8').trim()
  } catch {
    return undefined
  }
  const dist = env.ELECTRON_OVERRIDE_DIST_PATH || join(pkg, 'dist')
  const full = join(dist, relativePath)
  return existsSync(full) ? full : undefined
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/** What the Electron build of better-sqlite3 must match. */
export function readNativeTarget(
  root = projectRoot,
  platform = process.platform,
  arch = process.arch
) {
  const electronDir = join(root, 'node_modules', 'electron')
  const electronVersion = readJson(join(electronDir, 'package.json')).version
  let abi
  try {
    abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim()
  } catch {
    const nodeAbi = createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json'))(
      'node-abi'
    )
    abi = nodeAbi.getAbi(electronVersion, 'electron')
  }
  const betterSqlite3Version = readJson(
    join(root, 'node_modules', 'better-sqlite3', 'package.json')
  ).version
  return { electronVersion, abi, betterSqlite3Version, platform, arch }
}

/** Same layout as electron/main/native-sqlite.ts `nativeBindingPath`. */
export function nativeTargetDir(root, abi) {
  return join(root, '.native', `electron-${abi}`)
}

export function nativeBindingFile(root, abi) {
  return join(nativeTargetDir(root, abi), 'better_sqlite3.node')
}

function stampPath(root, abi) {
  return join(nativeTargetDir(root, abi), 'stamp.json')
}

/** True when the kept build matches this Electron, this better-sqlite3, this platform and arch. */
export function isNativeUpToDate(root, target) {
  if (!existsSync(nativeBindingFile(root, target.abi))) return false
  try {
    const stamp = readJson(stampPath(root, target.abi))
    return ['electronVersion', 'abi', 'betterSqlite3Version', 'platform', 'arch'].every(
      (key) => stamp[key] === target[key]
    )
  } catch {
    return false
  }
}

/** A private copy of the package to build in, without node_modules' Node build. */
export function copyPackageForBuild(packageDir, destination) {
  cpSync(packageDir, destination, {
    recursive: true,
    filter: (source) => {
      const rel = relative(packageDir, source)
      const top = rel.split(sep)[0]
      return top !== 'build' && top !== 'node_modules' && top !== 'prebuilds'
    }
  })
}

export function prebuildInstallArgs(target) {
  return [
    '--runtime',
    'electron',
    '--target',
    target.electronVersion,
    '--arch',
    target.arch,
    '--platform',
    target.platform,
    '--verbose'
  ]
}

export function nodeGypArgs(target) {
  return [
    'rebuild',
    '--release',
    `--target=${target.electronVersion}`,
    `--arch=${target.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`
  ]
}

/** Runs a command with inherited output; resolves to its exit code (spawn errors count as 1). */
export function runCommand(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      stdio: 'inherit',
      env: options.env ?? process.env
    })
    child.on('error', () => resolve(1))
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

function resolveTool(root, request) {
  const fromPackage = createRequire(join(root, 'node_modules', 'better-sqlite3', 'package.json'))
  try {
    return fromPackage.resolve(request)
  } catch {
    return undefined
  }
}

/**
 * Makes sure `.native/electron-<abi>/better_sqlite3.node` exists for this Electron. Tries the
 * published prebuild first (prebuild-install, fast), then compiles against Electron's headers
 * (node-gyp). Both need the network; both run in a temp copy so node_modules keeps its Node build.
 */
export async function ensureElectronNative(options = {}) {
  const root = options.root ?? projectRoot
  const run = options.run ?? runCommand
  const log = options.log ?? ((line) => console.log(line))
  const target = options.target ?? readNativeTarget(root)
  const destination = nativeBindingFile(root, target.abi)

  if (isNativeUpToDate(root, target)) {
    return { status: 'up-to-date', path: destination, target }
  }

  const workDir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'caja-native-'))
  const packageCopy = join(workDir, 'better-sqlite3')
  try {
    copyPackageForBuild(join(root, 'node_modules', 'better-sqlite3'), packageCopy)
    const built = join(packageCopy, 'build', 'Release', 'better_sqlite3.node')
    // `npm start --build-from-source` would make prebuild-install refuse outright.
    const env = { ...process.env }
    delete env.npm_config_build_from_source

    const attempts = [
      [
        'prebuild-install',
        resolveTool(root, 'prebuild-install/bin.js'),
        prebuildInstallArgs(target)
      ],
      [
        'node-gyp',
        options.nodeGyp ??
          process.env.npm_config_node_gyp ??
          resolveTool(root, 'node-gyp/bin/node-gyp.js'),
        nodeGypArgs(target)
      ]
    ]
    for (const [method, tool, args] of attempts) {
      if (!tool) {
        log(`${method}: not found, skipped`)
        continue
      }
      log(
        `better-sqlite3 for Electron ${target.electronVersion} (ABI ${target.abi}): trying ${method}`
      )
      const code = await run(process.execPath, [tool, ...args], { cwd: packageCopy, env })
      if (code === 0 && existsSync(built)) {
        install(root, target, built)
        return { status: 'built', method, path: destination, target }
      }
      rmSync(join(packageCopy, 'build'), { recursive: true, force: true })
    }
    throw new Error(
      `Could not get better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} ` +
        `(${target.platform}-${target.arch}): both prebuild-install and node-gyp failed. ` +
        'They need the network (github.com, electronjs.org) and, for node-gyp, a C++ toolchain.'
    )
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

function install(root, target, builtFile) {
  const dir = nativeTargetDir(root, target.abi)
  mkdirSync(dir, { recursive: true })
  const file = nativeBindingFile(root, target.abi)
  // Copy then rename: an interrupted copy must never look like a good build.
  cpSync(builtFile, `${file}.tmp`)
  renameSync(`${file}.tmp`, file)
  writeFileSync(stampPath(root, target.abi), `${JSON.stringify(target, null, 2)}\n`)
}
