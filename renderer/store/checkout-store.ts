/** The last online checkout, so the validate screen can offer its signature. */
import { create } from 'zustand'
import type { CheckoutView } from '@shared/ipc/views'

export interface CheckoutState {
  checkout: CheckoutView | null
  setCheckout: (checkout: CheckoutView | null) => void
}

export const useCheckoutStore = create<CheckoutState>()((set) => ({
  checkout: null,
  setCheckout: (checkout) => set({ checkout })
}))
