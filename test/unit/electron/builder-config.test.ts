import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import afterPack from '../../../scripts/builder/after-pack.mjs'
import { packagedNative, readNativeTarget } from '@scripts/lib/electron-env.mjs'
import { fakeAddon, NODE_BUILD } from './native-fixtures'

// electron-builder's own schema check, run offline on electron-builder.yml.
const require = createRequire(
  join(process.cwd(), 'node_modules', 'app-builder-lib', 'package.json')
)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new () => unknown }
const yaml = require('js-yaml') as { load: (text: string) => unknown }

// The JSON schema electron-builder ships, checked with the ajv already in node_modules.
interface ErrorObject {
  instancePath: string
  message?: string
  params: Record<string, unknown>
}
type ValidateFn = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null }
const rootRequire = createRequire(join(process.cwd(), 'package.json'))
const Ajv = rootRequire('ajv') as new (options: Record<string, unknown>) => {
  addKeyword(definition: Record<string, unknown>): void
  compile(schema: unknown): ValidateFn
}
const schemePath = join(process.cwd(), 'node_modules', 'app-builder-lib', 'scheme.json')

function schemaValidator(): ValidateFn {
  // The schema is draft-07 with union types and one custom keyword, `typeof` (for JS hooks).
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strict: true, logger: false })
  ajv.addKeyword({
    keyword: 'typeof',
    schemaType: 'string',
    validate: (type: string, data: unknown) => typeof data === type
  })
  return ajv.compile(JSON.parse(readFileSync(schemePath, 'utf8')))
}

type BuilderConfig = {
  appId: string
  productName: string
  files: string[]
  npmRebuild: boolean
  afterPack: string
  asarUnpack?: string[]
  electronFuses: Record<string, boolean>
  linux: { target: string[]; category: string; maintainer: string }
  win: { target: string[] }
}

const config = yaml.load(
  readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8')
) as BuilderConfig

describe('electron-builder.yml', () => {
  it('validates against the JSON schema electron-builder 26 ships (app-builder-lib/scheme.json)', () => {
    expect(existsSync(schemePath)).toBe(true)
    const validate = schemaValidator()
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
    // ...and the schema check bites: a misspelt key, a wrong type, an unknown fuse.
    expect(validate({ ...config, npmRebuld: false })).toBe(false)
    expect(validate.errors?.[0]?.params).toEqual({ additionalProperty: 'npmRebuld' })
    expect(validate({ ...config, npmRebuild: 'no' })).toBe(false)
    expect(
      validate({ ...config, electronFuses: { ...config.electronFuses, grantFileProtocol: false } })
    ).toBe(false)
  })

  it('matches the electron-builder 26 schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger())).resolves.toBeUndefined()
  }, 30_000)

  it('rejects a misspelt key (the schema check bites)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodeTypo: false } }
    await expect(validateConfiguration(broken, new DebugLogger())).rejects.toThrow(/electronFuses/)
  }, 30_000)

  it('flips the security fuses, file:// privileges off (the renderer is on app://caja/)', () => {
    expect(config.electronFuses).toMatchObject({
      grantFileProtocolExtraPrivileges: false,
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true
    })
  })

  it('never rebuilds node_modules in place; ships the proven .native build instead of the Node one', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.afterPack).toBe('./scripts/builder/after-pack.mjs')
    expect(existsSync(join(process.cwd(), config.afterPack))).toBe(true)
    expect(config.files).toEqual(
      expect.arrayContaining(['!.native/**', '!node_modules/better-sqlite3/build/**'])
    )
  })

  it('ships only the build as AppImage, deb and NSIS', () => {
    expect(config.appId).toBe('co.caja.cashier')
    expect(config.productName).toBe('Caja')
    expect(config.files).toContain('out/**')
    expect(config.files).toEqual(expect.arrayContaining(['!**/test/**', '!**/harness/**']))
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' })
    expect(config.linux.maintainer).toMatch(/<.+@.+>/)
    expect(config.win.target).toEqual(['nsis'])
  })
})

describe('the afterPack hook', () => {
  const target = readNativeTarget()

  function fakeRoot(bytes: Buffer | undefined, stamp = target): string {
    const root = mkdtempSync(join(tmpdir(), 'caja-pack-'))
    // readNativeTarget reads the versions from the real node_modules' package.json files.
    for (const pkg of ['electron', 'better-sqlite3']) {
      mkdirSync(join(root, 'node_modules', pkg), { recursive: true })
      writeFileSync(
        join(root, 'node_modules', pkg, 'package.json'),
        readFileSync(join(process.cwd(), 'node_modules', pkg, 'package.json'))
      )
    }
    writeFileSync(join(root, 'node_modules', 'electron', 'abi_version'), target.abi)
    if (bytes) {
      const dir = join(root, '.native', `electron-${target.abi}`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(join(dir, 'better_sqlite3.node'), bytes)
      writeFileSync(join(dir, 'stamp.json'), JSON.stringify(stamp))
    }
    return root
  }

  const host = { platform: process.platform, arch: process.arch }
  const magic =
    process.platform === 'win32'
      ? [0x4d, 0x5a]
      : process.platform === 'darwin'
        ? [0xcf, 0xfa, 0xed, 0xfe]
        : [0x7f, 0x45, 0x4c, 0x46]

  it('hands over the .native build once its bytes prove Electron’s ABI', () => {
    const root = fakeRoot(fakeAddon([Number(target.abi)], magic))
    try {
      expect(packagedNative(root, host)).toBe(
        join(root, '.native', `electron-${target.abi}`, 'better_sqlite3.node')
      )
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })

  it('refuses a Node build stamped as Electron’s, a missing build and a cross-platform package', () => {
    const nodeBuild = readFileSync(NODE_BUILD)
    const root = fakeRoot(nodeBuild)
    const empty = fakeRoot(undefined)
    try {
      expect(() => packagedNative(root, host)).toThrow(
        new RegExp(`Refusing to package.*node_register_module_v${process.versions.modules}`)
      )
      expect(() => packagedNative(empty, host)).toThrow(/Refusing to package.*missing/)
      const other = process.platform === 'win32' ? 'linux' : 'win32'
      expect(() => packagedNative(root, { platform: other, arch: process.arch })).toThrow(
        /cannot be built on/
      )
      expect(() => packagedNative(root, { ...host, electronVersion: '44.0.0' })).toThrow(
        /packages Electron 44\.0\.0/
      )
    } finally {
      rmSync(root, { recursive: true, force: true })
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('stops electron-builder here, where there is no Electron build, with the reason', async () => {
    const out = mkdtempSync(join(tmpdir(), 'caja-appout-'))
    const { Arch } = require('builder-util') as { Arch: Record<string, number> }
    const context = {
      electronPlatformName: process.platform,
      arch: Arch[process.arch]!,
      appOutDir: out,
      packager: { config: {}, getResourcesDir: (dir: string) => join(dir, 'resources') }
    }
    try {
      const proven = existsSync(join(process.cwd(), '.native', `electron-${target.abi}`))
      if (proven) {
        await afterPack(context)
        expect(existsSync(join(out, 'resources', 'native', 'better_sqlite3.node'))).toBe(true)
      } else {
        await expect(afterPack(context)).rejects.toThrow(/Refusing to package/)
        expect(existsSync(join(out, 'resources', 'native'))).toBe(false)
      }
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
