import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  NativeBindingError,
  nativeBindingPath,
  packagedBindingPath,
  resolveNativeBinding
} from '@main/shell/native-sqlite'
import {
  copyPackageForBuild,
  ensureElectronNative,
  isNativeUpToDate,
  nativeBindingFile,
  nativeBuildEnv,
  nativeBuildProblem,
  nodeGypArgs,
  prebuildInstallArgs,
  readNativeTarget
} from '@scripts/lib/electron-env.mjs'
import type { NativeTarget, RunCommand } from '@scripts/lib/electron-env.mjs'
import { fakeAddon, NODE_BUILD } from './native-fixtures'
import { useTempDir } from '@support/temp-dir'

const electron = { electron: '45.5.0', modules: '150' }
const fits = () => undefined
const wrongAbi = () => 'it was built for NODE_MODULE_VERSION 115'

describe('resolveNativeBinding', () => {
  it('lets better-sqlite3 load its own (Node) build under plain Node', () => {
    expect(
      resolveNativeBinding({
        versions: { electron: undefined as never, modules: '115' },
        check: fits
      })
    ).toBeUndefined()
    expect(resolveNativeBinding()).toBeUndefined() // this very test process
  })

  it('points an unpackaged Electron run at the Electron-ABI copy once the copy proves its ABI', () => {
    const seen: unknown[] = []
    expect(
      resolveNativeBinding({
        appPath: '/src/caja',
        isPackaged: false,
        versions: electron,
        platform: 'linux',
        check: (file, expected) => {
          seen.push({ file, expected })
          return undefined
        }
      })
    ).toBe(join('/src/caja', '.native', 'electron-150', 'better_sqlite3.node'))
    expect(seen).toEqual([
      {
        file: join('/src/caja', '.native', 'electron-150', 'better_sqlite3.node'),
        expected: { abi: '150', platform: 'linux', runtime: 'Electron 45.5.0' }
      }
    ])
  })

  it('loads the proven copy from resources/native in a packaged app (node_modules keeps the Node build)', () => {
    expect(
      resolveNativeBinding({
        isPackaged: true,
        resourcesPath: '/opt/Caja/resources',
        versions: electron,
        check: fits
      })
    ).toBe(packagedBindingPath('/opt/Caja/resources'))
    expect(packagedBindingPath('/opt/Caja/resources')).toBe(
      join('/opt/Caja/resources', 'native', 'better_sqlite3.node')
    )
  })

  it('refuses a missing or wrong build with the reason and what to run, before loading it', () => {
    const unpackaged = { appPath: '/src/caja', isPackaged: false, versions: electron }
    expect(() => resolveNativeBinding({ ...unpackaged, check: wrongAbi })).toThrow(
      NativeBindingError
    )
    expect(() => resolveNativeBinding({ ...unpackaged, check: wrongAbi })).toThrow(
      /ABI 150.*NODE_MODULE_VERSION 115.*npm run electron:native/
    )
    expect(() =>
      resolveNativeBinding({
        isPackaged: true,
        resourcesPath: '/opt/Caja/resources',
        versions: electron,
        check: wrongAbi
      })
    ).toThrow(/npm run dist/)
  })

  it('reads the real file: the Node build in node_modules is refused for Electron', () => {
    const root = mkdtempSync(join(tmpdir(), 'caja-native-real-'))
    try {
      const target = nativeBindingPath(root, '150')
      mkdirSync(join(root, '.native', 'electron-150'), { recursive: true })
      writeFileSync(target, readFileSync(NODE_BUILD))
      expect(() =>
        resolveNativeBinding({
          appPath: root,
          isPackaged: false,
          versions: electron,
          platform: 'linux'
        })
      ).toThrow(/node_register_module_v115\), but Electron 45\.5\.0 needs 150/)
      // A genuine Electron build (same bytes, ABI 150) passes.
      writeFileSync(target, fakeAddon([150]))
      expect(
        resolveNativeBinding({
          appPath: root,
          isPackaged: false,
          versions: electron,
          platform: 'linux'
        })
      ).toBe(target)
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('agrees with the script on where the Electron build lives', () => {
    expect(nativeBindingPath('/src/caja', '150')).toBe(nativeBindingFile('/src/caja', '150'))
  })

  it('still opens a database with the Node build here (nativeBinding undefined)', () => {
    const db = new Database(':memory:', { nativeBinding: resolveNativeBinding() })
    expect(db.prepare('select 1 + 1 as two').get()).toEqual({ two: 2 })
    db.close()
  })
})

describe('ensure-electron-native logic', () => {
  let root: string
  let tmp: string
  const target: NativeTarget = {
    electronVersion: '45.5.0',
    abi: '150',
    betterSqlite3Version: '12.6.2',
    platform: 'linux',
    arch: 'x64'
  }

  const tempDir = useTempDir('caja-native-')

  beforeEach(() => {
    root = tempDir()
    tmp = tempDir()
    const pkg = join(root, 'node_modules', 'better-sqlite3')
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true })
    mkdirSync(join(pkg, 'src'), { recursive: true })
    writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3","version":"12.6.2"}')
    writeFileSync(join(pkg, 'src', 'better_sqlite3.cpp'), '// source')
    writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE ABI BUILD')
  })

  /** A build in this test's fake root, with `run` standing for prebuild-install and node-gyp. */
  const ensure = (
    run: RunCommand,
    extra: Partial<Parameters<typeof ensureElectronNative>[0]> = {}
  ) =>
    ensureElectronNative({
      root,
      run,
      target,
      tmpDir: tmp,
      log: () => {},
      nodeGyp: '/fake/node-gyp.js',
      ...extra
    })

  it('reads the real target from node_modules', () => {
    const real = readNativeTarget()
    expect(real.electronVersion).toMatch(/^\d+\.\d+\.\d+/)
    expect(real.abi).toMatch(/^\d+$/)
    expect(real.betterSqlite3Version).toMatch(/^12\./)
  })

  it('builds in a copy without the Node build and leaves node_modules untouched', async () => {
    const calls: Array<{ args: string[]; cwd: string; sawNodeBuild: boolean }> = []
    // prebuild-install "fails" (no network), node-gyp "succeeds" by producing the .node file.
    const run: RunCommand = async (_command, args, { cwd }) => {
      calls.push({ args, cwd, sawNodeBuild: existsSync(join(cwd, 'build')) })
      if (args.includes('rebuild')) {
        mkdirSync(join(cwd, 'build', 'Release'), { recursive: true })
        writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), fakeAddon([150]))
        return 0
      }
      return 1
    }
    const result = await ensure(run)

    expect(result).toMatchObject({
      status: 'built',
      method: 'node-gyp',
      path: nativeBindingFile(root, '150')
    })
    expect(readFileSync(nativeBindingFile(root, '150'))).toEqual(fakeAddon([150]))
    expect(
      JSON.parse(readFileSync(join(root, '.native', 'electron-150', 'stamp.json'), 'utf8'))
    ).toEqual({ ...target, provenBy: 'node_register_module_v150' })
    expect(
      readFileSync(
        join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
        'utf8'
      )
    ).toBe('NODE ABI BUILD')
    expect(calls.map((call) => call.sawNodeBuild)).not.toContain(true)
    expect(calls.at(-1)!.args).toEqual(['/fake/node-gyp.js', ...nodeGypArgs(target)])
    expect(readdirSync(tmp)).toEqual([]) // temp copy cleaned up
    expect(isNativeUpToDate(root, target)).toBe(true)

    const again = await ensureElectronNative({
      root,
      run: () => Promise.reject(new Error('no')),
      target,
      tmpDir: tmp
    })
    expect(again.status).toBe('up-to-date')
  })

  it('rebuilds when Electron or better-sqlite3 changed', async () => {
    const run: RunCommand = async (_command, _args, { cwd }) => {
      mkdirSync(join(cwd, 'build', 'Release'), { recursive: true })
      writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), fakeAddon([150]))
      return 0
    }
    await ensure(run)
    expect(isNativeUpToDate(root, target)).toBe(true)
    expect(isNativeUpToDate(root, { ...target, electronVersion: '45.6.0' })).toBe(false)
    expect(isNativeUpToDate(root, { ...target, betterSqlite3Version: '12.7.0' })).toBe(false)
    expect(isNativeUpToDate(root, { ...target, arch: 'arm64' })).toBe(false)
  })

  it('fails with a message naming the network when nothing works, keeping no partial file', async () => {
    const run: RunCommand = async () => 1
    await expect(ensure(run)).rejects.toThrow(/network/)
    expect(existsSync(nativeBindingFile(root, '150'))).toBe(false)
  })

  it('asks prebuild-install and node-gyp for Electron headers, not Node ones', () => {
    expect(prebuildInstallArgs(target)).toEqual(
      expect.arrayContaining(['--runtime', 'electron', '--target', '45.5.0', '--arch', 'x64'])
    )
    expect(nodeGypArgs(target)).toEqual(
      expect.arrayContaining([
        '--runtime=electron',
        '--target=45.5.0',
        '--arch=x64',
        '--dist-url=https://www.electronjs.org/headers'
      ])
    )
  })

  it("drops npm's nodedir (and every other target key) from the tools' environment", () => {
    const env = nativeBuildEnv(target, {
      PATH: '/usr/bin',
      npm_config_nodedir: '/usr',
      NPM_CONFIG_TARGET: '20.19.0',
      npm_config_runtime: 'node',
      npm_config_disturl: 'https://nodejs.org/dist',
      npm_package_config_node_gyp_nodedir: '/usr',
      npm_config_build_from_source: 'true',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_python: '/usr/bin/python3'
    })
    expect(env).toEqual({
      PATH: '/usr/bin',
      npm_config_https_proxy: 'http://proxy:3128',
      npm_config_python: '/usr/bin/python3',
      npm_config_runtime: 'electron',
      npm_config_target: '45.5.0',
      npm_config_arch: 'x64',
      npm_config_target_arch: 'x64',
      npm_config_disturl: 'https://www.electronjs.org/headers'
    })
  })

  it('passes that clean environment to prebuild-install and node-gyp', async () => {
    const envs: Array<NodeJS.ProcessEnv | undefined> = []
    const run: RunCommand = async (_command, _args, { env }) => {
      envs.push(env)
      return 1
    }
    await expect(
      ensure(run, { env: { npm_config_nodedir: '/usr', PATH: '/bin' } })
    ).rejects.toThrow(/electronjs\.org\/headers/)
    expect(envs.length).toBeGreaterThan(0)
    for (const env of envs) {
      expect(env).not.toHaveProperty('npm_config_nodedir')
      expect(env).toMatchObject({ npm_config_runtime: 'electron', npm_config_target: '45.5.0' })
    }
  })

  it('refuses a "successful" build that is really for Node, keeping nothing (the reproduced bug)', async () => {
    const logs: string[] = []
    const run: RunCommand = async (_command, _args, { cwd }) => {
      mkdirSync(join(cwd, 'build', 'Release'), { recursive: true })
      writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), fakeAddon([115]))
      return 0
    }
    await expect(ensure(run, { log: (line) => logs.push(line) })).rejects.toThrow(
      /wrong build.*NODE_MODULE_VERSION 115.*needs 150/
    )
    expect(existsSync(nativeBindingFile(root, '150'))).toBe(false)
    expect(logs.join('\n')).toMatch(/refused its result/)
  })

  it('discards a kept build whose stamp lies about its ABI, and never reports it up to date', () => {
    mkdirSync(join(root, '.native', 'electron-150'), { recursive: true })
    writeFileSync(nativeBindingFile(root, '150'), fakeAddon([115]))
    writeFileSync(join(root, '.native', 'electron-150', 'stamp.json'), JSON.stringify(target))
    expect(isNativeUpToDate(root, target)).toBe(false)
    expect(nativeBuildProblem(root, target)).toMatch(/node_register_module_v115/)
    writeFileSync(nativeBindingFile(root, '150'), fakeAddon([150]))
    expect(nativeBuildProblem(root, target)).toBeUndefined()
  })

  it('copies the package sources but not its build', () => {
    const copy = join(tmp, 'copy')
    copyPackageForBuild(join(root, 'node_modules', 'better-sqlite3'), copy)
    expect(readdirSync(copy).sort()).toEqual(['package.json', 'src'])
  })
})
