/**
 * The Bogotá calendar day of a payment as Tigo reports it. The seed types `paymentDay` as a bare
 * string, so an API may write it its own way: a date, a timestamp in UTC or with an offset, a
 * day-first date, an epoch. Each is read as the day it means in Colombia (UTC−5, no DST); a
 * value none of these fits is `undefined` (no evidence either way).
 */

const BOGOTA_OFFSET_MS = -5 * 3_600_000

export function bogotaDay(ms: number): string {
  return new Date(ms + BOGOTA_OFFSET_MS).toISOString().slice(0, 10)
}

function validDay(year: string, month: string, day: string): string | undefined {
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const ms = Date.parse(`${iso}T00:00:00Z`)
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) return undefined
  return iso
}

export function paymentBogotaDay(raw: string | undefined): string | undefined {
  const value = raw?.trim()
  if (!value) return undefined
  // A timestamp that names its zone is an instant: its day in Bogotá is what counts.
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(value)) {
    const ms = Date.parse(value.replace(' ', 'T'))
    return Number.isNaN(ms) ? undefined : bogotaDay(ms)
  }
  // A date, or a local timestamp with no zone: a Colombian API's local day.
  let match = /^(\d{4})-(\d{2})-(\d{2})([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.exec(value)
  if (match) return validDay(match[1]!, match[2]!, match[3]!)
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(value)
  if (match) return validDay(match[1]!, match[2]!, match[3]!)
  // Day first, as Colombia writes dates (27/11/2026, 27-11-2026 10:15).
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})( \d{1,2}:\d{2}(:\d{2})?)?$/.exec(value)
  if (match) return validDay(match[3]!, match[2]!, match[1]!)
  // Epoch milliseconds or seconds.
  if (/^\d{13}$/.test(value)) return bogotaDay(Number(value))
  if (/^\d{10}$/.test(value)) return bogotaDay(Number(value) * 1000)
  return undefined
}
