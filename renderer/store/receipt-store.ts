/** The receipt on screen: the payment just taken, or one reopened from the outbox. */
import { create } from 'zustand'
import type { PaymentReceipt } from '@shared/ipc/views'

export interface ReceiptState {
  receipt: PaymentReceipt | null
  setReceipt: (receipt: PaymentReceipt | null) => void
}

export const useReceiptStore = create<ReceiptState>()((set) => ({
  receipt: null,
  setReceipt: (receipt) => set({ receipt })
}))
