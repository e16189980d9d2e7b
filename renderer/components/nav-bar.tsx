/** Main destinations with their function keys; the same keys work from anywhere. */
import { useT } from '@renderer/i18n/use-t'
import type { Role } from '@shared/ipc/channels/session'
import { useAppStore } from '@renderer/store/app-store'
import type { ScreenId } from '@renderer/store/navigation'
import { useSessionStore } from '@renderer/store/session'
import { Kbd } from './kbd'

export interface NavEntry {
  screen: ScreenId
  key: string
  labelKey: string
  /** Shown instead on narrow monitors (1024 wide); part of the full label, which stays the name. */
  shortKey: string
  /** Hidden from cashiers (main refuses their calls anyway). */
  supervisorOnly?: boolean
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  // F1, the one key left free: the receipt screen keeps F5 for printing.
  {
    screen: 'findPayment',
    key: 'F1',
    labelKey: 'ui.nav.findPayment',
    shortKey: 'ui.navShort.findPayment'
  },
  { screen: 'search', key: 'F2', labelKey: 'ui.nav.search', shortKey: 'ui.navShort.search' },
  {
    screen: 'batch',
    key: 'F3',
    labelKey: 'ui.nav.batch',
    shortKey: 'ui.navShort.batch',
    supervisorOnly: true
  },
  { screen: 'pay', key: 'F4', labelKey: 'ui.nav.pay', shortKey: 'ui.navShort.pay' },
  { screen: 'outbox', key: 'F6', labelKey: 'ui.nav.outbox', shortKey: 'ui.navShort.outbox' },
  { screen: 'shift', key: 'F7', labelKey: 'ui.nav.shift', shortKey: 'ui.navShort.shift' },
  { screen: 'validate', key: 'F8', labelKey: 'ui.nav.validate', shortKey: 'ui.navShort.validate' },
  { screen: 'checkout', key: 'F9', labelKey: 'ui.nav.checkout', shortKey: 'ui.navShort.checkout' },
  { screen: 'settings', key: 'F10', labelKey: 'ui.nav.settings', shortKey: 'ui.navShort.settings' },
  {
    screen: 'audit',
    key: 'F11',
    labelKey: 'ui.nav.audit',
    shortKey: 'ui.navShort.audit',
    supervisorOnly: true
  },
  {
    screen: 'users',
    key: 'F12',
    labelKey: 'ui.nav.users',
    shortKey: 'ui.navShort.users',
    supervisorOnly: true
  }
]

const CASHIER_ENTRIES = NAV_ENTRIES.filter((entry) => !entry.supervisorOnly).length

/** The entries the signed-in person may open. */
export function navEntriesFor(role: Role | undefined): readonly NavEntry[] {
  return NAV_ENTRIES.filter((entry) => !entry.supervisorOnly || role === 'supervisor')
}

export function NavBar() {
  const t = useT()
  const screen = useAppStore((state) => state.nav.screen)
  const canGoBack = useAppStore((state) => state.nav.history.length > 0)
  const go = useAppStore((state) => state.go)
  const back = useAppStore((state) => state.back)
  const role = useSessionStore((state) => state.view?.user?.role)
  const entries = navEntriesFor(role)
  return (
    <nav
      // A supervisor's ten destinations do not fit one row of full labels: see layout.css.
      className={`nav-bar ${entries.length > CASHIER_ENTRIES ? 'nav-many' : ''}`.trim()}
      aria-label={t('ui.nav.label')}
    >
      {entries.map((entry) => (
        <button
          key={entry.screen}
          type="button"
          className={`nav-button ${screen === entry.screen ? 'nav-current' : ''}`}
          aria-current={screen === entry.screen ? 'page' : undefined}
          aria-keyshortcuts={entry.key}
          aria-label={t(entry.labelKey)}
          onClick={() => go(entry.screen)}
        >
          <Kbd>{entry.key}</Kbd>
          {/* The short label is CSS content: not part of the text, the name stays the full one. */}
          <span className="nav-label" data-short={t(entry.shortKey)}>
            <span className="nav-long">{t(entry.labelKey)}</span>
          </span>
        </button>
      ))}
      <button
        type="button"
        className="nav-button nav-back"
        aria-keyshortcuts="Escape"
        onClick={back}
        disabled={!canGoBack}
      >
        <Kbd>Esc</Kbd>
        <span>{t('ui.nav.back')}</span>
      </button>
    </nav>
  )
}
