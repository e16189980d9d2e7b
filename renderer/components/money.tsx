import { formatCop } from '@shared/domain/money'
import { useLanguage } from '@renderer/i18n/use-t'

/** Pesos in the cashier's language, in tabular figures so columns line up. */
export function Money({ value, className }: { value: number; className?: string }) {
  const language = useLanguage()
  return <span className={`money ${className ?? ''}`.trim()}>{formatCop(value, language)}</span>
}
