/**
 * Offline batch import (`batch:*`, supervisors): preview a file (nothing saved), confirm it
 * (everything valid saved at once), and the CSVs going back out. A preview lives in memory until
 * it is confirmed or pushed out by newer ones; confirming it twice adds nothing the second time.
 */
import { AppError } from '@shared/errors'
import type { BatchPreviewView } from '@shared/ipc/channels/batch'
import { batchChannels } from '@shared/ipc/channels/batch'
import type { BatchService } from './batch-service'
import { exportRejectedCsv } from './export'
import type { BatchLookups } from './live-lookup'
import type { BatchPreview } from './preview'
import type { SettingsStore } from '@main/settings/settings-store'
import type { Person } from '@main/store/types'
import type { ChannelHandlers } from '@main/ipc'

export type BatchChannels = typeof batchChannels

export interface BatchHandlerDeps {
  batch: BatchService
  settings: Pick<SettingsStore, 'get'>
  cashier: () => Person
  /**
   * Forwards preview progress to the window (`batch:progress`; total 0 while reading; phase
   * 'lookup' while looking up at Tigo).
   */
  onProgress?: (progress: { done: number; total: number; phase?: 'lookup' }) => void
  /** Online: rows of bills never seen are looked up at Tigo before they are checked. */
  lookups?: BatchLookups
  /** Called after a confirm saved payments, so the sync engine sends them. */
  afterConfirm?: (accepted: number) => void
}

const KEPT_PREVIEWS = 3

export function toPreviewView(preview: BatchPreview): BatchPreviewView {
  return {
    previewId: preview.previewId,
    fileName: preview.fileName,
    fileHash: preview.fileHash,
    // What was written is shown only where it could not be read; the exports use main's copy.
    rows: preview.rows.map((row) => (row.values ? { ...row, raw: {} } : row)),
    totals: preview.totals
  }
}

export function batchHandlers(deps: BatchHandlerDeps): ChannelHandlers<BatchChannels> {
  const previews = new Map<string, BatchPreview>()
  /** The lookups of the previews under way, for `batch:cancelLookups`. */
  const underWay = new Set<AbortController>()

  function kept(previewId: string): BatchPreview {
    const preview = previews.get(previewId)
    if (!preview) throw new AppError('batch_preview_unknown', { previewId })
    return preview
  }

  return {
    'batch:preview': async (input) => {
      const cancel = new AbortController()
      underWay.add(cancel)
      const preview = await deps.batch
        .preview(input.text, {
          ...(input.fileName ? { fileName: input.fileName } : {}),
          language: deps.settings.get().language,
          ...(deps.lookups ? { lookups: deps.lookups, signal: cancel.signal } : {}),
          ...(deps.onProgress
            ? {
                onProgress: (done: number, total: number) => deps.onProgress?.({ done, total }),
                // Reading comes first and its total is not known yet: 0 says so.
                onRead: (rows: number) => deps.onProgress?.({ done: rows, total: 0 }),
                onLookup: (done: number, total: number) =>
                  deps.onProgress?.({ done, total, phase: 'lookup' })
              }
            : {})
        })
        .finally(() => underWay.delete(cancel))
      previews.set(preview.previewId, preview)
      for (const id of [...previews.keys()].slice(0, Math.max(0, previews.size - KEPT_PREVIEWS))) {
        previews.delete(id)
      }
      return toPreviewView(preview)
    },

    'batch:confirm': (input) => {
      const preview = kept(input.previewId)
      const result = deps.batch.confirm(preview, {
        actor: deps.cashier(),
        terminalId: deps.settings.get().terminalId
      })
      previews.delete(input.previewId)
      if (result.accepted > 0) deps.afterConfirm?.(result.accepted)
      return result
    },

    'batch:rejectedCsv': (input) => {
      const preview = kept(input.previewId)
      const base = (preview.fileName ?? 'pagos').replace(/\.csv$/i, '')
      return { fileName: `${base}-rechazados.csv`, csv: exportRejectedCsv(preview) }
    },

    'batch:results': (input) => ({
      fileName: `lote-${input.batchId}-resultados.csv`,
      csv: deps.batch.results(input.batchId, deps.settings.get().language)
    }),

    'batch:list': (input) => deps.batch.list(input.limit),

    'batch:cancelLookups': () => {
      const cancelling = underWay.size > 0
      for (const cancel of underWay) cancel.abort()
      return cancelling
    }
  }
}

export const BATCH_CHANNEL_NAMES = Object.keys(batchChannels) as (keyof BatchChannels)[]
