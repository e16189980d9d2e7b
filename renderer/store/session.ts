/**
 * Who is at the till, as main last said (`session:current`, `session:changed`, or the answer of a
 * session call). When the person changes, the work on screen goes with the one who left.
 */
import { create } from 'zustand'
import type { SessionView } from '@shared/ipc/channels/session'
import { gateOf, userLeft, viewAfterError, type SessionGate } from '@renderer/lib/session-rules'
import { useAppStore } from './app-store'
import { useCheckoutStore } from './checkout-store'
import { useCustomerStore } from './customer-store'
import { START } from './navigation'
import { useReceiptStore } from './receipt-store'

type WorkReset = () => void

/**
 * Stores holding a cashier's in-progress work. A screen with its own store registers its reset
 * here (`onUserChange`), so "Otro usuario" never shows the next person someone else's customer.
 */
const resets = new Set<WorkReset>([
  () => useAppStore.setState({ nav: START, notice: null }),
  () => useCustomerStore.getState().reset(),
  () => useReceiptStore.getState().setReceipt(null),
  () => useCheckoutStore.getState().setCheckout(null)
])

export function onUserChange(reset: WorkReset): () => void {
  resets.add(reset)
  return () => resets.delete(reset)
}

export function clearWork(): void {
  for (const reset of resets) reset()
}

export interface SessionState {
  /** null until main answered `session:current`. */
  view: SessionView | null
  setView: (view: SessionView) => void
  /** A session error from any call: shows the screen it implies at once. True if it was one. */
  applyError: (code: string) => boolean
}

export const useSessionStore = create<SessionState>()((set, get) => {
  function setView(view: SessionView): void {
    if (userLeft(get().view, view)) clearWork()
    set({ view })
  }
  return {
    view: null,
    setView,
    applyError(code) {
      const next = viewAfterError(get().view, code)
      if (!next) return false
      setView(next)
      return true
    }
  }
})

export function useSessionGate(): SessionGate {
  return useSessionStore((state) => gateOf(state.view))
}
