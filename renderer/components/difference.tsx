/** A closing difference in words as well as sign: surplus (sobrante), shortage (faltante), even. */
import { differenceKind } from '@renderer/lib/closing-count'
import { useT } from '@renderer/i18n/use-t'
import { Money } from './money'

export function Difference({ value }: { value: number | null }) {
  const t = useT()
  if (value === null) return <span className="muted">{t('ui.shift.notCounted')}</span>
  const kind = differenceKind(value)
  return (
    <span className={`difference difference-${kind}`}>
      {kind === 'even' ? t('ui.shift.even') : t(`ui.shift.${kind}`)}
      {kind === 'even' ? null : (
        <>
          {' '}
          <Money value={Math.abs(value)} />
        </>
      )}
    </span>
  )
}
