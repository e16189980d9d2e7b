import { AppError, type ErrorCode } from '@shared/errors'
import type { Pesos } from './money'

/** GS1 mod-10 check digit: weights 3,1,3,… from the rightmost digit leftwards. */
export function gs1CheckDigit(digitsWithoutCheck: string): number {
  if (!/^\d+$/.test(digitsWithoutCheck)) throw new AppError('barcode_malformed')
  let sum = 0
  for (let i = 0; i < digitsWithoutCheck.length; i++) {
    const digit = digitsWithoutCheck.charCodeAt(digitsWithoutCheck.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

export function isValidGln(gln13: string): boolean {
  return /^\d{13}$/.test(gln13) && gs1CheckDigit(gln13.slice(0, 12)) === Number(gln13[12])
}

export interface BillBarcode {
  gln: string
  /** As printed, padding zeros included; see `unpaddedReference`. */
  reference: string
  amount: Pesos
  dueDate: string /* YYYY-MM-DD */
}

export type BillBarcodeResult =
  | { ok: true; value: BillBarcode }
  | { ok: false; code: ErrorCode; params?: Record<string, string | number> }

export type BillBarcodeVariant = 'human' | 'gs' | 'symbology-gs' | 'fixed'

const GS = '\x1D'
const REFERENCE_MAX = 25
const AMOUNT_MAX = 15
const FIXED_REFERENCE_WIDTH = 18
const FIXED_AMOUNT_WIDTH = 10

type FieldKey = 'gln' | 'reference' | 'amount' | 'dueDate'

interface Field {
  key: FieldKey
  ai: string
  value: string
}

interface AiSpec {
  key: FieldKey
  fixed?: number
  max: number
  chars: RegExp
}

const REFERENCE_CHARS = /^[0-9A-Za-z./-]+$/
const DIGITS = /^\d+$/

function aiSpec(ai: string): AiSpec | undefined {
  if (ai === '415') return { key: 'gln', fixed: 13, max: 13, chars: DIGITS }
  if (ai === '8020') return { key: 'reference', max: REFERENCE_MAX, chars: REFERENCE_CHARS }
  if (/^390\d$/.test(ai)) return { key: 'amount', max: AMOUNT_MAX, chars: DIGITS }
  // AI 96 is "company internal" and variable in GS1; Colombian billers put the due date there.
  if (ai === '96') return { key: 'dueDate', fixed: 8, max: 8, chars: DIGITS }
  return undefined
}

/** The AI at `pos`; no AI we know is a prefix of another, so the first match is the only one. */
function readAi(data: string, pos: number): string | undefined {
  for (const length of [2, 3, 4]) {
    const ai = data.slice(pos, pos + length)
    if (ai.length === length && aiSpec(ai)) return ai
  }
  return undefined
}

const CANDIDATE_LIMIT = 500

/** Every way to read `data` (AIs without parentheses, GS between fields) as our four fields. */
function elementCandidates(data: string): Field[][] {
  const results: Field[][] = []
  const walk = (pos: number, fields: Field[]): void => {
    if (results.length >= CANDIDATE_LIMIT) return
    while (data[pos] === GS) pos++
    if (pos >= data.length) {
      if (fields.length === 4) results.push(fields)
      return
    }
    const ai = readAi(data, pos)
    const spec = ai === undefined ? undefined : aiSpec(ai)
    if (ai === undefined || !spec || fields.some((f) => f.key === spec.key)) return
    const start = pos + ai.length
    const gsAt = data.indexOf(GS, start)
    const end = gsAt === -1 ? data.length : gsAt
    const lengths =
      spec.fixed !== undefined
        ? [spec.fixed]
        : Array.from({ length: Math.min(spec.max, end - start) }, (_, i) => i + 1)
    for (const length of lengths) {
      if (start + length > end) continue
      const value = data.slice(start, start + length)
      if (!spec.chars.test(value)) break
      walk(start + length, [...fields, { key: spec.key, ai, value }])
    }
  }
  walk(0, [])
  return results
}

/** `(415)7709998012349(8020)…`: the parentheses mark every AI, so there is one reading or none. */
function humanCandidates(data: string): Field[][] {
  const compact = data.replace(/\s+/g, '')
  if (!/^(?:\(\d{2,4}\)[^()]+)+$/.test(compact)) return []
  const fields: Field[] = []
  for (const [, ai = '', value = ''] of compact.matchAll(/\((\d{2,4})\)([^()]+)/g)) {
    const spec = aiSpec(ai)
    if (!spec || fields.some((f) => f.key === spec.key)) return []
    if (!spec.chars.test(value) || value.length > spec.max) return []
    if (spec.fixed !== undefined && value.length !== spec.fixed) return []
    fields.push({ key: spec.key, ai, value })
  }
  return fields.length === 4 ? [fields] : []
}

// Built from GS because a control character in a regex literal is hard to see (and linted).
const EDGE_NOISE = new RegExp(`^[\\s${GS}]+|[\\s${GS}]+$`, 'g')

/** Undoes what keyboard-wedge scanners do to the stream before it reaches us. */
function normalizeScan(raw: string): string {
  // FNC1 in first position is the GS1-128 marker itself, before or after `]C1`; a trailing one
  // ends nothing.
  return raw
    .replace(/<GS>|\{GS\}|\[GS\]|\u241D/gi, GS)
    .replace(EDGE_NOISE, '')
    .replace(/^\]C1/i, '')
    .replace(EDGE_NOISE, '')
}

function isoDate(yyyymmdd: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(yyyymmdd)
  if (!match) return undefined
  const [, y = '', m = '', d = ''] = match
  const year = Number(y)
  const month = Number(m)
  const day = Number(d)
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return undefined
  return `${y}-${m}-${d}`
}

function amountPesos(ai: string, digits: string): Pesos | undefined {
  const decimals = Number(ai.charAt(3))
  if (!DIGITS.test(digits) || digits.length > AMOUNT_MAX || digits.length <= decimals) {
    return undefined
  }
  const cents = digits.slice(digits.length - decimals)
  if (!/^0*$/.test(cents)) return undefined
  return Number(digits.slice(0, digits.length - decimals))
}

function field(fields: Field[], key: FieldKey): Field {
  const found = fields.find((f) => f.key === key)
  if (!found) throw new Error(`missing ${key}`)
  return found
}

function check(fields: Field[]): BillBarcodeResult {
  const gln = field(fields, 'gln').value
  const reference = field(fields, 'reference').value
  const amount = field(fields, 'amount')
  const date = field(fields, 'dueDate').value
  if (!isValidGln(gln)) return { ok: false, code: 'barcode_gln_check', params: { gln } }
  const dueDate = isoDate(date)
  if (dueDate === undefined) return { ok: false, code: 'barcode_due_date', params: { value: date } }
  const pesos = amountPesos(amount.ai, amount.value)
  if (pesos === undefined) {
    return { ok: false, code: 'barcode_amount', params: { value: amount.value } }
  }
  return { ok: true, value: { gln, reference, amount: pesos, dueDate } }
}

const CANONICAL_ORDER: readonly FieldKey[] = ['gln', 'reference', 'amount', 'dueDate']

function isCanonicalOrder(fields: Field[]): boolean {
  return fields.every((f, i) => f.key === CANONICAL_ORDER[i])
}

/**
 * Ranks readings of an ambiguous scan, best first: valid ones, then the usual AI order, then the
 * widths billers pad to (reference 10 or 18, amount 10 or 14).
 */
function score(fields: Field[]): number[] {
  const reference = field(fields, 'reference').value
  const amount = field(fields, 'amount')
  return [
    check(fields).ok ? 1 : 0,
    isCanonicalOrder(fields) ? 1 : 0,
    reference.length === 10 || reference.length === 18 ? 1 : 0,
    amount.value.length === 10 || amount.value.length === 14 ? 1 : 0
  ]
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (b[i] ?? 0) - (a[i] ?? 0)
    if (diff !== 0) return diff
  }
  return 0
}

/**
 * Reads a scanned bill barcode in any of the forms scanners send: with or without `]C1`, with GS
 * (or `<GS>`/`{GS}` text) between fields, with no separators at all (fixed widths), or as the
 * parenthesised human-readable text.
 */
export function parseBillBarcode(raw: string): BillBarcodeResult {
  const data = normalizeScan(raw)
  if (data === '') return { ok: false, code: 'barcode_malformed' }
  let candidates: Field[][]
  if (data.includes('(')) candidates = humanCandidates(data)
  else {
    candidates = elementCandidates(data)
    // Without separators only the usual order can be split reliably (the date, fixed, goes last).
    if (!data.includes(GS)) candidates = candidates.filter(isCanonicalOrder)
  }
  if (candidates.length === 0) return { ok: false, code: 'barcode_malformed' }

  const ranked = candidates
    .map((fields) => ({ fields, score: score(fields) }))
    .sort((a, b) => compareScores(a.score, b.score))
  const best = ranked[0]
  if (!best) return { ok: false, code: 'barcode_malformed' }
  const result = check(best.fields)
  if (!result.ok) return result

  // Two different readings that rank the same: guessing would risk charging the wrong amount.
  const key = (b: BillBarcode): string => `${b.gln}|${b.reference}|${b.amount}|${b.dueDate}`
  for (const other of ranked.slice(1)) {
    if (compareScores(best.score, other.score) !== 0) break
    const otherResult = check(other.fields)
    if (otherResult.ok && key(otherResult.value) !== key(result.value)) {
      return { ok: false, code: 'barcode_ambiguous' }
    }
  }
  return result
}

/** The reference without the zeros billers pad it with ('0000123456' → '123456'). */
/** UNE's references are 18 digits: the zero-padded contract (10), then the bill's sequence. */
export const REFERENCE_DIGITS = 18

export function unpaddedReference(reference: string): string {
  return reference.replace(/^0+(?=.)/, '')
}

/** Two payment references of the same bill, padded or not ('0000123456' and '123456'). */
export function sameReference(a: string | undefined | null, b: string): boolean {
  return !!a && (a === b || unpaddedReference(a) === unpaddedReference(b))
}

/** Writes a barcode the way a scanner of the given kind would send it (simulator and tests). */
export function encodeBillBarcode(b: BillBarcode, variant: BillBarcodeVariant): string {
  const date = b.dueDate.replace(/-/g, '')
  if (
    !/^\d{13}$/.test(b.gln) ||
    !REFERENCE_CHARS.test(b.reference) ||
    b.reference.length > REFERENCE_MAX ||
    !Number.isSafeInteger(b.amount) ||
    b.amount < 0 ||
    String(b.amount).length > AMOUNT_MAX ||
    !/^\d{8}$/.test(date)
  ) {
    throw new AppError('barcode_malformed')
  }
  const amount = String(b.amount)
  switch (variant) {
    case 'human':
      return `(415)${b.gln}(8020)${b.reference}(3900)${amount}(96)${date}`
    case 'gs':
      return `415${b.gln}8020${b.reference}${GS}3900${amount}${GS}96${date}`
    case 'symbology-gs':
      return `]C1415${b.gln}8020${b.reference}${GS}3900${amount}${GS}96${date}`
    case 'fixed':
      return (
        `415${b.gln}8020${b.reference.padStart(FIXED_REFERENCE_WIDTH, '0')}` +
        `3900${amount.padStart(FIXED_AMOUNT_WIDTH, '0')}96${date}`
      )
  }
}
