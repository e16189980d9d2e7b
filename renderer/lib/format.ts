/** Display helpers for dates and ages; money goes through formatCop in shared/domain/money. */
import type { Language } from '@shared/i18n'

const LOCALES: Record<Language, string> = { es: 'es-CO', en: 'en-US' }
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/

/** A calendar date (bill and due dates) as dd/mm/yyyy, without shifting it across time zones. */
export function formatDay(value: string | undefined, language: Language): string {
  if (!value) return '—'
  const match = DATE_ONLY.exec(value) ?? COMPACT_DATE.exec(value)
  if (match) {
    const [, year, month, day] = match
    return language === 'es' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`
  }
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'short' }).format(date)
}

/** A moment (sync, attempt, payment) as date and time; a bare date stays a calendar day. */
export function formatMoment(value: string | undefined, language: Language): string {
  if (!value) return '—'
  if (DATE_ONLY.test(value) || COMPACT_DATE.test(value)) return formatDay(value, language)
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  const text = new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: 'short',
    timeStyle: 'medium'
  }).format(date)
  // "3:40:09 p. m." must not break inside "p. m." nor before it (issue 14): no-break spaces.
  return text.replace(/\s*([ap])\.\s*m\./g, '\u00a0$1.\u00a0m.')
}

/** Whole minutes elapsed since `iso` (never negative; a clock skew reads as "now"). */
export function minutesSince(iso: string, now: number): number {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return 0
  return Math.max(0, Math.floor((now - at) / 60_000))
}

/** Today's date as YYYY-MM-DD in local time, for date filters. */
export function localDay(now: number): string {
  const date = new Date(now)
  const month = String(date.getMonth() + 1).padStart(2, '0')
  const day = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${month}-${day}`
}

const FULL_DAY = { day: '2-digit', month: '2-digit', year: 'numeric' } as const
const TO_THE_MINUTE = { hour: '2-digit', minute: '2-digit' } as const
const dayAndMinute = new Map<Language, Intl.DateTimeFormat>()

/** A moment in a list: full date (02/12/2026) and time to the minute, so rows read alike. */
export function formatDayAndMinute(value: string, language: Language): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  let format = dayAndMinute.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { ...FULL_DAY, ...TO_THE_MINUTE })
    dayAndMinute.set(language, format)
  }
  return format.format(date).replace(/\s*([ap])\.\s*m\./g, '\u00a0$1.\u00a0m.')
}
