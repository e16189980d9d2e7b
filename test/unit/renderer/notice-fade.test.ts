/**
 * Messages fade after a few seconds (5 s, errors 9 s) but stay announced: the status line's live
 * region is in the page with or without a message, so the next one is read out (issue 13).
 */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NoticeLine } from '@renderer/components/notice-line'
import { fadeNoticeLater } from '@renderer/lib/notice-fade'
import { useAppStore, type NoticeKind } from '@renderer/store/app-store'

const store = useAppStore

/** Announces `text` and starts its fade as the status line does. */
function announce(kind: NoticeKind, text: string): () => void {
  store.getState().announce(kind, text)
  const notice = store.getState().notice
  if (!notice) throw new Error('announce left no notice')
  return fadeNoticeLater(notice, () => store.getState().notice, store.getState().clearNotice)
}

const shown = () => store.getState().notice?.text ?? null

beforeEach(() => {
  vi.useFakeTimers()
  store.getState().clearNotice()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('a message on the status line', () => {
  it.each([
    ['success', 'Pago guardado', 5_000],
    ['info', 'Tipo de documento confirmado', 5_000],
    ['error', 'No se pudo imprimir', 9_000]
  ] as const)('fades, as %s, after its time (%s: %i ms)', (kind, text, ms) => {
    announce(kind, text)
    vi.advanceTimersByTime(ms - 1)
    expect(shown()).toBe(text)
    vi.advanceTimersByTime(1)
    expect(shown()).toBeNull()
  })

  it('is not cut short by the fade of the message it replaced', () => {
    announce('info', 'Primero')
    vi.advanceTimersByTime(3_000)
    announce('info', 'Segundo')
    // The first message's time is up at 5 s: the second one stays its own 5 s.
    vi.advanceTimersByTime(4_999)
    expect(shown()).toBe('Segundo')
    vi.advanceTimersByTime(1)
    expect(shown()).toBeNull()
  })

  it('keeps its fade cancellable (the screen that showed it went away)', () => {
    const cancel = announce('info', 'Pago guardado')
    cancel()
    vi.advanceTimersByTime(60_000)
    expect(shown()).toBe('Pago guardado')
  })
})

describe('the live region', () => {
  const render = () => renderToStaticMarkup(createElement(NoticeLine))

  it('is in the page with no message, so the next one is announced', () => {
    // Rendered on the server, the store is as it starts: no message.
    const html = render()
    expect(html).toContain('role="status"')
    expect(html).toContain('aria-live="polite"')
    expect(html).toContain('aria-atomic="true"')
  })
})
