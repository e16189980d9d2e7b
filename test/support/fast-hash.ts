/**
 * PIN hash parameters for tests: scrypt with N = 2^10 instead of the app's 2^15
 * (electron/main/users/pin.ts DEFAULT_PIN_HASH), so signing in costs milliseconds. The stored
 * format and the verification path are the same; only the work factor is lower.
 */
import type { PinHashParams } from '@main/users/pin'

export const FAST_HASH: Readonly<PinHashParams> = Object.freeze({ ln: 10, r: 8, p: 1 })
