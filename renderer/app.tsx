/**
 * The shell: status bar, navigation, the open screen, and the two global listeners (function
 * keys and the barcode scanner) that work wherever the focus is. Nobody signed in: the sign-in
 * screen (or the PIN change a first sign-in demands). Locked: the lock drawn over the screens,
 * which stay mounted and inert underneath.
 */
import { useEffect, useRef } from 'react'
import { LookupProgress } from './components/lookup-progress'
import { NavBar, navEntriesFor } from './components/nav-bar'
import { NoticeLine } from './components/notice-line'
import { StatusBar } from './components/status-bar'
import { useBarcodeWedge } from './hooks/use-barcode-wedge'
import { useActivityTouch, useLockShortcut, useSessionSync } from './hooks/use-session'
import { useScreenFocus } from './hooks/use-screen-focus'
import { useShortcuts, type ShortcutMap } from './hooks/use-shortcuts'
import { useSyncStatus } from './hooks/use-sync-status'
import { describeError, useLanguage, useT } from './i18n/use-t'
import { useAppStore } from './store/app-store'
import { isPayable } from './store/bill-selection'
import { openScannedBill } from './store/customer-actions'
import { openScannedReceipt } from './store/found-payments'
import { isReceiptCode } from './lib/barcode-burst'
import { isLookupCancelled } from './store/lookup-store'
import { gateOf } from './lib/session-rules'
import { useSessionGate, useSessionStore } from './store/session'
import type { ScreenId } from './store/navigation'
import { AuditScreen } from './screens/audit-screen'
import { BatchScreen } from './screens/batch-screen'
import { ChangePinScreen } from './screens/change-pin-screen'
import { CheckoutScreen } from './screens/checkout-screen'
import { CustomerScreen } from './screens/customer-screen'
import { FindPaymentScreen } from './screens/find-payment-screen'
import { LockScreen } from './screens/lock-screen'
import { OutboxScreen } from './screens/outbox-screen'
import { PayScreen } from './screens/pay-screen'
import { ReceiptScreen } from './screens/receipt-screen'
import { SearchScreen } from './screens/search-screen'
import { SettingsScreen } from './screens/settings-screen'
import { ShiftScreen } from './screens/shift-screen'
import { SignInScreen } from './screens/sign-in-screen'
import { UsersScreen } from './screens/users-screen'
import { ValidateScreen } from './screens/validate-screen'

const SCREENS: Record<ScreenId, () => React.JSX.Element> = {
  search: SearchScreen,
  customer: CustomerScreen,
  findPayment: FindPaymentScreen,
  pay: PayScreen,
  receipt: ReceiptScreen,
  outbox: OutboxScreen,
  validate: ValidateScreen,
  checkout: CheckoutScreen,
  settings: SettingsScreen,
  users: UsersScreen,
  batch: BatchScreen,
  shift: ShiftScreen,
  audit: AuditScreen
}

function useScannedBills(): void {
  const t = useT()
  useBarcodeWedge((raw) => {
    // Behind the lock or the sign-in screen a scan opens nothing.
    if (gateOf(useSessionStore.getState().view) !== 'open') return
    const { announce, go } = useAppStore.getState()
    // A receipt's QR code opens that payment; anything else the scanner reads is a bill.
    if (isReceiptCode(raw)) {
      openScannedReceipt(raw, t).catch((error: unknown) => {
        announce('error', describeError(useAppStore.getState().language, error))
      })
      return
    }
    announce('info', t('ui.scan.reading'))
    openScannedBill(raw)
      .then((outcome) => {
        if (!isPayable(outcome.bill)) {
          announce('error', t('ui.basket.notPayable', { billNo: outcome.bill.billNo }))
          return
        }
        const opened = outcome.bill.unverified ? 'ui.scan.openedUnverified' : 'ui.scan.opened'
        announce(
          outcome.kind === 'added' ? 'success' : 'info',
          t(outcome.kind === 'added' ? opened : 'ui.basket.otherCustomer', {
            billNo: outcome.bill.billNo
          })
        )
        go('pay')
      })
      .catch((error: unknown) => {
        // The cashier cancelled: said plainly, not as a failure.
        const kind = isLookupCancelled(error) ? 'info' : 'error'
        announce(kind, describeError(useAppStore.getState().language, error))
      })
  })
}

function useGlobalShortcuts(): void {
  const go = useAppStore((state) => state.go)
  const back = useAppStore((state) => state.back)
  const gate = useSessionGate()
  const role = useSessionStore((state) => state.view?.user?.role)
  const map: ShortcutMap = {}
  if (gate === 'open') {
    map.Escape = back
    for (const entry of navEntriesFor(role)) map[entry.key] = () => go(entry.screen)
  }
  useShortcuts(map)
}

export function App() {
  const language = useLanguage()
  const screen = useAppStore((state) => state.nav.screen)
  const mainRef = useRef<HTMLElement>(null)
  const gate = useSessionGate()
  const userId = useSessionStore((state) => state.view?.user?.id)
  const working = gate === 'open' || gate === 'locked'
  useSessionSync()
  useActivityTouch()
  useLockShortcut()
  useSyncStatus()
  useScannedBills()
  useGlobalShortcuts()

  useEffect(() => {
    document.documentElement.lang = language === 'es' ? 'es-CO' : 'en'
  }, [language])

  useScreenFocus(mainRef, [screen, userId, working])

  // Unlocking puts the cashier back in the field they were typing in.
  const lastFocus = useRef<HTMLElement | null>(null)
  const previousGate = useRef(gate)
  useEffect(() => {
    if (previousGate.current === 'locked' && gate === 'open' && lastFocus.current?.isConnected) {
      lastFocus.current.focus()
    }
    previousGate.current = gate
  }, [gate])

  const Screen = SCREENS[screen]
  return (
    <div className="app" data-session={gate}>
      <div
        className="app-shell"
        inert={gate === 'locked'}
        onFocus={(event) => {
          if (event.target instanceof HTMLElement) lastFocus.current = event.target
        }}
      >
        <StatusBar />
        {working ? <NavBar /> : null}
        <NoticeLine />
        <LookupProgress />
        {working ? (
          // Keyed by the person: another user starts with fresh screens, never the last one's.
          <main className="screen" ref={mainRef} data-screen={screen} key={userId}>
            <Screen />
          </main>
        ) : null}
      </div>
      {gate === 'signIn' ? <SignInScreen /> : null}
      {gate === 'changePin' ? <ChangePinScreen /> : null}
      {gate === 'locked' ? <LockScreen /> : null}
    </div>
  )
}
