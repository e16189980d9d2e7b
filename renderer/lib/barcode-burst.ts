/**
 * Recognises a keyboard-wedge scanner: a burst of fast keystrokes ending in Enter whose text
 * looks like a GS1-128 bill barcode or a receipt's QR code (`RECIBO-CAJA-01-000042`). People
 * type slower than `maxGapMs` between keys and never type either by hand in one go, so timing
 * plus shape keeps false positives away.
 *
 * Pure: timestamps come in with each stroke, so tests need no clock.
 */

import { parseReceiptCode } from '@shared/domain/receipt-number'

/** ASCII group separator: FNC1 as a scanner types it. */
export const GS = '\u001d'

export interface KeyStroke {
  key: string
  ctrlKey: boolean
  altKey: boolean
  metaKey: boolean
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  at: number
}

export interface BurstOptions {
  /** Longest pause between two keys of one scan. */
  maxGapMs: number
  /** Shortest text worth calling a barcode (a GLN alone is 16 characters with its AI). */
  minLength: number
}

export type BurstVerdict =
  /** Not part of a possible scan (or a modifier key that changes nothing). */
  | { kind: 'none' }
  /** Buffered; `startsBurst` is true when this key began a new possible scan. */
  | { kind: 'buffering'; startsBurst: boolean; length: number }
  /**
   * A complete scan: the caller should swallow this Enter and open the bill. `prefix` is what
   * arrived in the same burst before the barcode (a key pressed just before the trigger).
   */
  | { kind: 'barcode'; raw: string; prefix: string }

export const DEFAULT_BURST_OPTIONS: BurstOptions = { maxGapMs: 100, minLength: 16 }

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'CapsLock'])

/** `]C1` symbology prefix, then `415` either bare or parenthesised, then the 13-digit GLN. */
const BARCODE_SHAPE = /^(\]C1)?(\(415\)|415)\d{13}/

export function looksLikeBillBarcode(text: string): boolean {
  return BARCODE_SHAPE.test(text.trim())
}

/** A receipt's QR code, whole: its prefix is shape enough, whatever the terminal's length. */
export function isReceiptCode(text: string): boolean {
  return parseReceiptCode(text) !== undefined
}

/** Where the barcode starts in a burst, or -1: the earliest position it reads from. */
export function barcodeStart(text: string): number {
  for (let index = 0; index < text.length; index += 1) {
    const rest = text.slice(index)
    if (looksLikeBillBarcode(rest) || isReceiptCode(rest)) return index
  }
  return -1
}

/** The character a stroke adds to a scan, or null when the stroke is not text. */
export function strokeChar(stroke: KeyStroke): string | null {
  // Ctrl+] is how many wedges type GS (0x1D); some send the control character itself.
  if (stroke.ctrlKey && (stroke.key === ']' || stroke.key === GS)) return GS
  if (stroke.key === GS) return GS
  if (stroke.ctrlKey || stroke.altKey || stroke.metaKey) return null
  return stroke.key.length === 1 ? stroke.key : null
}

export interface BurstDetector {
  feed(stroke: KeyStroke): BurstVerdict
  reset(): void
}

export function createBurstDetector(options: Partial<BurstOptions> = {}): BurstDetector {
  const { maxGapMs, minLength } = { ...DEFAULT_BURST_OPTIONS, ...options }
  let buffer = ''
  let lastAt = Number.NEGATIVE_INFINITY

  function reset(): void {
    buffer = ''
    lastAt = Number.NEGATIVE_INFINITY
  }

  function feed(stroke: KeyStroke): BurstVerdict {
    if (MODIFIER_KEYS.has(stroke.key)) return { kind: 'none' }
    const fast = stroke.at - lastAt <= maxGapMs

    if (stroke.key === 'Enter') {
      const text = buffer
      reset()
      const start = fast ? barcodeStart(text) : -1
      if (start < 0) return { kind: 'none' }
      const short = text.length - start < minLength
      if (short && !isReceiptCode(text.slice(start))) return { kind: 'none' }
      return { kind: 'barcode', raw: text.slice(start), prefix: text.slice(0, start) }
    }

    const char = strokeChar(stroke)
    if (char === null) {
      reset()
      return { kind: 'none' }
    }
    const startsBurst = !fast || buffer.length === 0
    buffer = startsBurst ? char : buffer + char
    lastAt = stroke.at
    return { kind: 'buffering', startsBurst, length: buffer.length }
  }

  return { feed, reset }
}
