import { join } from 'node:path'

/** The better-sqlite3 that `npm ci` built for Node (what the tests load): a real addon. */
export const NODE_BUILD = join(
  process.cwd(),
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node'
)

/**
 * A minimal stand-in for a compiled addon: the ELF magic, some padding and a string table with
 * `node_register_module_v<N>` for each ABI given, NUL-terminated as in a real .dynstr.
 */
export function fakeAddon(abis: number[], magic: number[] = [0x7f, 0x45, 0x4c, 0x46]): Buffer {
  const strings = [
    'napi_module_register',
    ...abis.map((abi) => `node_register_module_v${abi}`),
    'sqlite3_open_v2'
  ]
  return Buffer.concat([
    Buffer.from(magic),
    Buffer.alloc(60, 0x01),
    Buffer.from(`\0${strings.join('\0')}\0`, 'latin1'),
    Buffer.alloc(32, 0x02)
  ])
}
