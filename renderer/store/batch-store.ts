/**
 * The offline batch import in progress: the file read, its preview from main (nothing saved yet),
 * the progress main reports while it checks, and the result once a supervisor confirmed it.
 */
import { create } from 'zustand'
import type { BatchConfirmView, BatchPreviewView } from '@shared/ipc/channels/batch'
import { onUserChange } from './session'

export interface BatchProgress {
  done: number
  total: number
  /** 'lookup': new customers and contracts looked up at Tigo, before the rows are checked. */
  phase?: 'lookup'
}

export type BatchStep = 'idle' | 'checking' | 'preview' | 'confirming' | 'done'

export interface BatchState {
  step: BatchStep
  fileName: string | null
  progress: BatchProgress | null
  preview: BatchPreviewView | null
  result: BatchConfirmView | null
  failure: string | null
  startChecking: (fileName: string) => void
  setProgress: (progress: BatchProgress) => void
  setPreview: (preview: BatchPreviewView) => void
  startConfirming: () => void
  setResult: (result: BatchConfirmView) => void
  fail: (failure: string) => void
  reset: () => void
}

const EMPTY = {
  step: 'idle' as BatchStep,
  fileName: null,
  progress: null,
  preview: null,
  result: null,
  failure: null
}

export const useBatchStore = create<BatchState>()((set) => ({
  ...EMPTY,
  startChecking: (fileName) => set({ ...EMPTY, step: 'checking', fileName }),
  // Progress of an earlier file arriving late must not move this bar backwards. Reading (total
  // 0) comes before the lookups, and they before checking: a change of phase is always taken.
  setProgress: (progress) =>
    set((state) => {
      if (state.step !== 'checking') return {}
      const last = state.progress
      const forward =
        last === null ||
        last.phase !== progress.phase ||
        (last.total === 0 && progress.total > 0) ||
        (last.total === progress.total && last.done < progress.done)
      return forward ? { progress } : {}
    }),
  setPreview: (preview) => set({ step: 'preview', preview, failure: null }),
  startConfirming: () => set({ step: 'confirming', failure: null }),
  setResult: (result) => set({ step: 'done', result, failure: null }),
  fail: (failure) =>
    set((state) => ({ failure, step: state.preview ? 'preview' : 'idle', progress: null })),
  reset: () => set(EMPTY)
}))

// Another person at the till starts without the last one's file.
onUserChange(() => useBatchStore.getState().reset())
