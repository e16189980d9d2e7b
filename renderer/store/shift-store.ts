/**
 * The drawer of this terminal: the open shift and its running summary, or the closing report just
 * produced (or one reopened from the history).
 */
import { create } from 'zustand'
import type { ClosingReport, ShiftSummaryView, ShiftView } from '@shared/ipc/channels/shifts'
import { api } from '@renderer/api'
import { onUserChange } from './session'

export interface ShiftState {
  loaded: boolean
  current: ShiftView | null
  summary: ShiftSummaryView | null
  report: ClosingReport | null
  setReport: (report: ClosingReport | null) => void
  /** Reads the open shift and its summary again from main. */
  refresh: () => Promise<void>
}

export const useShiftStore = create<ShiftState>()((set) => ({
  loaded: false,
  current: null,
  summary: null,
  report: null,
  setReport: (report) => set({ report }),
  refresh: async () => {
    const current = await api.invoke('shifts:current')
    const summary = current ? await api.invoke('shifts:summary', { shiftId: current.id }) : null
    set({ loaded: true, current, summary })
  }
}))

// A closing report on screen belongs to the person who closed it.
onUserChange(() => useShiftStore.getState().setReport(null))
