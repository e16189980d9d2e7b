/**
 * CSV as spreadsheets in Colombia write it: UTF-8 with or without BOM, `;` (Excel es-CO) or `,`
 * separators, quoted fields that may hold separators, doubled quotes and line breaks, CRLF or LF.
 */

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

/** The separator used more often in the first line (outside quotes); `;` wins a tie of zero. */
export function detectSeparator(text: string): Separator {
  let commas = 0
  let semicolons = 0
  let quoted = false
  for (const char of text) {
    if (char === '"') quoted = !quoted
    else if (!quoted && (char === '\n' || char === '\r')) break
    else if (!quoted && char === ',') commas++
    else if (!quoted && char === ';') semicolons++
  }
  return commas > semicolons ? ',' : ';'
}

/** Splits into records; blank lines are skipped. Quotes count only at the start of a field. */
export function parseCsv(input: string, separator: Separator): CsvRecord[] {
  return [...csvRecords(input, separator)]
}

/**
 * The records one at a time, so a caller can stop early (a row limit) or pause between them for
 * the event loop; `parseCsv` is this, collected.
 */
export function* csvRecords(input: string, separator: Separator): Generator<CsvRecord> {
  const text = stripBom(input)
  let fields: string[] = []
  let field = ''
  let quoted = false
  let fieldStarted = false
  let line = 1
  let recordLine = 1

  const endField = () => {
    fields.push(field)
    field = ''
    fieldStarted = false
  }
  /** The finished record, or undefined for a blank line. */
  const endRecord = (unterminated: boolean): CsvRecord | undefined => {
    endField()
    const record =
      fields.length === 1 && fields[0] === '' && !unterminated
        ? undefined
        : { line: recordLine, fields, unterminated }
    fields = []
    return record
  }

  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i++
        } else quoted = false
      } else {
        if (char === '\n') line++
        field += char
      }
      continue
    }
    if (char === '"' && !fieldStarted) {
      quoted = true
      fieldStarted = true
    } else if (char === separator) {
      endField()
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[i + 1] === '\n') i++
      const record = endRecord(false)
      line++
      recordLine = line
      if (record) yield record
    } else {
      field += char
      if (char !== ' ' && char !== '\t') fieldStarted = true
    }
  }
  if (quoted || field !== '' || fields.length > 0) {
    const record = endRecord(quoted)
    if (record) yield record
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
