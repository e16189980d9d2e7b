/**
 * A new screen takes the focus to its first field, so keyboard and reader users land where they
 * type (issue 14): the field the screen marks `data-autofocus`, else its first enabled input,
 * select or text area. Many screens draw their fields only once their data is in (the shift
 * screen after its shift is read, users after the list), so until a field shows up the heading
 * holds the focus and a watcher moves it on, unless the person has gone elsewhere meanwhile.
 */
import { useEffect, type RefObject } from 'react'

const FIELDS = 'input:not([type=hidden]), select, textarea'

function firstField(container: HTMLElement): HTMLElement | null {
  const marked = container.querySelector<HTMLElement>('[data-autofocus]')
  if (marked) return marked
  for (const field of container.querySelectorAll<HTMLInputElement>(FIELDS)) {
    if (!field.disabled && field.getClientRects().length > 0) return field
  }
  return null
}

export function useScreenFocus(
  mainRef: RefObject<HTMLElement | null>,
  dependencies: readonly unknown[]
): void {
  useEffect(() => {
    const main = mainRef.current
    if (!main) return
    const field = firstField(main)
    if (field) {
      field.focus()
      return
    }
    const heading = main.querySelector<HTMLElement>('h1')
    heading?.focus()
    const observer = new MutationObserver(() => {
      const active = document.activeElement
      // The person moved on (clicked, tabbed): their choice wins.
      if (active && active !== heading && active !== document.body) {
        observer.disconnect()
        return
      }
      const late = firstField(main)
      if (!late) return
      late.focus()
      observer.disconnect()
    })
    observer.observe(main, { childList: true, subtree: true, attributes: true })
    return () => observer.disconnect()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what opens a screen
  }, dependencies)
}
