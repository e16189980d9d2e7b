/**
 * "Buscar pago": the last query and what it found (kept while the cashier looks at a receipt and
 * comes back with Esc), and opening a found or scanned payment on the receipt screen. A receipt
 * opened this way was printed when it was taken, so printing it again is a copy (COPIA).
 */
import { create } from 'zustand'
import { formatReceiptNumber, parseReceiptCode } from '@shared/domain/receipt-number'
import type { PaymentReceipt } from '@shared/ipc/views'
import { api } from '@renderer/api'
import type { Translate } from '@renderer/i18n/use-t'
import { useAppStore } from './app-store'
import { usePrintedStore } from './printed-store'
import { useReceiptStore } from './receipt-store'
import { onUserChange } from './session'

export interface FoundPaymentsState {
  /** The query the results answer (not what is being typed). */
  query: string
  payments: PaymentReceipt[]
  more: boolean
  searched: boolean
  setFound: (query: string, payments: PaymentReceipt[], more: boolean) => void
}

const NOTHING_FOUND = { query: '', payments: [], more: false, searched: false }

export const useFoundPayments = create<FoundPaymentsState>()((set) => ({
  ...NOTHING_FOUND,
  setFound: (query, payments, more) => set({ query, payments, more, searched: true })
}))

// The next person at the till does not see what the last one looked up.
onUserChange(() => useFoundPayments.setState(NOTHING_FOUND))

export async function searchPayments(query: string): Promise<PaymentReceipt[]> {
  const found = await api.invoke('payments:search', { query })
  useFoundPayments.getState().setFound(query, found.payments, found.more)
  return found.payments
}

export function openPayment(receipt: PaymentReceipt): void {
  usePrintedStore.getState().markPrinted(receipt.id)
  useReceiptStore.getState().setReceipt(receipt)
  useAppStore.getState().go('receipt')
}

/**
 * A receipt's QR code read by the scanner: the payment opens wherever the cashier was, and the
 * status line says what happened (the scan gave no other sign).
 */
export async function openScannedReceipt(raw: string, t: Translate): Promise<void> {
  const { announce } = useAppStore.getState()
  const code = parseReceiptCode(raw)
  const receiptNo = code ? formatReceiptNumber(code.terminalId ?? '', code.receiptNo) : raw.trim()
  announce('info', t('ui.scan.readingReceipt'))
  const found = await api.invoke('payments:search', { query: raw.trim() })
  const [payment] = found.payments
  if (!payment) {
    announce('error', t('ui.scan.receiptNotFound', { receiptNo }))
    return
  }
  openPayment(payment)
  announce('success', t('ui.scan.receiptOpened', { receiptNo }))
}
