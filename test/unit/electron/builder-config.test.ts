import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// electron-builder's own schema check, run offline on electron-builder.yml.
const require = createRequire(
  join(process.cwd(), 'node_modules', 'app-builder-lib', 'package.json')
)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new () => unknown }
const yaml = require('js-yaml') as { load: (text: string) => unknown }

type BuilderConfig = {
  appId: string
  productName: string
  files: string[]
  asarUnpack: string[]
  electronFuses: Record<string, boolean>
  linux: { target: string[]; category: string; maintainer: string }
  win: { target: string[] }
}

const config = yaml.load(
  readFileSync(join(process.cwd(), 'electron-builder.yml'), 'utf8')
) as BuilderConfig

describe('electron-builder.yml', () => {
  it('matches the electron-builder 26 schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger())).resolves.toBeUndefined()
  }, 30_000)

  it('rejects a misspelt key (the schema check bites)', async () => {
    const broken = { ...config, electronFuses: { ...config.electronFuses, runAsNodeTypo: false } }
    await expect(validateConfiguration(broken, new DebugLogger())).rejects.toThrow(/electronFuses/)
  }, 30_000)

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true
    })
  })

  it('ships only the build, with better-sqlite3 unpacked, as AppImage, deb and NSIS', () => {
    expect(config.appId).toBe('co.caja.cashier')
    expect(config.productName).toBe('Caja')
    expect(config.files).toContain('out/**')
    expect(config.files).toEqual(expect.arrayContaining(['!**/test/**', '!**/harness/**']))
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**')
    expect(config.linux).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' })
    expect(config.linux.maintainer).toMatch(/<.+@.+>/)
    expect(config.win.target).toEqual(['nsis'])
  })
})
