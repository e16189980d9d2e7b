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
import { nativeFileMismatch } from './native-abi.mjs'

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

// Where Electron publishes its node headers; the URL @electron/rebuild passes to node-gyp
// (@electron/rebuild lib/rebuild.js headerURL, module-type/node-gyp/node-gyp.js buildArgs).
const ELECTRON_HEADERS_URL = 'https://www.electronjs.org/headers'

/**
 * Electron 45's own toolchain declares Node >= 22.12 (the engines of electron, @electron/get,
 * @electron/rebuild and node-abi); the tests need only Node 20.19 (vite, vitest). What to tell
 * someone running `npm start`/`npm run dist` on an older Node, or undefined.
 */
export const ELECTRON_TOOLCHAIN_NODE = '22.12.0'

export function toolchainNodeWarning(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number)
  if (major > 22 || (major === 22 && minor >= 12)) return undefined
  return (
    `Node ${version}: Electron 45's toolchain (electron, @electron/get, @electron/rebuild, ` +
    `node-abi) requires Node >= ${ELECTRON_TOOLCHAIN_NODE}. The tests run on Node 20.19, but ` +
    'downloading Electron and building its native module may fail here: use Node 22.12 or later.'
  )
}

/**
 * How the Electron scripts (start, dist) begin: a warning on stderr when this Node is too old for
 * Electron's toolchain, and a runner of Node scripts in the project root.
 */
export function scriptStart() {
  const warning = toolchainNodeWarning()
  if (warning) console.warn(`Warning: ${warning}`)
  const runNode = (args) => runCommand(process.execPath, args, { cwd: projectRoot })
  return { root: projectRoot, runNode }
}

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

/** Same layout as electron/main/shell/native-sqlite.ts `nativeBindingPath`. */
export function nativeTargetDir(root, abi) {
  return join(root, '.native', `electron-${abi}`)
}

export function nativeBindingFile(root, abi) {
  return join(nativeTargetDir(root, abi), 'better_sqlite3.node')
}

function stampPath(root, abi) {
  return join(nativeTargetDir(root, abi), 'stamp.json')
}

/**
 * Why the kept build cannot be used for this target, or undefined when it can: the file's own
 * `node_register_module_v<N>` and format are checked, not only the stamp (a stamp once lied).
 */
export function nativeBuildProblem(root, target) {
  const file = nativeBindingFile(root, target.abi)
  if (!existsSync(file)) return 'missing'
  const mismatch = nativeFileMismatch(file, { abi: target.abi, platform: target.platform })
  if (mismatch) return `${file}: ${mismatch}`
  let stamp
  try {
    stamp = readJson(stampPath(root, target.abi))
  } catch {
    return 'no stamp'
  }
  const stale = ['electronVersion', 'abi', 'betterSqlite3Version', 'platform', 'arch'].filter(
    (key) => stamp[key] !== target[key]
  )
  return stale.length === 0 ? undefined : `stale (${stale.join(', ')})`
}

/**
 * The .native build to ship in a package for `platform`/`arch`, proven from its bytes; throws
 * with what to do when there is none that fits. better-sqlite3 is compiled, so a package can only
 * carry a build made on its own platform and arch (node-gyp does not cross-compile).
 */
export function packagedNative(root, wanted) {
  const target = readNativeTarget(root, wanted.platform, wanted.arch)
  if (wanted.electronVersion && wanted.electronVersion !== target.electronVersion) {
    throw new Error(
      `electron-builder packages Electron ${wanted.electronVersion} but node_modules has ` +
        `${target.electronVersion}: the native build would not match. Remove electronVersion from the config.`
    )
  }
  if (wanted.platform !== process.platform || wanted.arch !== process.arch) {
    throw new Error(
      `better-sqlite3 for ${wanted.platform}-${wanted.arch} cannot be built on ` +
        `${process.platform}-${process.arch}: build that package on a ${wanted.platform}-${wanted.arch} ` +
        'machine (npm run dist there).'
    )
  }
  const problem = nativeBuildProblem(root, target)
  if (problem !== undefined) {
    throw new Error(
      `Refusing to package: better-sqlite3 for Electron ${target.electronVersion} (ABI ${target.abi}) ` +
        `is not usable: ${problem}. Run \`npm run electron:native\` (npm run dist does) and package again.`
    )
  }
  return nativeBindingFile(root, target.abi)
}

/** True when the kept build is for this Electron ABI (read from the binary), this better-sqlite3, platform and arch. */
export function isNativeUpToDate(root, target) {
  return nativeBuildProblem(root, target) === undefined
}

// npm passes its config to scripts as npm_config_* variables, and node-gyp and prebuild-install
// read them as options: node-gyp lib/node-gyp.js parseArgv copies every npm_config_<key> (and
// npm_package_config_node_gyp_<key>) into its opts, and configure.js getNodeDir compiles
// against `nodedir` whenever it is set, whatever --target says. A machine npm config with
// `nodedir=/usr` thus turned the "Electron" build into a Node 20 build. These keys choose the
// runtime and its headers; the rest (proxy, cafile, python, msvs_version) are kept.
const TARGET_KEYS = new Set([
  'nodedir',
  'target',
  'target_arch',
  'arch',
  'runtime',
  'disturl',
  'dist_url',
  'tarball',
  'platform',
  'libc',
  'build_from_source',
  'force_process_config'
])

/** The environment for prebuild-install and node-gyp: Electron's target, nothing else's. */
export function nativeBuildEnv(target, env = process.env) {
  const clean = {}
  for (const [key, value] of Object.entries(env)) {
    const match = /^(?:npm_config_|npm_package_config_node_gyp_)(.+)$/i.exec(key)
    if (match && TARGET_KEYS.has(match[1].toLowerCase().replaceAll('-', '_'))) continue
    if (value !== undefined) clean[key] = value
  }
  return {
    ...clean,
    npm_config_runtime: 'electron',
    npm_config_target: target.electronVersion,
    npm_config_arch: target.arch,
    npm_config_target_arch: target.arch,
    npm_config_disturl: ELECTRON_HEADERS_URL
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

/** As @electron/rebuild runs node-gyp (module-type/node-gyp/node-gyp.js buildArgs). */
export function nodeGypArgs(target) {
  return [
    'rebuild',
    '--release',
    '--runtime=electron',
    `--target=${target.electronVersion}`,
    `--arch=${target.arch}`,
    `--dist-url=${ELECTRON_HEADERS_URL}`,
    '--build-from-source'
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
 * A result is installed and stamped only after its own bytes prove Electron's ABI; a result
 * built for anything else is refused with the reason.
 */
export async function ensureElectronNative(options = {}) {
  const root = options.root ?? projectRoot
  const run = options.run ?? runCommand
  const log = options.log ?? ((line) => console.log(line))
  const target = options.target ?? readNativeTarget(root)
  const destination = nativeBindingFile(root, target.abi)

  const problem = nativeBuildProblem(root, target)
  if (problem === undefined) {
    return { status: 'up-to-date', path: destination, target }
  }
  if (problem !== 'missing') {
    // A kept build that is stale or proven wrong is never loaded again, even if rebuilding fails.
    log(`better-sqlite3 for Electron: discarding the kept build: ${problem}`)
    rmSync(nativeTargetDir(root, target.abi), { recursive: true, force: true })
  }

  const workDir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'caja-native-'))
  const packageCopy = join(workDir, 'better-sqlite3')
  try {
    copyPackageForBuild(join(root, 'node_modules', 'better-sqlite3'), packageCopy)
    const built = join(packageCopy, 'build', 'Release', 'better_sqlite3.node')
    const env = nativeBuildEnv(target, options.env ?? process.env)
    const refused = []

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
        const mismatch = nativeFileMismatch(built, { abi: target.abi, platform: target.platform })
        if (!mismatch) {
          install(root, target, built)
          return { status: 'built', method, path: destination, target }
        }
        log(`${method}: refused its result: ${mismatch}`)
        refused.push(`${method} produced a wrong build (${mismatch})`)
      }
      rmSync(join(packageCopy, 'build'), { recursive: true, force: true })
    }
    throw new Error(
      `Could not get better-sqlite3 ${target.betterSqlite3Version} for Electron ${target.electronVersion} ` +
        `(ABI ${target.abi}, ${target.platform}-${target.arch}). ` +
        (refused.length > 0 ? `${refused.join('; ')}. ` : '') +
        "Both need the network: prebuild-install downloads a prebuilt binary from github.com; node-gyp needs Electron's " +
        `headers from ${ELECTRON_HEADERS_URL} (or already in ~/.cache/node-gyp/${target.electronVersion}) ` +
        'and a C++ toolchain. Without them there is no Electron build, and the Node build in ' +
        'node_modules cannot be loaded by Electron.'
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
  // Stamped only after the bytes proved the ABI (the caller checked); the stamp says so.
  const stamp = { ...target, provenBy: `node_register_module_v${target.abi}` }
  writeFileSync(stampPath(root, target.abi), `${JSON.stringify(stamp, null, 2)}\n`)
}
