import { describe, expect, it } from 'vitest'

import { csvLine, detectSeparator, parseCsv } from '../../../electron/main/batch/csv'

describe('parseCsv', () => {
  it('reads quoted fields holding separators, doubled quotes and line breaks, with CRLF', () => {
    const text = 'a;b;c\r\n"x;1";"he said ""hola""";"two\r\nlines"\r\nlast;;\r\n'
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'], unterminated: false },
      { line: 2, fields: ['x;1', 'he said "hola"', 'two\r\nlines'], unterminated: false },
      { line: 4, fields: ['last', '', ''], unterminated: false }
    ])
  })

  it('skips blank lines, strips a BOM and reads a last line without newline', () => {
    const text = '\uFEFFa,b\n\n1,2\n\n3,4'
    expect(parseCsv(text, ',').map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']]
    ])
  })

  it('flags an unterminated quote', () => {
    const [, broken] = parseCsv('a,b\n"oops,2\n3,4\n', ',')
    expect(broken?.unterminated).toBe(true)
  })
})

describe('detectSeparator', () => {
  it('picks the separator of the header, ignoring quoted ones', () => {
    expect(detectSeparator('tipo_id;identificacion;valor\n1,2,3,4,5')).toBe(';')
    expect(detectSeparator('\uFEFFid_type,identification,amount')).toBe(',')
    expect(detectSeparator('"a;b;c",d,e')).toBe(',')
  })
})

describe('csvLine', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvLine(['plain', 'a;b', 'say "x"', 'two\nlines', 12, null], ';')).toBe(
      'plain;"a;b";"say ""x""";"two\nlines";12;'
    )
    expect(csvLine(['=HYPERLINK("x")', '+1', '@SUM', '-A1', '-5000'], ',')).toBe(
      `"'=HYPERLINK(""x"")",'+1,'@SUM,'-A1,-5000`
    )
  })
})
