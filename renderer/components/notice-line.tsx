import { useAppStore } from '../store/app-store'
import { useT } from '../i18n/use-t'

/** The single status line read out by screen readers (`aria-live`). */
export function NoticeLine() {
  const t = useT()
  const notice = useAppStore((state) => state.notice)
  const clear = useAppStore((state) => state.clearNotice)
  return (
    <div
      className={`notice ${notice ? `notice-${notice.kind}` : 'notice-empty'}`}
      role="status"
      aria-live="polite"
      aria-atomic="true"
      data-testid="notice"
    >
      {notice ? (
        <>
          <span key={notice.serial}>{notice.text}</span>
          <button type="button" className="notice-close" onClick={clear}>
            {t('ui.common.dismiss')}
          </button>
        </>
      ) : null}
    </div>
  )
}
