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
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  missingNativeBindingHint,
  nativeBindingPath,
  resolveNativeBinding
} from '../../../electron/main/native-sqlite'
import {
  copyPackageForBuild,
  ensureElectronNative,
  isNativeUpToDate,
  nativeBindingFile,
  nodeGypArgs,
  prebuildInstallArgs,
  readNativeTarget
} from '../../../scripts/lib/electron-env.mjs'
import type { NativeTarget, RunCommand } from '../../../scripts/lib/electron-env.mjs'

const electron = { electron: '45.5.0', modules: '150' }
const always = () => true
const never = () => false

describe('resolveNativeBinding', () => {
  it('lets better-sqlite3 load its own (Node) build under plain Node', () => {
    expect(
      resolveNativeBinding({
        versions: { electron: undefined as never, modules: '115' },
        exists: always
      })
    ).toBeUndefined()
    expect(resolveNativeBinding()).toBeUndefined() // this very test process
  })

  it('points an unpackaged Electron run at the Electron-ABI copy', () => {
    expect(
      resolveNativeBinding({
        appPath: '/src/caja',
        isPackaged: false,
        versions: electron,
        exists: always
      })
    ).toBe(join('/src/caja', '.native', 'electron-150', 'better_sqlite3.node'))
  })

  it('uses the rebuilt node_modules in a packaged app, and nothing that does not exist', () => {
    expect(
      resolveNativeBinding({
        appPath: '/src/caja',
        isPackaged: true,
        versions: electron,
        exists: always
      })
    ).toBeUndefined()
    expect(
      resolveNativeBinding({
        appPath: '/src/caja',
        isPackaged: false,
        versions: electron,
        exists: never
      })
    ).toBeUndefined()
  })

  it('tells the developer how to get the missing build', () => {
    const opts = { appPath: '/src/caja', isPackaged: false, versions: electron }
    expect(missingNativeBindingHint({ ...opts, exists: never })).toContain(
      'scripts/ensure-electron-native.mjs'
    )
    expect(missingNativeBindingHint({ ...opts, exists: always })).toBeUndefined()
    expect(missingNativeBindingHint({ ...opts, isPackaged: true, exists: never })).toBeUndefined()
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

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'caja-root-'))
    tmp = mkdtempSync(join(tmpdir(), 'caja-tmp-'))
    const pkg = join(root, 'node_modules', 'better-sqlite3')
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true })
    mkdirSync(join(pkg, 'src'), { recursive: true })
    writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3","version":"12.6.2"}')
    writeFileSync(join(pkg, 'src', 'better_sqlite3.cpp'), '// source')
    writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE ABI BUILD')
  })
  afterEach(() => {
    rmSync(root, { recursive: true, force: true })
    rmSync(tmp, { recursive: true, force: true })
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
        writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), 'ELECTRON ABI BUILD')
        return 0
      }
      return 1
    }
    const result = await ensureElectronNative({
      root,
      run,
      target,
      tmpDir: tmp,
      log: () => {},
      nodeGyp: '/fake/node-gyp.js'
    })

    expect(result).toMatchObject({
      status: 'built',
      method: 'node-gyp',
      path: nativeBindingFile(root, '150')
    })
    expect(readFileSync(nativeBindingFile(root, '150'), 'utf8')).toBe('ELECTRON ABI BUILD')
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
      writeFileSync(join(cwd, 'build', 'Release', 'better_sqlite3.node'), 'BUILD')
      return 0
    }
    await ensureElectronNative({
      root,
      run,
      target,
      tmpDir: tmp,
      log: () => {},
      nodeGyp: '/fake/node-gyp.js'
    })
    expect(isNativeUpToDate(root, target)).toBe(true)
    expect(isNativeUpToDate(root, { ...target, electronVersion: '45.6.0' })).toBe(false)
    expect(isNativeUpToDate(root, { ...target, betterSqlite3Version: '12.7.0' })).toBe(false)
    expect(isNativeUpToDate(root, { ...target, arch: 'arm64' })).toBe(false)
  })

  it('fails with a message naming the network when nothing works, keeping no partial file', async () => {
    const run: RunCommand = async () => 1
    await expect(
      ensureElectronNative({
        root,
        run,
        target,
        tmpDir: tmp,
        log: () => {},
        nodeGyp: '/fake/node-gyp.js'
      })
    ).rejects.toThrow(/network/)
    expect(existsSync(nativeBindingFile(root, '150'))).toBe(false)
  })

  it('asks prebuild-install and node-gyp for Electron headers, not Node ones', () => {
    expect(prebuildInstallArgs(target)).toEqual(
      expect.arrayContaining(['--runtime', 'electron', '--target', '45.5.0', '--arch', 'x64'])
    )
    expect(nodeGypArgs(target)).toEqual(
      expect.arrayContaining([
        '--target=45.5.0',
        '--arch=x64',
        '--dist-url=https://electronjs.org/headers'
      ])
    )
  })

  it('copies the package sources but not its build', () => {
    const copy = join(tmp, 'copy')
    copyPackageForBuild(join(root, 'node_modules', 'better-sqlite3'), copy)
    expect(readdirSync(copy).sort()).toEqual(['package.json', 'src'])
  })
})
