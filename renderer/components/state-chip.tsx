import { useT } from '@renderer/i18n/use-t'

/** A bill or payment state: colour for a glance, words for certainty (never colour alone). */
export type ChipState =
  | 'queued'
  | 'sending'
  | 'registered'
  | 'rejected'
  | 'uncertain'
  | 'flagged'
  | 'paid'
  | 'overdue'
  | 'due'

export function StateChip({ state }: { state: ChipState }) {
  const t = useT()
  return <span className={`chip chip-${state}`}>{t(`ui.state.${state}`)}</span>
}
