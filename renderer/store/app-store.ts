/**
 * App-wide state: which screen is open, the cashier's language, the sync status main pushes,
 * the settings snapshot and the one status line announced to screen readers.
 */
import { create } from 'zustand'
import type { Language } from '@shared/i18n'
import type { SettingsView, SyncStatus } from '@shared/ipc/views'
import { START, goBack, goTo, type Navigation, type ScreenId } from './navigation'

export type NoticeKind = 'info' | 'success' | 'error'

export interface Notice {
  kind: NoticeKind
  /** Already translated: errors arrive translated from `describeError`. */
  text: string
  /** Grows on every notice so the same text twice is still announced. */
  serial: number
}

export interface AppState {
  nav: Navigation
  language: Language
  status: SyncStatus | null
  settings: SettingsView | null
  notice: Notice | null
  go: (screen: ScreenId) => void
  back: () => void
  setLanguage: (language: Language) => void
  setStatus: (status: SyncStatus) => void
  setSettings: (settings: SettingsView) => void
  announce: (kind: NoticeKind, text: string) => void
  clearNotice: () => void
}

export const useAppStore = create<AppState>()((set) => ({
  nav: START,
  language: 'es',
  status: null,
  settings: null,
  notice: null,
  go: (screen) => set((state) => ({ nav: goTo(state.nav, screen) })),
  back: () => set((state) => ({ nav: goBack(state.nav) })),
  setLanguage: (language) => set({ language }),
  setStatus: (status) => set({ status }),
  setSettings: (settings) => set({ settings, language: settings.language }),
  announce: (kind, text) =>
    set((state) => ({ notice: { kind, text, serial: (state.notice?.serial ?? 0) + 1 } })),
  clearNotice: () => set({ notice: null })
}))
