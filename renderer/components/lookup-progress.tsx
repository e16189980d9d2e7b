/**
 * "Consultando…" while a lookup is slow, with its cancel (Esc or the button). The live region
 * stays in the page so screen readers announce the progress when it appears. Esc is taken in the
 * capture phase while a lookup is pending: it must cancel the lookup, not go back a screen.
 */
import { useEffect } from 'react'
import { useT } from '@renderer/i18n/use-t'
import { cancelLookups, useLookupStore } from '@renderer/store/lookup-store'
import { ActionButton } from './action-button'

export function LookupProgress() {
  const t = useT()
  const active = useLookupStore((state) => state.pending > 0)
  const slow = useLookupStore((state) => state.slow)

  useEffect(() => {
    if (!active) return
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      if (!cancelLookups()) return
      event.preventDefault()
      event.stopPropagation()
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => window.removeEventListener('keydown', onKeyDown, true)
  }, [active])

  return (
    <div className="lookup-region" role="status" aria-live="polite" aria-atomic="true">
      {slow ? (
        <div className="lookup-progress" data-testid="lookup-progress">
          <span className="lookup-spinner" aria-hidden="true" />
          <span>{t('ui.lookup.progress')}</span>
          <ActionButton shortcut="Esc" onClick={() => cancelLookups()}>
            {t('ui.lookup.cancel')}
          </ActionButton>
        </div>
      ) : null}
    </div>
  )
}
