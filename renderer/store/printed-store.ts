/** Receipts already printed (or saved) this session: printing one again is a copy. */
import { create } from 'zustand'

export interface PrintedState {
  printed: ReadonlySet<string>
  markPrinted: (paymentId: string) => void
}

export const usePrintedStore = create<PrintedState>()((set) => ({
  printed: new Set(),
  markPrinted: (paymentId) =>
    set((state) =>
      state.printed.has(paymentId) ? {} : { printed: new Set([...state.printed, paymentId]) }
    )
}))
