import { describe, expect, it } from 'vitest'
import {
  GS,
  createBurstDetector,
  looksLikeBillBarcode,
  type BurstVerdict,
  type KeyStroke
} from '@renderer/lib/barcode-burst'

const SCAN = `]C14157709998000017802001234567890${GS}39000000125000${GS}9620250131`

function stroke(key: string, at: number, mods: Partial<KeyStroke> = {}): KeyStroke {
  return { key, at, ctrlKey: false, altKey: false, metaKey: false, ...mods }
}

/** Feeds `text` one key per `gap` ms starting at `start`, then Enter; returns the last verdict. */
function type(text: string, gap: number, start = 1000, ctrlGs = false): BurstVerdict {
  const detector = createBurstDetector()
  let at = start
  for (const char of text) {
    if (char === GS && ctrlGs) {
      detector.feed(stroke('Control', at))
      detector.feed(stroke(']', at, { ctrlKey: true }))
    } else {
      detector.feed(stroke(char, at))
    }
    at += gap
  }
  return detector.feed(stroke('Enter', at))
}

describe('barcode burst detector', () => {
  it('recognises a fast scan with ]C1 and GS characters', () => {
    expect(type(SCAN, 8)).toEqual({ kind: 'barcode', raw: SCAN, prefix: '' })
  })

  it('turns Ctrl+] into GS', () => {
    expect(type(SCAN, 8, 1000, true)).toEqual({ kind: 'barcode', raw: SCAN, prefix: '' })
  })

  it('recognises the parenthesised human-readable form', () => {
    const text = '(415)7709998000017(8020)0123456789(3900)125000(96)20250131'
    expect(type(text, 20)).toEqual({ kind: 'barcode', raw: text, prefix: '' })
  })

  it('ignores the same text typed at human speed', () => {
    expect(type(SCAN, 180)).toEqual({ kind: 'none' })
  })

  it('ignores fast text that is not a bill barcode', () => {
    expect(type('900123456789012345678', 5)).toEqual({ kind: 'none' })
  })

  it('starts a new burst after a pause, dropping what a person typed before', () => {
    const detector = createBurstDetector()
    detector.feed(stroke('9', 0))
    detector.feed(stroke('0', 300))
    let at = 2000
    let first: BurstVerdict = { kind: 'none' }
    for (const [index, char] of [...SCAN].entries()) {
      const verdict = detector.feed(stroke(char, at))
      if (index === 0) first = verdict
      at += 10
    }
    expect(first).toEqual({ kind: 'buffering', startsBurst: true, length: 1 })
    expect(detector.feed(stroke('Enter', at))).toEqual({ kind: 'barcode', raw: SCAN, prefix: '' })
  })

  it("recognises a receipt's QR code, even from a terminal with a one-letter name", () => {
    for (const code of ['RECIBO-CAJA-01-000042', 'RECIBO-T-000001']) {
      expect(type(code, 8)).toEqual({ kind: 'barcode', raw: code, prefix: '' })
    }
    expect(type('7RECIBO-CAJA-01-000042', 8)).toEqual({
      kind: 'barcode',
      raw: 'RECIBO-CAJA-01-000042',
      prefix: '7'
    })
  })

  it('leaves a receipt code typed by hand, or a receipt number without its prefix, alone', () => {
    expect(type('RECIBO-CAJA-01-000042', 180)).toEqual({ kind: 'none' })
    expect(type('CAJA-01-000042', 8)).toEqual({ kind: 'none' })
    expect(type('RECIBO-CAJA-01-42', 8)).toEqual({ kind: 'none' })
  })

  it('separates the barcode from keys typed just before the trigger', () => {
    expect(type(`99${SCAN}`, 8)).toEqual({ kind: 'barcode', raw: SCAN, prefix: '99' })
  })

  it('drops the burst when a navigation key interrupts it', () => {
    const detector = createBurstDetector()
    let at = 0
    for (const char of SCAN.slice(0, 20)) detector.feed(stroke(char, (at += 5)))
    detector.feed(stroke('Tab', (at += 5)))
    for (const char of SCAN.slice(20)) detector.feed(stroke(char, (at += 5)))
    expect(detector.feed(stroke('Enter', (at += 5)))).toEqual({ kind: 'none' })
  })

  it('checks the barcode shape', () => {
    expect(looksLikeBillBarcode('4157709998000017')).toBe(true)
    expect(looksLikeBillBarcode('(415)7709998000017')).toBe(true)
    expect(looksLikeBillBarcode(']C1(415)7709998000017')).toBe(true)
    expect(looksLikeBillBarcode('41577099980')).toBe(false)
    expect(looksLikeBillBarcode('8020123')).toBe(false)
  })
})
