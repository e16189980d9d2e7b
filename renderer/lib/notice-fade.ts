/**
 * When the status line's message fades (issue 13: messages fade after a few seconds), kept out of
 * the component so the timing is tested with fake timers, without a DOM.
 */
import type { Notice, NoticeKind } from '@renderer/store/app-store'

/** How long a message stays before it fades: errors longer, they may need reading twice. */
export const NOTICE_MS: Readonly<Record<NoticeKind, number>> = Object.freeze({
  info: 5000,
  success: 5000,
  error: 9000
})

/**
 * Clears `notice` once its time is up, unless a newer message has replaced it (that one has its
 * own timer). Returns the cancel, for an effect's cleanup.
 */
export function fadeNoticeLater(
  notice: Notice,
  current: () => Notice | null,
  clear: () => void
): () => void {
  const timer = setTimeout(() => {
    if (current()?.serial === notice.serial) clear()
  }, NOTICE_MS[notice.kind])
  return () => clearTimeout(timer)
}
