/**
 * The offline-payments file: one row per bill paid away from the counter. Columns (Spanish or
 * English header, any order, extra columns ignored):
 * tipo_id/id_type, identificacion/identification, contrato/contract, factura/bill, valor/amount,
 * medio_pago/method, fecha_pago/paid_at, referencia_externa/external_ref (optional).
 * Only the form of each cell is checked here; whether the bill can be paid is `previewBatch`'s job.
 */
import { createHash } from 'node:crypto'

import { parseIdType } from '@shared/domain/identification'
import type { BatchReason, BatchRowValues } from '@shared/ipc/channels/batch'
import { AppError } from '@shared/errors'
import type { CsvRecord, Separator } from './csv'
import { csvRecords, detectSeparator, stripBom } from './csv'
import { normalizeWord, parseAmount, parseMethod, parsePaidAt } from './values'

export type BatchField =
  | 'idType'
  | 'identification'
  | 'contractId'
  | 'billNo'
  | 'amount'
  | 'method'
  | 'paidAt'
  | 'externalRef'

const HEADER_NAMES: Record<string, BatchField> = {
  'tipo id': 'idType',
  'tipo identificacion': 'idType',
  'id type': 'idType',
  identificacion: 'identification',
  identification: 'identification',
  contrato: 'contractId',
  contract: 'contractId',
  factura: 'billNo',
  bill: 'billNo',
  valor: 'amount',
  amount: 'amount',
  'medio pago': 'method',
  'medio de pago': 'method',
  method: 'method',
  'fecha pago': 'paidAt',
  'fecha de pago': 'paidAt',
  'paid at': 'paidAt',
  'referencia externa': 'externalRef',
  'external ref': 'externalRef'
}

export const REQUIRED_FIELDS: readonly BatchField[] = [
  'idType',
  'identification',
  'contractId',
  'billNo',
  'amount',
  'method',
  'paidAt'
]

export interface RowProblem {
  reason: BatchReason
  params: Record<string, string | number>
}

export interface ParsedBatchRow {
  line: number
  raw: Record<string, string>
  values: BatchRowValues | null
  problem: RowProblem | null
}

export interface ParsedPaymentsFile {
  separator: Separator
  /** The header as written, in file order. */
  columns: string[]
  rows: ParsedBatchRow[]
  /** sha256 of the text without BOM: the same file imported twice is recognisable. */
  fileHash: string
}

function headerMap(columns: readonly string[]): Map<BatchField, number> {
  const map = new Map<BatchField, number>()
  columns.forEach((column, index) => {
    const field = HEADER_NAMES[normalizeWord(column)]
    if (field && !map.has(field)) map.set(field, index)
  })
  return map
}

function problem(reason: BatchReason, params: Record<string, string | number> = {}): RowProblem {
  return { reason, params }
}

function readRow(
  fields: readonly string[],
  columns: readonly string[],
  index: Map<BatchField, number>,
  unterminated: boolean
): { values: BatchRowValues | null; problem: RowProblem | null } {
  const cell = (field: BatchField) => (fields[index.get(field) ?? -1] ?? '').trim()
  const lastRequired = Math.max(...REQUIRED_FIELDS.map((field) => index.get(field) ?? 0))
  if (unterminated || fields.length > columns.length || fields.length <= lastRequired) {
    return {
      values: null,
      problem: problem('malformed_columns', { found: fields.length, expected: columns.length })
    }
  }
  const missing = REQUIRED_FIELDS.find((field) => cell(field) === '')
  if (missing) return { values: null, problem: problem('malformed_missing', { field: missing }) }

  const idType = parseIdType(cell('idType'))
  if (!idType)
    return { values: null, problem: problem('malformed_id_type', { value: cell('idType') }) }
  const amount = parseAmount(cell('amount'))
  if (amount === undefined) {
    return { values: null, problem: problem('malformed_amount', { value: cell('amount') }) }
  }
  const method = parseMethod(cell('method'))
  if (!method)
    return { values: null, problem: problem('malformed_method', { value: cell('method') }) }
  const paidAt = parsePaidAt(cell('paidAt'))
  if (paidAt === undefined) {
    return { values: null, problem: problem('malformed_date', { value: cell('paidAt') }) }
  }
  return {
    values: {
      idType,
      identification: cell('identification'),
      contractId: cell('contractId'),
      billNo: cell('billNo'),
      amount,
      method,
      paidAt: new Date(paidAt).toISOString(),
      externalRef: cell('externalRef') || null
    },
    problem: null
  }
}

interface FileStart {
  clean: string
  separator: Separator
  columns: string[]
  records: Generator<CsvRecord>
  toRow(record: CsvRecord): ParsedBatchRow
}

/** The header, checked, and the records after it (not read yet). */
function startFile(text: string): FileStart {
  const clean = stripBom(text)
  const separator = detectSeparator(clean)
  const records = csvRecords(clean, separator)
  const header = records.next()
  if (header.done) throw new AppError('batch_empty', {}, 'El archivo está vacío')
  const columns = header.value.fields.map((field) => field.trim())
  const index = headerMap(columns)
  const missing = REQUIRED_FIELDS.filter((field) => !index.has(field))
  if (missing.length > 0) {
    throw new AppError(
      'batch_header_invalid',
      { missing: missing.join(', ') },
      `Faltan columnas: ${missing.join(', ')}`
    )
  }
  return {
    clean,
    separator,
    columns,
    records,
    toRow(record) {
      const raw: Record<string, string> = {}
      columns.forEach((column, i) => {
        raw[column] = record.fields[i] ?? ''
      })
      return {
        line: record.line,
        raw,
        ...readRow(record.fields, columns, index, record.unterminated)
      }
    }
  }
}

function finish(start: FileStart, rows: ParsedBatchRow[]): ParsedPaymentsFile {
  if (rows.length === 0) throw new AppError('batch_empty', {}, 'El archivo no tiene filas')
  return {
    separator: start.separator,
    columns: start.columns,
    rows,
    fileHash: createHash('sha256').update(start.clean).digest('hex')
  }
}

/** The whole file at once, without limits (tests, and files the app wrote itself). */
export function parsePaymentsCsv(text: string): ParsedPaymentsFile {
  const start = startFile(text)
  const rows: ParsedBatchRow[] = []
  for (const record of start.records) rows.push(start.toRow(record))
  return finish(start, rows)
}

export interface ReadLimits {
  /** Characters of text (a CSV of this app is mostly ASCII: about as many bytes). */
  maxChars: number
  /** Data rows, the header not counted. */
  maxRows: number
  /** Rows read between two pauses for the event loop. */
  sliceSize?: number
  /** Rows read so far, after each slice. */
  onRead?: (rows: number) => void
}

const READ_SLICE = 500
/** Longest run of reading without a pause, well under the 100 ms other calls may wait. */
const MAX_TURN_MS = 20

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * A file from outside: refused past the limits with a clear error (it stops reading at the first
 * row over, rather than reading 300,000), and read in slices with a pause for the event loop
 * between them, so other calls are answered while it is read.
 */
export async function readPaymentsCsv(
  text: string,
  limits: ReadLimits
): Promise<ParsedPaymentsFile> {
  if (text.length > limits.maxChars) {
    throw new AppError('batch_too_large', { maxMb: limits.maxChars / 1_000_000 })
  }
  const slice = Math.max(1, Math.trunc(limits.sliceSize ?? READ_SLICE))
  const start = startFile(text)
  const rows: ParsedBatchRow[] = []
  let turnStarted = performance.now()
  for (const record of start.records) {
    if (rows.length === limits.maxRows) {
      throw new AppError('batch_too_many_rows', { max: limits.maxRows })
    }
    rows.push(start.toRow(record))
    if (rows.length % slice === 0) {
      limits.onRead?.(rows.length)
      await nextTurn()
      turnStarted = performance.now()
    } else if (performance.now() - turnStarted > MAX_TURN_MS) {
      // A busy machine: the slice is also cut short in time.
      await nextTurn()
      turnStarted = performance.now()
    }
  }
  limits.onRead?.(rows.length)
  return finish(start, rows)
}
