/**
 * CSV as spreadsheets in Colombia write it: UTF-8 with or without BOM, `;` (Excel es-CO) or `,`
 * separators, quoted fields that may hold separators, doubled quotes and line breaks, CRLF or LF.
 * csv-parse reads it; this file adds what the import needs around it: the file line of each
 * record, a record left open by a missing quote kept as a row (not a failed file), and reading
 * in slices so a caller can pause between records.
 */
import { CsvError, parse } from 'csv-parse/sync'
import type { Options } from 'csv-parse/sync'

export interface CsvRecord {
  /** Physical line where the record starts (1-based). */
  line: number
  fields: string[]
  /** A quote was opened and never closed: the record ran to the end of the file. */
  unterminated: boolean
}

export type Separator = ',' | ';'

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * Lenient as the hand-written reader was: rows of any length (the row check reports them), a
 * quote inside an unquoted field kept as text, blank lines skipped, any line break.
 */
function csvOptions(separator: Separator, extra: Options = {}): Options {
  return {
    delimiter: separator,
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    ...extra
  }
}

/** The separator that splits the first record into more fields; `;` wins a tie. */
export function detectSeparator(text: string): Separator {
  const fieldsOf = (separator: Separator): number => {
    try {
      const [header] = parse(stripBom(text), csvOptions(separator, { to: 1 }))
      return header?.length ?? 0
    } catch {
      return 0
    }
  }
  return fieldsOf(',') > fieldsOf(';') ? ',' : ';'
}

/** Splits into records; blank lines are skipped. */
export function parseCsv(input: string, separator: Separator): CsvRecord[] {
  return [...csvRecords(input, separator)]
}

const LF = 0x0a
const CR = 0x0d

/** Byte offsets to file lines (a CRLF is one break), walked forward once. */
class LineCounter {
  private at = 0
  private line = 1

  constructor(private readonly bytes: Buffer) {}

  private advance(to: number): void {
    for (; this.at < to; this.at++) {
      const byte = this.bytes[this.at]
      if (byte === LF || (byte === CR && this.bytes[this.at + 1] !== LF)) this.line++
    }
  }

  /** The line of the record that follows `from`, past the blank lines csv-parse skipped. */
  recordLine(from: number): number {
    this.advance(from)
    while (this.at < this.bytes.length) {
      const byte = this.bytes[this.at]
      if (byte !== LF && byte !== CR) break
      this.advance(this.at + 1)
    }
    return this.line
  }
}

/** Bytes parsed at a time: a few milliseconds of work, so a caller's pauses stay frequent. */
const SLICE_BYTES = 32 * 1024

interface Found {
  fields: string[]
  /** Offset in the whole text just past the record's line break. */
  end: number
}

/** The records of `bytes[start, end)`, up to the first one csv-parse could not finish. */
function parseSlice(
  bytes: Buffer,
  start: number,
  end: number,
  separator: Separator
): { found: Found[]; failed: boolean } {
  const found: Found[] = []
  try {
    parse(
      bytes.subarray(start, end),
      csvOptions(separator, {
        on_record: (fields: string[], context) => {
          found.push({ fields, end: start + context.bytes })
          return null
        }
      })
    )
    return { found, failed: false }
  } catch (error) {
    if (error instanceof CsvError) return { found, failed: true }
    throw error
  }
}

/** What is left after the last good record, as one row: its fields as if the quote closed. */
function openRecord(rest: string, separator: Separator): string[] {
  try {
    const [fields] = parse(`${rest}"`, csvOptions(separator))
    if (fields) return fields
  } catch {
    // Not readable even closed: the text itself is the one field.
  }
  return [rest]
}

/**
 * The records one at a time, so a caller can stop early (a row limit) or pause between them for
 * the event loop. csv-parse reads the text in slices; a slice's last record may be cut, so only
 * the records that end before the slice does are kept, and the next slice starts after them
 * (a record longer than a slice doubles the slice).
 */
export function* csvRecords(input: string, separator: Separator): Generator<CsvRecord> {
  const bytes = Buffer.from(stripBom(input))
  const lines = new LineCounter(bytes)
  let start = 0
  let size = SLICE_BYTES
  while (start < bytes.length) {
    const end = Math.min(bytes.length, start + size)
    const last = end === bytes.length
    const { found, failed } = parseSlice(bytes, start, end, separator)
    const kept = last ? found : found.filter((record) => record.end < end)
    if (kept.length === 0 && !last) {
      size *= 2
      continue
    }
    for (const record of kept) {
      // A line holding only `""` is as blank as an empty one.
      const blank = record.fields.length === 1 && record.fields[0] === ''
      if (!blank)
        yield { line: lines.recordLine(start), fields: record.fields, unterminated: false }
      start = record.end
    }
    if (last) {
      if (failed) {
        const line = lines.recordLine(start)
        const rest = bytes
          .subarray(start)
          .toString()
          .replace(/^[\r\n]+/, '')
        yield { line, fields: openRecord(rest, separator), unterminated: true }
      }
      return
    }
    size = SLICE_BYTES
  }
}

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function neutralize(text: string): string {
  return /^[=+@\t\r]/.test(text) || /^-[^\d]/.test(text) ? `'${text}` : text
}

export function csvCell(value: string | number | null | undefined, separator: Separator): string {
  if (value === null || value === undefined) return ''
  const text = typeof value === 'number' ? String(value) : neutralize(value)
  return /["\r\n]/.test(text) || text.includes(separator) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text
}

export function csvLine(
  cells: readonly (string | number | null | undefined)[],
  separator: Separator
): string {
  return cells.map((cell) => csvCell(cell, separator)).join(separator)
}
