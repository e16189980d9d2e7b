/**
 * Keeps the session store in step with main and tells main what it needs to know: the view at
 * start and on every push, session errors from any call, the cashier's activity (which postpones
 * the idle lock) and Ctrl+L. The session calls screens make live here too, so each one updates
 * the store the same way.
 */
import { useEffect, useRef } from 'react'
import { api, onApiFailure } from '@renderer/api'
import { describeError } from '@renderer/i18n/use-t'
import { createThrottle, gateOf, TOUCH_INTERVAL_MS } from '@renderer/lib/session-rules'
import { useAppStore } from '@renderer/store/app-store'
import { useSessionStore } from '@renderer/store/session'

function reportFailure(error: unknown): void {
  const state = useAppStore.getState()
  state.announce('error', describeError(state.language, error))
}

export async function refreshSession(): Promise<void> {
  useSessionStore.getState().setView(await api.invoke('session:current'))
}

export async function signIn(name: string, pin: string): Promise<void> {
  useSessionStore.getState().setView(await api.invoke('session:signIn', { name, pin }))
}

export async function unlock(pin: string): Promise<void> {
  useSessionStore.getState().setView(await api.invoke('session:unlock', { pin }))
}

export async function changePin(currentPin: string, newPin: string): Promise<void> {
  useSessionStore.getState().setView(await api.invoke('session:changePin', { currentPin, newPin }))
}

export async function lockTill(): Promise<void> {
  useSessionStore.getState().setView(await api.invoke('session:lock'))
}

export async function signOut(): Promise<void> {
  useSessionStore.getState().setView(await api.invoke('session:signOut'))
}

function isOpen(): boolean {
  return gateOf(useSessionStore.getState().view) === 'open'
}

/** Mount once, in the shell. */
export function useSessionSync(): void {
  useEffect(() => {
    refreshSession().catch(reportFailure)
    const offChanged = api.on('session:changed', (view) => useSessionStore.getState().setView(view))
    const offFailure = onApiFailure((code) => {
      // Main's own view follows (the push, and this answer) in case ours guessed wrong.
      if (useSessionStore.getState().applyError(code)) refreshSession().catch(reportFailure)
    })
    return () => {
      offChanged()
      offFailure()
    }
  }, [])
}

/** Keys, taps and scanner bursts postpone main's idle lock, at most once per 30 s. */
export function useActivityTouch(): void {
  const throttle = useRef(createThrottle(TOUCH_INTERVAL_MS))
  useEffect(() => {
    function onActivity(): void {
      if (!isOpen() || !throttle.current()) return
      api
        .invoke('session:touch')
        .then((view) => useSessionStore.getState().setView(view))
        .catch(() => {
          // A refused touch already routed its session error; nothing else to tell the cashier.
        })
    }
    // Capture phase: a field that stops a key still counts as activity.
    window.addEventListener('keydown', onActivity, true)
    window.addEventListener('pointerdown', onActivity, true)
    return () => {
      window.removeEventListener('keydown', onActivity, true)
      window.removeEventListener('pointerdown', onActivity, true)
    }
  }, [])
}

/** Ctrl+L locks the till from anywhere (function keys are taken by the screens). */
export function useLockShortcut(): void {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (!event.ctrlKey || event.altKey || event.metaKey || event.key.toLowerCase() !== 'l') return
      event.preventDefault()
      if (isOpen()) lockTill().catch(reportFailure)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
