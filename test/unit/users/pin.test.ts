import { describe, expect, it } from 'vitest'
import {
  checkChosenPin,
  checkPinFormat,
  DEFAULT_PIN_HASH,
  hashPin,
  isPinFormat,
  isTrivialPin,
  needsRehash,
  parsePinHash,
  verifyPin
} from '@main/users/pin'
import { FAST_HASH } from '@support/fast-hash'

describe('PIN hashing', () => {
  it('stores a salted scrypt hash with its parameters, never the PIN (real app cost)', async () => {
    const stored = await hashPin('4821')
    expect(stored).not.toContain('4821')
    expect(stored).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$/)
    const parsed = parsePinHash(stored)
    expect(parsed?.params).toEqual(DEFAULT_PIN_HASH)
    expect(2 ** (parsed?.params.ln ?? 0)).toBe(32_768)
    expect(parsed?.salt).toHaveLength(16)
    expect(await verifyPin('4821', stored)).toBe(true)
    expect(await verifyPin('4822', stored)).toBe(false)
  })

  it('uses a fresh salt each time, so the same PIN hashes differently', async () => {
    const a = await hashPin('135790', FAST_HASH)
    const b = await hashPin('135790', FAST_HASH)
    expect(a).not.toBe(b)
    expect(parsePinHash(a)?.salt.equals(parsePinHash(b)?.salt ?? Buffer.alloc(0))).toBe(false)
    expect(await verifyPin('135790', a)).toBe(true)
    expect(await verifyPin('135790', b)).toBe(true)
  })

  it('verifies with the parameters stored in the hash, and says when to rehash', async () => {
    const old = await hashPin('8642', FAST_HASH)
    expect(await verifyPin('8642', old)).toBe(true)
    expect(needsRehash(old)).toBe(true)
    expect(needsRehash(old, FAST_HASH)).toBe(false)
  })

  it('refuses tampered or absurd hashes instead of trusting them', async () => {
    const stored = await hashPin('8642', FAST_HASH)
    expect(await verifyPin('8642', stored.replace('ln=10', 'ln=30'))).toBe(false)
    expect(await verifyPin('8642', stored.slice(0, -4))).toBe(false)
    expect(await verifyPin('8642', 'plain-8642')).toBe(false)
    expect(await verifyPin('86a2', stored)).toBe(false)
  })
})

describe('PIN format', () => {
  it('accepts 4 to 8 digits only', () => {
    for (const pin of ['0000', '1357', '12345678']) expect(isPinFormat(pin)).toBe(true)
    for (const pin of ['', '123', '123456789', '12a4', ' 1234', '1234 ', '١٢٣٤', '12.4']) {
      expect(isPinFormat(pin)).toBe(false)
    }
    expect(() => checkPinFormat('123')).toThrow(expect.objectContaining({ code: 'pin_format' }))
    expect(() => checkPinFormat('123')).toThrow(
      expect.objectContaining({ params: { min: 4, max: 8 } })
    )
  })

  it('refuses trivial PINs that a person would keep', () => {
    for (const pin of ['0000', '1111', '1234', '4321', '345678', '98765']) {
      expect(isTrivialPin(pin)).toBe(true)
    }
    for (const pin of ['2580', '1357', '8901', '1243', '0001'])
      expect(isTrivialPin(pin)).toBe(false)
    expect(() => checkChosenPin('1234')).toThrow(
      expect.objectContaining({ code: 'pin_too_simple' })
    )
    expect(() => checkChosenPin('2580')).not.toThrow()
  })

  it('rejects a PIN of the wrong format before hashing it', async () => {
    await expect(hashPin('12', FAST_HASH)).rejects.toMatchObject({ code: 'pin_format' })
  })
})
