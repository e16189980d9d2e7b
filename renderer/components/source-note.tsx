import type { Source } from '@shared/ipc/views'
import { minutesSince } from '@renderer/lib/format'
import { useNow } from '@renderer/hooks/use-now'
import { useT } from '@renderer/i18n/use-t'

/** Says when data comes from the offline cache and how old it is; nothing when it is live. */
export function SourceNote({ source, fetchedAt }: { source: Source; fetchedAt: string }) {
  const t = useT()
  const now = useNow()
  if (source === 'live') return null
  const minutes = minutesSince(fetchedAt, now)
  return (
    <p className="source-note" role="note">
      {minutes < 1 ? t('ui.cache.justNow') : t('ui.cache.age', { minutes })}
    </p>
  )
}
