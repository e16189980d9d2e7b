/**
 * Checks every row of an offline-payments file against the cache and the outbox, saving nothing.
 * Large files (10,000 rows, the limit) are checked in slices of rows, and of at most 20 ms, with a
 * pause for the event loop between them, so other calls are answered and the progress bar moves.
 */
import { randomUUID } from 'node:crypto'

import type { Language } from '@shared/i18n'
import { translate } from '@shared/i18n'
import type {
  BatchPreviewView,
  BatchReason,
  BatchRowView,
  BatchTotals
} from '@shared/ipc/channels/batch'
import type { LookupCache } from '@main/lookups/cache'
import type { Database } from '@main/store/db'
import type { Outbox } from '@main/outbox/outbox'
import type { Clock, PaymentCaps } from '@main/store/types'
import type { Separator } from './csv'
import type { BatchLookups, ExplainProblem } from './live-lookup'
import type { ParsedBatchRow, ParsedPaymentsFile, RowProblem } from './parse-payments'
import { checkRow, createRowCheckContext } from './row-check'

/** A preview as main keeps it until confirmed: the view plus what the exports need. */
export interface BatchPreview extends BatchPreviewView {
  separator: Separator
  columns: string[]
  language: Language
  /** Row content hashes of the valid rows, by line. */
  hashes: Map<number, string>
}

export interface PreviewDeps {
  db: Database
  cache: Pick<LookupCache, 'billByNo'>
  outbox: Pick<Outbox, 'activeItemForBill' | 'waitingAmount'>
  clock: Clock
  settings: () => PaymentCaps
}

export interface PreviewOptions {
  fileName?: string
  language?: Language
  /** Rows checked of the total, while checking. */
  onProgress?: (done: number, total: number) => void
  /** Rows read so far, while reading the file (before the total is known). */
  onRead?: (rows: number) => void
  /** Rows checked between two pauses for the event loop. */
  sliceSize?: number
  /** Online: rows of bills never seen are looked up at Tigo first (`live-lookup.ts`). */
  lookups?: BatchLookups
  /** Cancels the lookups not started yet. */
  signal?: AbortSignal
  /** Lookups done of the total, while looking up. */
  onLookup?: (done: number, total: number) => void
  /** Set by the service after the lookups: why a row still fails, in their light. */
  explain?: ExplainProblem
}

const DEFAULT_SLICE = 250
/** Longest run of checking without a pause, well under the 100 ms other calls may wait. */
const MAX_TURN_MS = 20

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

export function reasonText(
  language: Language,
  reason: BatchReason,
  params: Record<string, string | number>
): string {
  return translate(language, `batch.reason.${reason}`, params)
}

export function invalidRow(
  row: ParsedBatchRow,
  values: BatchRowView['values'],
  problem: RowProblem,
  language: Language
): BatchRowView {
  return {
    line: row.line,
    raw: row.raw,
    values,
    valid: false,
    reason: problem.reason,
    reasonParams: problem.params,
    reasonText: reasonText(language, problem.reason, problem.params)
  }
}

export async function previewBatch(
  file: ParsedPaymentsFile,
  deps: PreviewDeps,
  options: PreviewOptions = {}
): Promise<BatchPreview> {
  const language = options.language ?? 'es'
  const slice = Math.max(1, Math.trunc(options.sliceSize ?? DEFAULT_SLICE))
  const now = deps.clock()
  const ctx = createRowCheckContext({ db: deps.db, cache: deps.cache, outbox: deps.outbox, now })
  const total = file.rows.length
  const rows: BatchRowView[] = []
  const hashes = new Map<number, string>()
  options.onProgress?.(0, total)

  let turnStarted = performance.now()
  for (let start = 0; start < total; start += slice) {
    for (const row of file.rows.slice(start, start + slice)) {
      // A slow disk or a busy machine: a slice is also cut short in time.
      if (performance.now() - turnStarted > MAX_TURN_MS) {
        await nextTurn()
        turnStarted = performance.now()
      }
      if (!row.values || row.problem) {
        const problem = row.problem ?? { reason: 'malformed_columns' as const, params: {} }
        rows.push(invalidRow(row, row.values, problem, language))
        continue
      }
      const check = checkRow(row.values, ctx)
      if (check.ok) {
        hashes.set(row.line, check.hash)
        rows.push({
          line: row.line,
          raw: row.raw,
          values: check.values,
          valid: true,
          reason: null,
          reasonParams: {},
          reasonText: null
        })
      } else {
        const problem = options.explain?.(check.values, check.problem) ?? check.problem
        rows.push(invalidRow(row, check.values, problem, language))
      }
    }
    options.onProgress?.(Math.min(start + slice, total), total)
    if (start + slice < total) {
      await nextTurn()
      turnStarted = performance.now()
    }
  }

  return {
    previewId: randomUUID(),
    fileName: options.fileName ?? null,
    fileHash: file.fileHash,
    rows,
    totals: totalsOf(rows, deps),
    separator: file.separator,
    columns: file.columns,
    language,
    hashes
  }
}

function totalsOf(rows: readonly BatchRowView[], deps: PreviewDeps): BatchTotals {
  const byReason: BatchTotals['byReason'] = {}
  let valid = 0
  let validAmount = 0
  for (const row of rows) {
    if (row.valid && row.values) {
      valid++
      validAmount += row.values.amount
    } else if (row.reason) {
      byReason[row.reason] = (byReason[row.reason] ?? 0) + 1
    }
  }
  const pendingAmount = deps.outbox.waitingAmount()
  const pendingCap = deps.settings().maxPendingTotal
  return {
    rows: rows.length,
    valid,
    invalid: rows.length - valid,
    validAmount,
    byReason,
    pendingAmount,
    pendingCap,
    overPendingCap: pendingAmount + validAmount > pendingCap
  }
}
