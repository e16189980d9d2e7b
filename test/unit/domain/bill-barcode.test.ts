import { describe, expect, it } from 'vitest'
import type { BillBarcode, BillBarcodeVariant } from '@shared/domain/bill-barcode'
import {
  encodeBillBarcode,
  gs1CheckDigit,
  isValidGln,
  parseBillBarcode,
  unpaddedReference
} from '@shared/domain/bill-barcode'

const GS = '\x1D'
const GLN = '7709998012349'

/** mulberry32: a small seeded PRNG so a failing round-trip can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function digits(random: () => number, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(Math.floor(random() * 10))
  return out
}

function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1))
}

function randomGln(random: () => number): string {
  const body = `770${digits(random, 9)}`
  return body + String(gs1CheckDigit(body))
}

function randomBill(random: () => number, maxReference: number): BillBarcode {
  // Salt references with the AIs' digits so splits on '3900', '96', '8020' and '415' get tried.
  const pieces = ['3900', '96', '8020', '415', '0', '00']
  let reference = ''
  const length = int(random, 1, maxReference)
  while (reference.length < length) {
    reference +=
      random() < 0.3 ? (pieces[int(random, 0, pieces.length - 1)] ?? '') : digits(random, 1)
  }
  reference = reference.slice(0, length)
  const year = int(random, 2020, 2035)
  const month = int(random, 1, 12)
  const day = int(random, 1, new Date(Date.UTC(year, month, 0)).getUTCDate())
  const pad = (n: number): string => String(n).padStart(2, '0')
  return {
    gln: randomGln(random),
    reference,
    amount: int(random, 0, random() < 0.5 ? 9_999_999_999 : 999_999),
    dueDate: `${year}-${pad(month)}-${pad(day)}`
  }
}

const BILL: BillBarcode = {
  gln: GLN,
  reference: '0001234567',
  amount: 125000,
  dueDate: '2026-11-30'
}

describe('gs1CheckDigit / isValidGln', () => {
  it.each([
    // Published GTIN/GLN examples (GS1 General Specifications, well-known products).
    ['629104150021', 3],
    ['501234567890', 0],
    ['400638133393', 1],
    ['770999801234', 9], // 4·3+3+2·3+1+0+8+9·3+9+9·3+0+7·3+7 = 121
    ['00000000000', 0],
    ['1', 7]
  ])('%s → %i', (body, check) => {
    expect(gs1CheckDigit(body)).toBe(check)
  })

  it.each([
    ['7709998012349', true],
    ['5012345678900', true],
    ['7709998012346', false],
    ['770999801234', false],
    ['77099980123490', false],
    ['770999801234a', false],
    ['', false]
  ])('isValidGln(%j) → %s', (gln, valid) => {
    expect(isValidGln(gln)).toBe(valid)
  })

  it('detects every single-digit error in a GLN', () => {
    for (let pos = 0; pos < 13; pos++) {
      for (let d = 0; d <= 9; d++) {
        const changed = GLN.slice(0, pos) + String(d) + GLN.slice(pos + 1)
        expect(isValidGln(changed)).toBe(changed === GLN)
      }
    }
  })

  it('throws for non-digits', () => {
    expect(() => gs1CheckDigit('12a')).toThrow(
      expect.objectContaining({ code: 'barcode_malformed' })
    )
  })
})

describe('encodeBillBarcode', () => {
  it.each([
    ['human', '(415)7709998012349(8020)0001234567(3900)125000(96)20261130'],
    ['gs', `41577099980123498020000123456${'7'}${GS}3900125000${GS}9620261130`],
    ['symbology-gs', `]C1415770999801234980200001234567${GS}3900125000${GS}9620261130`],
    ['fixed', '4157709998012349802000000000000' + '1234567' + '3900' + '0000125000' + '9620261130']
  ] as [BillBarcodeVariant, string][])('%s', (variant, text) => {
    expect(encodeBillBarcode(BILL, variant)).toBe(text)
  })

  it.each([
    { ...BILL, gln: '770999801234' },
    { ...BILL, reference: '' },
    { ...BILL, reference: '1'.repeat(26) },
    { ...BILL, reference: '12 34' },
    { ...BILL, amount: -1 },
    { ...BILL, amount: 1.5 },
    { ...BILL, amount: 10 ** 15 },
    { ...BILL, dueDate: '2026-1-30' }
  ])('refuses to encode %j', (bill) => {
    expect(() => encodeBillBarcode(bill, 'gs')).toThrow(
      expect.objectContaining({ code: 'barcode_malformed' })
    )
  })
})

describe('parseBillBarcode: scanner variants of one bill', () => {
  const expected = { ok: true, value: BILL }
  const gsData = `41577099980123498020${BILL.reference}${GS}3900125000${GS}9620261130`
  it.each([
    ['human-readable', '(415)7709998012349(8020)0001234567(3900)125000(96)20261130'],
    [
      'human-readable with spaces',
      ' (415) 7709998012349 (8020) 0001234567 (3900) 125000 (96) 20261130\n'
    ],
    ['GS', gsData],
    [']C1 + GS', `]C1${gsData}`],
    [']c1 lower case', `]c1${gsData}`],
    ['leading FNC1 as GS', `${GS}${gsData}`],
    ['trailing GS and CRLF', `${gsData}${GS}\r\n`],
    ['literal <GS>', gsData.replaceAll(GS, '<GS>')],
    ['literal {GS}', `]C1${gsData.replaceAll(GS, '{gs}')}`],
    ['literal [GS]', gsData.replaceAll(GS, '[GS]')],
    ['␝ symbol', gsData.replaceAll(GS, '\u241D')],
    [
      'GS after the fixed GLN too',
      `415${GLN}${GS}8020${BILL.reference}${GS}3900125000${GS}9620261130`
    ],
    ['no separators, widths 10/10', '41577099980123498020000123456739000000125000' + '9620261130'],
    ['no separators, widths 10/14', `415${GLN}8020000123456739000000000012500096` + '20261130'],
    ['no separators, unpadded amount', `415${GLN}80200001234567` + '3900125000' + '9620261130'],
    ['no separators with ]C1 and newline', `]C1415${GLN}80200001234567390000001250009620261130\n`],
    ['3902 with zero cents', `415${GLN}8020${BILL.reference}${GS}390212500000${GS}9620261130`],
    ['AIs in another order (GS)', `96202611303900125000${GS}415${GLN}8020${BILL.reference}`],
    ['AIs in another order 2 (GS)', `8020${BILL.reference}${GS}96202611303900125000${GS}415${GLN}`],
    ['human-readable, other order', `(96)20261130(3900)125000(8020)0001234567(415)${GLN}`]
  ])('%s', (_name, raw) => {
    expect(parseBillBarcode(raw)).toEqual(expected)
  })

  it('reads an 18-wide reference and keeps its padding', () => {
    const raw = `415${GLN}8020000000000001234567390000001250009620261130`
    const result = parseBillBarcode(raw)
    expect(result).toEqual({ ok: true, value: { ...BILL, reference: '000000000001234567' } })
    if (result.ok) expect(unpaddedReference(result.value.reference)).toBe('1234567')
  })
})

describe('parseBillBarcode: tricky references and amounts', () => {
  it.each([
    // Reference containing the amount AI, no separators: the 10/10 widths decide.
    ['ref has 3900, fixed', '3900390039', 125000],
    ['ref has 96, fixed', '9620261130', 125000],
    ['ref has 415 and 8020', '4158020415', 125000],
    ['ref all 3900s, 18 wide', '390039003900390039', 3900],
    ['amount has 96', '0001234567', 9696],
    ['amount has 3900', '0001234567', 39003900]
  ])('%s', (_name, reference, amount) => {
    const bill = { ...BILL, reference, amount }
    for (const variant of ['human', 'gs', 'symbology-gs', 'fixed'] as const) {
      const parsed = parseBillBarcode(encodeBillBarcode(bill, variant))
      const want = variant === 'fixed' ? reference.padStart(18, '0') : reference
      expect(parsed, variant).toEqual({ ok: true, value: { ...bill, reference: want } })
    }
  })

  it('accepts a reference of any length when only one split parses', () => {
    // 7-digit reference, amount 6 digits: neither a usual width, but only one reading parses.
    const raw = `415${GLN}80201234567` + '3900125000' + '9620261130'
    expect(parseBillBarcode(raw)).toEqual({
      ok: true,
      value: { ...BILL, reference: '1234567' }
    })
  })

  it('prefers an amount padded to 10 when the reference width does not decide', () => {
    // ref '123' + amount '0039001234', or ref '12339000' + amount '1234'.
    const raw = `415${GLN}8020` + '123' + '3900' + '0039001234' + '9620261130'
    expect(parseBillBarcode(raw)).toEqual({
      ok: true,
      value: { ...BILL, reference: '123', amount: 39001234 }
    })
  })

  it('prefers the usual AI order when a GS scan is missing an FNC1', () => {
    // ref '79620261201' + amount '5' + date, or ref '7' + date + amount '59620261130'.
    const raw = `415${GLN}8020` + '7' + '9620261201' + GS + '3900' + '5' + '9620261130'
    expect(parseBillBarcode(raw)).toEqual({
      ok: true,
      value: { ...BILL, reference: '79620261201', amount: 5 }
    })
  })

  it('prefers a reading whose amount has no cents over better widths', () => {
    // ref '12' + 3902 amount '78939001234567' (14 wide, cents 67: invalid), or
    // ref '123902789' + 3900 amount '1234567'.
    const raw = `415${GLN}8020` + '12' + '3902' + '789' + '3900' + '1234567' + '9620261130'
    expect(parseBillBarcode(raw)).toEqual({
      ok: true,
      value: { ...BILL, reference: '123902789', amount: 1234567 }
    })
  })

  it('prefers a reading with a real due date over the usual AI order', () => {
    // Usual order: ref '79620261201', amount 5, date 2026-13-01 (invalid); the other reading
    // has ref '7', date 2026-12-01 and amount '59620261301'.
    const raw = `415${GLN}8020` + '7' + '9620261201' + GS + '3900' + '5' + '9620261301'
    expect(parseBillBarcode(raw)).toEqual({
      ok: true,
      value: { ...BILL, reference: '7', amount: 59620261301, dueDate: '2026-12-01' }
    })
  })

  it('refuses to guess when two readings of an unseparated scan are equally good', () => {
    // ref '12' + amount '39005', or ref '123900' + amount '5': both odd widths, both valid.
    const raw = `415${GLN}8020` + '12390039005' + '9620261130'
    const readings = parseBillBarcode(raw)
    expect(readings).toEqual({ ok: false, code: 'barcode_ambiguous' })
  })

  it('splits reference and amount when the scanner dropped the FNC1 between them', () => {
    const raw = `415${GLN}8020` + '0001234567' + '3900125000' + `${GS}9620261130`
    expect(parseBillBarcode(raw)).toEqual({ ok: true, value: BILL })
  })

  it('only splits an unseparated scan in the usual AI order', () => {
    const raw = `415${GLN}96202611303900125000` + '8020' + '0001234567'
    expect(parseBillBarcode(raw)).toEqual({ ok: false, code: 'barcode_malformed' })
    expect(parseBillBarcode(raw.replace('8020', `${GS}8020`))).toEqual({ ok: true, value: BILL })
  })

  it('takes a GS-ended reference whole even when it contains 3900', () => {
    const raw = `415${GLN}8020123900123${GS}3900555${GS}9620261130`
    expect(parseBillBarcode(raw)).toEqual({
      ok: true,
      value: { ...BILL, reference: '123900123', amount: 555 }
    })
  })
})

describe('parseBillBarcode: errors', () => {
  const ok = encodeBillBarcode(BILL, 'gs')
  it.each([
    ['empty', '', 'barcode_malformed'],
    ['whitespace', ' \n', 'barcode_malformed'],
    ['only ]C1', ']C1', 'barcode_malformed'],
    ['random text', 'hello world', 'barcode_malformed'],
    ['an EAN-13', '7702004003508', 'barcode_malformed'],
    ['missing date', `415${GLN}8020${BILL.reference}${GS}3900125000`, 'barcode_malformed'],
    ['missing amount', `415${GLN}8020${BILL.reference}${GS}9620261130`, 'barcode_malformed'],
    ['missing reference', `415${GLN}3900125000${GS}9620261130`, 'barcode_malformed'],
    ['empty reference', `415${GLN}8020${GS}3900125000${GS}9620261130`, 'barcode_malformed'],
    ['duplicate AI', `${ok}${GS}3900125000`, 'barcode_malformed'],
    ['unknown AI', `${ok}${GS}10ABC`, 'barcode_malformed'],
    ['short GLN', `415770999801234${GS}8020123${GS}3900125000${GS}9620261130`, 'barcode_malformed'],
    [
      'amount too long',
      `415${GLN}8020123${GS}39001234567890123456${GS}9620261130`,
      'barcode_malformed'
    ],
    ['letters in amount', `415${GLN}8020123${GS}39001250A0${GS}9620261130`, 'barcode_malformed'],
    ['date too short', `415${GLN}8020123${GS}3900125000${GS}96202611`, 'barcode_malformed'],
    ['date too long', `415${GLN}8020123${GS}3900125000${GS}96202611301`, 'barcode_malformed'],
    ['space inside', `415${GLN}8020 123${GS}3900125000${GS}9620261130`, 'barcode_malformed'],
    ['human, missing date', `(415)${GLN}(8020)123(3900)125000`, 'barcode_malformed'],
    ['human, unknown AI', `(415)${GLN}(8020)123(3900)125000(96)20261130(10)A`, 'barcode_malformed'],
    ['human, empty value', `(415)${GLN}(8020)(3900)125000(96)20261130`, 'barcode_malformed'],
    ['human, short GLN', `(415)770999801234(8020)1(3900)1(96)20261130`, 'barcode_malformed'],
    ['human, text before', `x(415)${GLN}(8020)1(3900)1(96)20261130`, 'barcode_malformed'],
    ['bad GLN check', ok.replace(GLN, '7709998012346'), 'barcode_gln_check'],
    ['bad GLN check, human', `(415)7709998012346(8020)1(3900)1(96)20261130`, 'barcode_gln_check'],
    [
      'bad GLN check, fixed',
      encodeBillBarcode({ ...BILL, gln: '7709998012340' }, 'fixed'),
      'barcode_gln_check'
    ],
    ['Feb 30', ok.replace('20261130', '20260230'), 'barcode_due_date'],
    ['Feb 29 not leap', ok.replace('20261130', '20270229'), 'barcode_due_date'],
    ['month 13', ok.replace('20261130', '20261301'), 'barcode_due_date'],
    ['day 00', ok.replace('20261130', '20261100'), 'barcode_due_date'],
    ['3902 with cents', ok.replace('3900125000', '390212500050'), 'barcode_amount'],
    ['3902 too short', ok.replace('3900125000', '39025'), 'barcode_amount']
  ])('%s → %s', (_name, raw, code) => {
    expect(parseBillBarcode(raw)).toMatchObject({ ok: false, code })
  })

  it('accepts Feb 29 of a leap year', () => {
    const raw = ok.replace('20261130', '20280229')
    expect(parseBillBarcode(raw)).toMatchObject({ ok: true, value: { dueDate: '2028-02-29' } })
  })

  it('names the bad GLN and date in the error params', () => {
    expect(parseBillBarcode(ok.replace(GLN, '7709998012346'))).toEqual({
      ok: false,
      code: 'barcode_gln_check',
      params: { gln: '7709998012346' }
    })
    expect(parseBillBarcode(ok.replace('20261130', '20260230'))).toEqual({
      ok: false,
      code: 'barcode_due_date',
      params: { value: '20260230' }
    })
  })
})

describe('parseBillBarcode: seeded round-trips', () => {
  const variants: readonly BillBarcodeVariant[] = ['human', 'gs', 'symbology-gs', 'fixed']

  it.each([1, 2, 3, 42, 2026])('encode → parse is the identity (seed %i)', (seed) => {
    const random = prng(seed)
    for (let i = 0; i < 200; i++) {
      const bill = randomBill(random, 18)
      for (const variant of variants) {
        const raw = encodeBillBarcode(bill, variant)
        const want =
          variant === 'fixed' ? { ...bill, reference: bill.reference.padStart(18, '0') } : bill
        expect(parseBillBarcode(raw), `${variant} ${JSON.stringify(raw)}`).toEqual({
          ok: true,
          value: want
        })
      }
    }
  })

  it('round-trips references up to 25 characters when GS or parentheses mark the fields', () => {
    const random = prng(7)
    for (let i = 0; i < 300; i++) {
      const bill = randomBill(random, 25)
      for (const variant of ['human', 'gs', 'symbology-gs'] as const) {
        const raw = encodeBillBarcode(bill, variant)
        expect(parseBillBarcode(raw), JSON.stringify(raw)).toEqual({ ok: true, value: bill })
      }
    }
  })

  it('survives keyboard-wedge mangling of GS', () => {
    const random = prng(99)
    const mangles = [
      (s: string) => s.replaceAll(GS, '<GS>'),
      (s: string) => s.replaceAll(GS, '{GS}'),
      (s: string) => `  ${s}\r\n`,
      (s: string) => `${GS}${s}${GS}`
    ]
    for (let i = 0; i < 100; i++) {
      const bill = randomBill(random, 18)
      for (const mangle of mangles) {
        const raw = mangle(encodeBillBarcode(bill, 'symbology-gs'))
        expect(parseBillBarcode(raw), JSON.stringify(raw)).toEqual({ ok: true, value: bill })
      }
    }
  })

  it('never accepts a single-digit change in the GLN', () => {
    const random = prng(5)
    for (let i = 0; i < 100; i++) {
      const bill = randomBill(random, 18)
      const pos = int(random, 0, 12)
      const old = bill.gln.charAt(pos)
      const d = String((Number(old) + int(random, 1, 9)) % 10)
      const gln = bill.gln.slice(0, pos) + d + bill.gln.slice(pos + 1)
      for (const variant of variants) {
        const result = parseBillBarcode(encodeBillBarcode({ ...bill, gln }, variant))
        expect(result).toMatchObject({ ok: false, code: 'barcode_gln_check' })
      }
    }
  })
})

describe('unpaddedReference', () => {
  it.each([
    ['0001234567', '1234567'],
    ['1234567', '1234567'],
    ['0000000000', '0'],
    ['0', '0'],
    ['00A1', 'A1']
  ])('%s → %s', (ref, want) => {
    expect(unpaddedReference(ref)).toBe(want)
  })
})
