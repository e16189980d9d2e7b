/**
 * Listens to every keystroke in the app for a keyboard-wedge scan. The scanner types into
 * whatever has focus, so when a burst turns out to be a barcode we put the focused field back
 * the way it was before the burst and swallow the final Enter (no form submits by accident).
 */
import { useEffect, useRef } from 'react'
import { createBurstDetector, type BurstDetector } from '@renderer/lib/barcode-burst'

type TextField = HTMLInputElement | HTMLTextAreaElement

function focusedTextField(): TextField | null {
  const active = document.activeElement
  if (active instanceof HTMLTextAreaElement) return active
  if (active instanceof HTMLInputElement && !['checkbox', 'radio'].includes(active.type)) {
    return active
  }
  return null
}

/** Sets a field's value the way React notices (its value tracker ignores plain assignment). */
function restoreValue(field: TextField, value: string): void {
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement
  const setter = Object.getOwnPropertyDescriptor(proto.prototype, 'value')?.set
  setter?.call(field, value)
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

export function useBarcodeWedge(onBarcode: (raw: string) => void): void {
  const latest = useRef(onBarcode)
  useEffect(() => {
    latest.current = onBarcode
  })
  useEffect(() => {
    const detector: BurstDetector = createBurstDetector()
    let snapshot: { field: TextField; value: string } | null = null

    function onKeyDown(event: KeyboardEvent): void {
      if (event.repeat) return
      const verdict = detector.feed({
        key: event.key,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        at: event.timeStamp
      })
      if (verdict.kind === 'buffering') {
        if (verdict.startsBurst) {
          const field = focusedTextField()
          snapshot = field ? { field, value: field.value } : null
        }
        // GS is not text: keep Ctrl+] from reaching the page.
        if (event.ctrlKey) event.preventDefault()
        return
      }
      if (verdict.kind === 'barcode') {
        event.preventDefault()
        event.stopPropagation()
        if (snapshot && snapshot.field.isConnected) {
          restoreValue(snapshot.field, snapshot.value + verdict.prefix)
        }
        snapshot = null
        latest.current(verdict.raw)
      }
    }
    // Capture phase: we see the Enter before any form or React handler acts on it.
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [])
}
