import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  binaryFormat,
  formatForPlatform,
  nativeFileMismatch,
  nativeMismatch,
  registeredModuleVersions
} from '@scripts/lib/native-abi.mjs'
import { ELECTRON_TOOLCHAIN_NODE, toolchainNodeWarning } from '@scripts/lib/electron-env.mjs'
import { fakeAddon, NODE_BUILD } from './native-fixtures'

describe('reading an addon ABI from its own bytes', () => {
  it("reads this machine's real Node build of better-sqlite3 as this Node's ABI", () => {
    const bytes = readFileSync(NODE_BUILD)
    // The test process is the Node that built it: its NODE_MODULE_VERSION is the one exported.
    expect(registeredModuleVersions(bytes)).toEqual([Number(process.versions.modules)])
    expect(binaryFormat(bytes)).toBe(formatForPlatform(process.platform))
    expect(
      nativeFileMismatch(NODE_BUILD, { abi: process.versions.modules, platform: process.platform })
    ).toBeUndefined()
    // ...and refuses it for Electron 45 (ABI 150): the build `npm start` used to stamp as Electron's.
    expect(nativeFileMismatch(NODE_BUILD, { abi: '150', platform: process.platform })).toBe(
      `it was built for NODE_MODULE_VERSION ${process.versions.modules} ` +
        `(node_register_module_v${process.versions.modules}), but Electron needs 150`
    )
  })

  it('finds the symbol in fake buffers, whatever surrounds it', () => {
    expect(registeredModuleVersions(fakeAddon([150]))).toEqual([150])
    expect(registeredModuleVersions(fakeAddon([115]))).toEqual([115])
    expect(registeredModuleVersions(fakeAddon([150, 150]))).toEqual([150])
    expect(registeredModuleVersions(fakeAddon([]))).toEqual([])
    // A Uint8Array that is not a Buffer, and a symbol at the very end of the bytes.
    const tail = new Uint8Array(Buffer.from('\x7fELF....node_register_module_v137', 'latin1'))
    expect(registeredModuleVersions(tail)).toEqual([137])
  })

  it('ignores look-alikes: no digits, a longer name, more than four digits', () => {
    const bytes = Buffer.from(
      '\x7fELF\0node_register_module_v\0node_register_module_v150_extra\0' +
        'node_register_module_v123456\0',
      'latin1'
    )
    expect(registeredModuleVersions(bytes)).toEqual([])
  })

  it('refuses a build with no symbol, several ABIs, or the wrong container format', () => {
    expect(nativeMismatch(fakeAddon([]), { abi: 150, platform: 'linux' })).toMatch(
      /no node_register_module_v<N>/
    )
    expect(nativeMismatch(fakeAddon([115, 150]), { abi: 150, platform: 'linux' })).toMatch(
      /several ABIs \(115, 150\)/
    )
    expect(nativeMismatch(fakeAddon([150]), { abi: 150, platform: 'win32' })).toMatch(
      /not a PE binary for win32 \(found: elf\)/
    )
    expect(nativeMismatch(fakeAddon([150], [0x4d, 0x5a]), { abi: 150, platform: 'win32' })).toBe(
      undefined
    )
    expect(
      nativeMismatch(fakeAddon([150], [0xcf, 0xfa, 0xed, 0xfe]), { abi: 150, platform: 'darwin' })
    ).toBe(undefined)
    expect(nativeMismatch(Buffer.from('NODE ABI BUILD'), { abi: 150, platform: 'linux' })).toMatch(
      /not a ELF binary/
    )
    expect(nativeMismatch(fakeAddon([150]), { abi: 150, platform: 'linux' })).toBeUndefined()
  })

  it('says when the file cannot be read', () => {
    expect(nativeFileMismatch('/nonexistent/x.node', { abi: 150, platform: 'linux' })).toMatch(
      /cannot be read/
    )
  })
})

describe('the Node version the Electron toolchain needs', () => {
  it('warns below 22.12 (Electron 45, @electron/get, @electron/rebuild, node-abi engines)', () => {
    expect(toolchainNodeWarning('20.19.0')).toMatch(/requires Node >= 22\.12\.0/)
    expect(toolchainNodeWarning('22.11.0')).toMatch(/22\.12/)
    expect(toolchainNodeWarning('22.12.0')).toBeUndefined()
    expect(toolchainNodeWarning('24.1.0')).toBeUndefined()
  })

  it('matches the engines electron itself declares, and package.json allows the test Node too', () => {
    const electronEngines = JSON.parse(
      readFileSync(join(process.cwd(), 'node_modules', 'electron', 'package.json'), 'utf8')
    ) as { engines: { node: string } }
    expect(electronEngines.engines.node.replace(/\s/g, '')).toBe(`>=${ELECTRON_TOOLCHAIN_NODE}`)
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as {
      engines: { node: string }
    }
    // Node 20 (CI, the tests) and 22.12+ (Electron's toolchain); npm ci must not warn on either.
    expect(pkg.engines.node).toBe(`^20.19.0 || >=${ELECTRON_TOOLCHAIN_NODE}`)
  })
})
