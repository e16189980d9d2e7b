/**
 * Function keys that work from any screen. Bubble phase on window, so a focused dialog or input
 * that handles a key itself (and stops it) wins.
 */
import { useEffect, useRef } from 'react'

export type ShortcutMap = Partial<Record<string, () => void>>

export function useShortcuts(shortcuts: ShortcutMap): void {
  const latest = useRef(shortcuts)
  useEffect(() => {
    latest.current = shortcuts
  })
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return
      const action = latest.current[event.key]
      if (!action) return
      event.preventDefault()
      action()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
