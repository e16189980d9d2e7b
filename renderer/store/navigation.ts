/** Screen navigation as a pure reducer: a current screen and the way back (Esc). */
export type ScreenId =
  | 'search'
  | 'customer'
  | 'findPayment'
  | 'pay'
  | 'receipt'
  | 'outbox'
  | 'validate'
  | 'checkout'
  | 'settings'
  | 'users'
  | 'batch'
  | 'shift'
  | 'audit'

export interface Navigation {
  screen: ScreenId
  history: ScreenId[]
}

const HISTORY_LIMIT = 20

export const START: Navigation = { screen: 'search', history: [] }

export function goTo(nav: Navigation, screen: ScreenId): Navigation {
  if (nav.screen === screen) return nav
  // Returning to a screen already on the way back unwinds to it, so Esc never loops.
  const seen = nav.history.lastIndexOf(screen)
  if (seen >= 0) return { screen, history: nav.history.slice(0, seen) }
  return { screen, history: [...nav.history, nav.screen].slice(-HISTORY_LIMIT) }
}

export function goBack(nav: Navigation): Navigation {
  const previous = nav.history.at(-1)
  if (previous === undefined) return nav.screen === 'search' ? nav : START
  return { screen: previous, history: nav.history.slice(0, -1) }
}
