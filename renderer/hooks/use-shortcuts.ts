/**
 * Keys that work from any screen. Function keys are taken in the capture phase: they mean
 * nothing to a field, and a focused select (or its open list) would otherwise keep them. The
 * other keys (Escape) go in the bubble phase on window, so a focused dialog or input that
 * handles the key itself (and stops it) wins.
 */
import { useEffect, useRef } from 'react'

export type ShortcutMap = Partial<Record<string, () => void>>

const FUNCTION_KEY = /^F\d{1,2}$/

export function useShortcuts(shortcuts: ShortcutMap): void {
  const latest = useRef(shortcuts)
  useEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    function handle(event: KeyboardEvent, capture: boolean): void {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
      if (FUNCTION_KEY.test(event.key) !== capture) return
      const action = latest.current[event.key]
      if (!action) return
      event.preventDefault()
      action()
    }
    const onCapture = (event: KeyboardEvent) => handle(event, true)
    const onBubble = (event: KeyboardEvent) => handle(event, false)
    window.addEventListener('keydown', onCapture, true)
    window.addEventListener('keydown', onBubble)
    return () => {
      window.removeEventListener('keydown', onCapture, true)
      window.removeEventListener('keydown', onBubble)
    }
  }, [])
}
