import { useEffect } from 'react'
import { useAppStore } from '@renderer/store/app-store'
import { useT } from '@renderer/i18n/use-t'
import { fadeNoticeLater, NOTICE_MS } from '@renderer/lib/notice-fade'

/**
 * The single status line read out by screen readers (`aria-live`). It floats over the screen and
 * fades after a few seconds; the live region stays in the page so the next message is announced.
 */
export function NoticeLine() {
  const t = useT()
  const notice = useAppStore((state) => state.notice)
  const clear = useAppStore((state) => state.clearNotice)
  const ms = notice ? NOTICE_MS[notice.kind] : 0

  useEffect(() => {
    if (!notice) return
    return fadeNoticeLater(notice, () => useAppStore.getState().notice, clear)
  }, [notice, clear])

  return (
    <div
      className="notice-region"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="notice"
    >
      {notice ? (
        // Keyed by the message: each one starts its own fade.
        <div
          key={notice.serial}
          className={`notice notice-${notice.kind}`}
          style={{ animationDuration: `${ms}ms` }}
        >
          <span>{notice.text}</span>
          <button type="button" className="notice-close" onClick={clear}>
            {t('ui.common.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  )
}
