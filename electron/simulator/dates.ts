/** ISO calendar dates (YYYY-MM-DD) computed in UTC so results never depend on the host's zone. */

const DAY_MS = 86_400_000
/** Colombia has no daylight saving: always UTC−5. */
const BOGOTA_OFFSET_MS = -5 * 3_600_000

export function isoDateFromMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10)
}

export function bogotaDate(ms: number): string {
  return isoDateFromMs(ms + BOGOTA_OFFSET_MS)
}

export function toMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`)
}

export function addDays(isoDate: string, days: number): string {
  return isoDateFromMs(toMs(isoDate) + days * DAY_MS)
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toMs(to) - toMs(from)) / DAY_MS)
}

/** The given day of the month `monthsBack` months before `isoDate` (day capped at 28). */
export function dayOfMonthsBack(isoDate: string, monthsBack: number, day: number): string {
  const [year, month] = isoDate.split('-').map(Number) as [number, number]
  const index = year * 12 + (month - 1) - monthsBack
  const date = new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, 28)))
  return isoDateFromMs(date.getTime())
}

export function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && isoDateFromMs(toMs(value)) === value
}
