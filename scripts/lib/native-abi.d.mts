// Types for native-abi.mjs.

export interface NativeExpectation {
  abi: string | number
  platform: string
  /** For the message only; default 'Electron'. */
  runtime?: string
}

export function registeredModuleVersions(bytes: Uint8Array): number[]
export function binaryFormat(bytes: Uint8Array): 'elf' | 'pe' | 'macho' | 'unknown'
export function formatForPlatform(platform: string): 'elf' | 'pe' | 'macho'
export function nativeMismatch(bytes: Uint8Array, expected: NativeExpectation): string | undefined
export function nativeFileMismatch(file: string, expected: NativeExpectation): string | undefined
