import { describe, expect, it } from 'vitest'

import { csvLine, detectSeparator, parseCsv } from '@main/batch/csv'

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

  it('keeps the file line of each row in a large file with multi-line quoted fields', () => {
    // Well past one slice of reading, with records spanning lines on both sides of the cuts.
    let text = 'a;b;c\r\n'
    let line = 2
    const expected: [number, string[]][] = [[1, ['a', 'b', 'c']]]
    for (let i = 0; i < 5000; i++) {
      const note = i % 7 === 0 ? `nota ${i}\r\ncon "salto"` : `ñandú ${i}`
      expected.push([line, [String(i), note, 'x;y']])
      text += `${i};"${note.replace(/"/g, '""')}";"x;y"\r\n`
      line += note.includes('\n') ? 2 : 1
      if (i % 50 === 0) {
        text += '\r\n' // a blank line
        line++
      }
    }
    const records = parseCsv(text, ';')
    expect(records.map((r) => [r.line, r.fields])).toEqual(expected)
  })

  it('reads a record longer than a slice and the rows after it, then an unterminated one', () => {
    const long = 'x\n'.repeat(100_000)
    const text = `a;b\n1;"${long}"\n\n2;3\n"abierto;4\n5;6\n`
    expect(parseCsv(text, ';')).toEqual([
      { line: 1, fields: ['a', 'b'], unterminated: false },
      { line: 2, fields: ['1', long], unterminated: false },
      { line: 100_004, fields: ['2', '3'], unterminated: false },
      { line: 100_005, fields: ['abierto;4\n5;6\n'], unterminated: true }
    ])
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
