/**
 * PINs are short, so the only defence of a stolen database is a slow hash: scrypt with a random
 * salt per PIN. The cost parameters are stored in the hash itself
 * (`$scrypt$ln=15,r=8,p=1$<salt>$<key>`), so they can be raised later and old hashes still
 * verify (and get rehashed at the next sign-in).
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { AppError } from '@shared/errors'
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '@shared/ipc/channels/session'

export interface PinHashParams {
  /** log2 of scrypt's N (CPU/memory cost). */
  ln: number
  r: number
  p: number
}

/** ≈ 150–250 ms and 32 MiB per hash on the till's 2-core PC. */
export const DEFAULT_PIN_HASH: Readonly<PinHashParams> = Object.freeze({ ln: 15, r: 8, p: 1 })

const SALT_BYTES = 16
const KEY_BYTES = 32
// Refuses absurd costs from a tampered database row instead of exhausting memory.
const LN_RANGE = { min: 10, max: 20 }
const PIN_PATTERN = new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`)
const HASH_PATTERN = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/

export function isPinFormat(pin: string): boolean {
  return PIN_PATTERN.test(pin)
}

export function checkPinFormat(pin: string): void {
  if (!isPinFormat(pin)) {
    throw new AppError(
      'pin_format',
      { min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH },
      `El PIN debe tener entre ${PIN_MIN_LENGTH} y ${PIN_MAX_LENGTH} dígitos`
    )
  }
}

/** One repeated digit (0000) or a run up or down (1234, 9876): the first PINs a thief tries. */
export function isTrivialPin(pin: string): boolean {
  const digits = [...pin].map(Number)
  const steps = new Set(digits.slice(1).map((d, i) => d - (digits[i] ?? 0)))
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 0)
}

/** For a PIN a person will keep (not a temporary one they must change at first sign-in). */
export function checkChosenPin(pin: string): void {
  checkPinFormat(pin)
  if (isTrivialPin(pin)) {
    throw new AppError('pin_too_simple', {}, 'El PIN es demasiado fácil de adivinar')
  }
}

function deriveKey(pin: string, salt: Buffer, params: PinHashParams): Promise<Buffer> {
  const N = 2 ** params.ln
  return new Promise((resolve, reject) => {
    scrypt(
      pin,
      salt,
      KEY_BYTES,
      // scrypt needs ~128·N·r bytes; Node's default ceiling (32 MiB) is exactly that at ln=15.
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r },
      (error, key) => (error ? reject(error) : resolve(key))
    )
  })
}

export async function hashPin(
  pin: string,
  params: PinHashParams = DEFAULT_PIN_HASH
): Promise<string> {
  checkPinFormat(pin)
  const salt = randomBytes(SALT_BYTES)
  const key = await deriveKey(pin, salt, params)
  const cost = `ln=${params.ln},r=${params.r},p=${params.p}`
  return `$scrypt$${cost}$${salt.toString('base64')}$${key.toString('base64')}`
}

interface ParsedHash {
  params: PinHashParams
  salt: Buffer
  key: Buffer
}

export function parsePinHash(stored: string): ParsedHash | null {
  const match = HASH_PATTERN.exec(stored)
  if (!match) return null
  const [, ln, r, p, salt, key] = match
  const params = { ln: Number(ln), r: Number(r), p: Number(p) }
  if (params.ln < LN_RANGE.min || params.ln > LN_RANGE.max) return null
  if (params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16) return null
  const saltBytes = Buffer.from(salt ?? '', 'base64')
  const keyBytes = Buffer.from(key ?? '', 'base64')
  if (saltBytes.length < SALT_BYTES || keyBytes.length !== KEY_BYTES) return null
  return { params, salt: saltBytes, key: keyBytes }
}

/** False for a wrong PIN, a malformed PIN and an unreadable hash alike. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored)
  if (!parsed || !isPinFormat(pin)) return false
  const key = await deriveKey(pin, parsed.salt, parsed.params)
  return timingSafeEqual(key, parsed.key)
}

/** True when the hash was made with other (older) parameters than `params`. */
export function needsRehash(stored: string, params: PinHashParams = DEFAULT_PIN_HASH): boolean {
  const parsed = parsePinHash(stored)
  if (!parsed) return true
  const { ln, r, p } = parsed.params
  return ln !== params.ln || r !== params.r || p !== params.p
}
