/**
 * A bill of another customer was scanned while this customer's basket holds bills: one payment
 * covers one customer, so the cashier finishes this payment first (the scan is dropped) or
 * starts a new one with the scanned bill (this basket is dropped).
 */
import { useEffect, useRef } from 'react'
import type { BarcodeLookupView, CustomerView } from '@shared/ipc/views'
import { useT } from '@renderer/i18n/use-t'
import { ActionButton } from './action-button'
import { AlertDialog } from './alert-dialog'

interface SwitchCustomerDialogProps {
  current: CustomerView
  scanned: BarcodeLookupView
  onFinish: () => void
  onStartNew: () => void
}

export function SwitchCustomerDialog({
  current,
  scanned,
  onFinish,
  onStartNew
}: SwitchCustomerDialogProps) {
  const t = useT()
  const finish = useRef<HTMLButtonElement>(null)
  // After the screen's own first focus (a scan may open the pay screen and this at once).
  useEffect(() => {
    const frame = requestAnimationFrame(() => finish.current?.focus())
    return () => cancelAnimationFrame(frame)
  }, [])
  // Esc keeps this payment, as "finish" does, and does not leave the screen behind.
  return (
    <AlertDialog
      title={t('ui.basket.switchTitle')}
      text={t('ui.basket.switchText', {
        billNo: scanned.bill.billNo,
        other: scanned.customer?.name || scanned.customer?.identification || '—',
        current: current.name || current.identification
      })}
      onEscape={onFinish}
      testId="switch-customer"
    >
      <ActionButton variant="primary" shortcut="Esc" onClick={onFinish} ref={finish}>
        {t('ui.basket.finishThis')}
      </ActionButton>
      <ActionButton onClick={onStartNew}>{t('ui.basket.startNew')}</ActionButton>
    </AlertDialog>
  )
}
