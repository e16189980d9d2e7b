// What a compiled Node addon (.node) was built for, read from its own bytes. Plain ESM with no
// dependency so `npm start`, the electron-builder hook and the main process share one reading.
//
// A non-N-API addon exports `node_register_module_v<NODE_MODULE_VERSION>` (node.h,
// NODE_MODULE_X → NODE_C_CTOR ... `node_register_module_v` #version); Node and Electron refuse
// to load one whose number is not their own `process.versions.modules`. The name sits in the
// binary's dynamic symbol table (ELF .dynstr, PE export names, Mach-O string table) as plain
// ASCII, so a byte scan finds it on every platform without parsing the format.
import { readFileSync } from 'node:fs'

const SYMBOL = Buffer.from('node_register_module_v', 'latin1')
const DIGIT_0 = 0x30
const DIGIT_9 = 0x39

/**
 * Every distinct `node_register_module_v<N>` number in the bytes, ascending. A sound build has
 * exactly one; none means not a versioned addon (or not a binary at all).
 * @param {Uint8Array} bytes
 * @returns {number[]}
 */
export function registeredModuleVersions(bytes) {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const found = new Set()
  let at = buffer.indexOf(SYMBOL)
  while (at !== -1) {
    let end = at + SYMBOL.length
    while (end < buffer.length && buffer[end] >= DIGIT_0 && buffer[end] <= DIGIT_9) end++
    // Digits must follow, and the name must end there (a NUL in every string table).
    if (end > at + SYMBOL.length && end - (at + SYMBOL.length) <= 4) {
      const next = end < buffer.length ? buffer[end] : 0
      if (next === 0) found.add(Number(buffer.toString('latin1', at + SYMBOL.length, end)))
    }
    at = buffer.indexOf(SYMBOL, at + 1)
  }
  return [...found].sort((a, b) => a - b)
}

/**
 * The container format, from the magic bytes: 'elf' (Linux), 'pe' (Windows), 'macho' (macOS).
 * @param {Uint8Array} bytes
 * @returns {'elf' | 'pe' | 'macho' | 'unknown'}
 */
export function binaryFormat(bytes) {
  if (
    bytes.length >= 4 &&
    bytes[0] === 0x7f &&
    bytes[1] === 0x45 &&
    bytes[2] === 0x4c &&
    bytes[3] === 0x46
  )
    return 'elf'
  if (bytes.length >= 2 && bytes[0] === 0x4d && bytes[1] === 0x5a) return 'pe'
  if (bytes.length >= 4) {
    const magic = Buffer.from(bytes.subarray(0, 4)).readUInt32BE(0)
    // MH_MAGIC(_64) in either byte order, and the universal (fat) header.
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'macho'
  }
  return 'unknown'
}

/** @param {string} platform a `process.platform` value */
export function formatForPlatform(platform) {
  if (platform === 'win32') return 'pe'
  if (platform === 'darwin') return 'macho'
  return 'elf'
}

/**
 * Checks an addon's bytes against the runtime that will load it. Returns undefined when it
 * fits, else a sentence saying what is wrong (for a refusal the developer can act on).
 * @param {Uint8Array} bytes
 * @param {{ abi: string | number, platform: string, runtime?: string }} expected
 * @returns {string | undefined}
 */
export function nativeMismatch(bytes, expected) {
  const format = binaryFormat(bytes)
  const wantFormat = formatForPlatform(expected.platform)
  if (format !== wantFormat) {
    return `it is not a ${wantFormat.toUpperCase()} binary for ${expected.platform} (found: ${format})`
  }
  const versions = registeredModuleVersions(bytes)
  const runtime = expected.runtime ?? 'Electron'
  if (versions.length === 0) {
    return 'it exports no node_register_module_v<N> symbol, so its ABI cannot be proven'
  }
  if (versions.length > 1) {
    return `it exports several ABIs (${versions.join(', ')})`
  }
  if (String(versions[0]) !== String(expected.abi)) {
    return (
      `it was built for NODE_MODULE_VERSION ${versions[0]} (node_register_module_v${versions[0]}), ` +
      `but ${runtime} needs ${expected.abi}`
    )
  }
  return undefined
}

/**
 * @param {string} file
 * @param {{ abi: string | number, platform: string, runtime?: string }} expected
 * @returns {string | undefined}
 */
export function nativeFileMismatch(file, expected) {
  let bytes
  try {
    bytes = readFileSync(file)
  } catch (error) {
    return `it cannot be read (${error instanceof Error ? error.message : String(error)})`
  }
  return nativeMismatch(bytes, expected)
}
