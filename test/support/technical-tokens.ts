/**
 * Words a cashier must never read on a Spanish screen (issue 14): network error codes, JS values,
 * protocol details, audit action codes, lazy "(s)" plurals. Shared by the dictionary test and
 * the e2e screens' check, so both fail on the same list.
 */
export const TECHNICAL_TOKENS: readonly RegExp[] = [
  /\bE(CONN[A-Z]+|TIMEDOUT|NOTFOUND|HOSTUNREACH|PIPE|AI_AGAIN)\b/,
  /\bUND_ERR/,
  /\bHTTP\b/,
  /\b(undefined|null|NaN)\b/,
  /\[object Object\]/,
  /\((s|es)\)/i,
  /\b[a-z]+\.[a-z]+_[a-z_]+\b/, // audit action codes like payment.over_offline_cap
  // Raw ids (UUIDs): people read receipt numbers instead.
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
  // The outbox's English sync notes seen by issue 14.
  /\bregistered by Tigo\b/i,
  /\bnot sent\b/i,
  /\breconciled\b/i,
  /\bmay have reached\b/i
]

/**
 * The offline-payments CSV's column names (Spanish and English header), which the batch screen
 * documents as they must be typed in the file: allowed there, and only there.
 */
export const CSV_COLUMN_NAMES: ReadonlySet<string> = new Set([
  'tipo_id',
  'id_type',
  'medio_pago',
  'fecha_pago',
  'paid_at',
  'referencia_externa',
  'external_ref'
])

/** Raw snake_case codes (bill_paid_elsewhere), other than the `allowed` words. */
export function snakeCaseWords(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  return (text.match(/\b[a-z]+(?:_[a-z]+)+\b/g) ?? []).filter((word) => !allowed.has(word))
}

/** Every technical token found in `text` (empty when it reads clean). */
export function technicalTokens(text: string, allowed: ReadonlySet<string> = new Set()): string[] {
  const found = TECHNICAL_TOKENS.flatMap((token) => text.match(token)?.[0] ?? [])
  return [...found, ...snakeCaseWords(text, allowed)]
}
