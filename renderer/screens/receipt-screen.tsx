/** The receipt just taken, following its sync state as main pushes changes. */
import { useEffect } from 'react'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { ReceiptPrintActions } from '@renderer/components/receipt-print-actions'
import { ReceiptView } from '@renderer/components/receipt-view'
import { ScreenHeader } from '@renderer/components/screen-header'
import { useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { usePrintedStore } from '@renderer/store/printed-store'
import { useReceiptStore } from '@renderer/store/receipt-store'

function useLiveReceipt(paymentId: string | undefined): void {
  useEffect(() => {
    if (!paymentId) return
    // Only the answer to the latest read is shown: two reads may come back out of order.
    let latest = 0
    const refresh = () => {
      const asked = ++latest
      api
        .invoke('payments:get', { paymentId })
        .then((fresh) => {
          const store = useReceiptStore.getState()
          if (asked === latest && store.receipt?.id === fresh.id) store.setReceipt(fresh)
        })
        // The receipt on screen stays as it was; the outbox screen shows the failure in detail.
        .catch(() => undefined)
    }
    const off = api.on('outbox:changed', ({ paymentIds }) => {
      if (paymentIds.includes(paymentId)) refresh()
    })
    // The engine may have sent the payment between its answer and this subscription: catch up.
    refresh()
    return off
  }, [paymentId])
}

export function ReceiptScreen() {
  const t = useT()
  const go = useAppStore((state) => state.go)
  const receipt = useReceiptStore((state) => state.receipt)
  // Once a receipt went out, printing it again is a copy (COPIA, audited).
  const printedReceipts = usePrintedStore((state) => state.printed)
  const markPrinted = usePrintedStore((state) => state.markPrinted)
  useLiveReceipt(receipt?.id)

  return (
    <section className="receipt-screen">
      <ScreenHeader title={t('ui.receipt.screenTitle')}>
        <ActionButton variant="primary" shortcut="F2" onClick={() => go('search')} data-autofocus>
          {t('ui.receipt.next')}
        </ActionButton>
        <ActionButton shortcut="F6" onClick={() => go('outbox')}>
          {t('ui.nav.outbox')}
        </ActionButton>
      </ScreenHeader>
      {receipt ? (
        <>
          <ReceiptPrintActions
            key={receipt.id}
            paymentId={receipt.id}
            reprint={printedReceipts.has(receipt.id)}
            onPrinted={() => markPrinted(receipt.id)}
            withShortcut
            testId="receipt-print"
          />
          <ReceiptView receipt={receipt} />
        </>
      ) : (
        <p className="empty">{t('ui.receipt.none')}</p>
      )}
    </section>
  )
}
