/**
 * The shell: status bar, navigation, the open screen, and the two global listeners (function
 * keys and the barcode scanner) that work wherever the focus is.
 */
import { useEffect, useRef } from 'react'
import { NavBar, NAV_ENTRIES } from './components/nav-bar'
import { NoticeLine } from './components/notice-line'
import { StatusBar } from './components/status-bar'
import { useBarcodeWedge } from './hooks/use-barcode-wedge'
import { useShortcuts, type ShortcutMap } from './hooks/use-shortcuts'
import { useSyncStatus } from './hooks/use-sync-status'
import { describeError, useLanguage, useT } from './i18n/use-t'
import { useAppStore } from './store/app-store'
import { openScannedBill } from './store/customer-actions'
import type { ScreenId } from './store/navigation'
import { CheckoutScreen } from './screens/checkout-screen'
import { CustomerScreen } from './screens/customer-screen'
import { OutboxScreen } from './screens/outbox-screen'
import { PayScreen } from './screens/pay-screen'
import { ReceiptScreen } from './screens/receipt-screen'
import { SearchScreen } from './screens/search-screen'
import { SettingsScreen } from './screens/settings-screen'
import { ValidateScreen } from './screens/validate-screen'

const SCREENS: Record<ScreenId, () => React.JSX.Element> = {
  search: SearchScreen,
  customer: CustomerScreen,
  pay: PayScreen,
  receipt: ReceiptScreen,
  outbox: OutboxScreen,
  validate: ValidateScreen,
  checkout: CheckoutScreen,
  settings: SettingsScreen
}

function useScannedBills(): void {
  const t = useT()
  useBarcodeWedge((raw) => {
    const { announce, go } = useAppStore.getState()
    announce('info', t('ui.scan.reading'))
    openScannedBill(raw)
      .then((bill) => {
        announce('success', t('ui.scan.opened', { billNo: bill.billNo }))
        go('pay')
      })
      .catch((error: unknown) => {
        announce('error', describeError(useAppStore.getState().language, error))
      })
  })
}

function useGlobalShortcuts(): void {
  const go = useAppStore((state) => state.go)
  const back = useAppStore((state) => state.back)
  const map: ShortcutMap = { Escape: back }
  for (const entry of NAV_ENTRIES) map[entry.key] = () => go(entry.screen)
  useShortcuts(map)
}

export function App() {
  const language = useLanguage()
  const screen = useAppStore((state) => state.nav.screen)
  const mainRef = useRef<HTMLElement>(null)
  useSyncStatus()
  useScannedBills()
  useGlobalShortcuts()

  useEffect(() => {
    document.documentElement.lang = language === 'es' ? 'es-CO' : 'en'
  }, [language])

  // A new screen takes the focus to its first field (or its heading) so keyboard and reader
  // users land on it.
  useEffect(() => {
    const main = mainRef.current
    const target =
      main?.querySelector<HTMLElement>('[data-autofocus]') ?? main?.querySelector<HTMLElement>('h1')
    target?.focus()
  }, [screen])

  const Screen = SCREENS[screen]
  return (
    <div className="app">
      <StatusBar />
      <NavBar />
      <NoticeLine />
      <main className="screen" ref={mainRef} data-screen={screen}>
        <Screen />
      </main>
    </div>
  )
}
