import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(message: string, details?: unknown): void
  info(message: string, details?: unknown): void
  warn(message: string, details?: unknown): void
  error(message: string, details?: unknown): void
  /** The file being written now. */
  readonly path: string
}

const REDACTED = '[redacted]'

// Shortest secret value replaced verbatim: shorter ones would blank out ordinary words.
const MIN_SECRET_LENGTH = 4

const SECRET_FIELDS =
  'access_token|refresh_token|id_token|client_secret|password|accessToken|clientSecret'

const PATTERNS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bBearer\s+[A-Za-z0-9\-._~+/]+=*/gi, `Bearer ${REDACTED}`],
  [/\bBasic\s+[A-Za-z0-9+/]{8,}=*/gi, `Basic ${REDACTED}`],
  // JSON, also JSON embedded in a JSON string ("\"access_token\":\"...\"").
  [
    new RegExp(`(\\\\?"(?:${SECRET_FIELDS})\\\\?"\\s*:\\s*\\\\?")(?:[^"\\\\]|\\\\(?!"))*`, 'g'),
    `$1${REDACTED}`
  ],
  // Form bodies and query strings.
  [new RegExp(`\\b((?:${SECRET_FIELDS})=)[^&\\s"']+`, 'g'), `$1${REDACTED}`]
]

/**
 * Removes every known secret value (and its URL-encoded form) and anything shaped like a
 * credential: `Bearer x`, `Basic x`, `"access_token":"x"`, `client_secret=x`.
 */
export function redact(text: string, secrets: () => readonly string[]): string {
  let out = text
  const values = secrets()
    .filter((value) => value.length >= MIN_SECRET_LENGTH)
    .flatMap((value) => [value, encodeURIComponent(value)])
    .sort((a, b) => b.length - a.length)
  for (const value of values) out = out.split(value).join(REDACTED)
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
  return out
}

function describe(details: unknown): string {
  if (details === undefined) return ''
  if (details instanceof Error) {
    const code = 'code' in details ? ` code=${String(details.code)}` : ''
    return ` ${details.name}: ${details.message}${code}\n${details.stack ?? ''}`
  }
  try {
    return ` ${JSON.stringify(details)}`
  } catch {
    return ` ${String(details)}`
  }
}

/**
 * A log file in `dir` (`caja.log`), rotated to `caja.1.log` … `caja.<files-1>.log` when it
 * would pass `maxBytes`. Writes are synchronous so the last lines before a crash are on disk.
 */
export function createLogger(opts: {
  dir: string
  maxBytes: number
  files: number
  secrets?: () => readonly string[]
  clock?: () => number
  echo?: (line: string) => void
}): Logger {
  const secrets = opts.secrets ?? (() => [])
  const clock = opts.clock ?? Date.now
  const fileAt = (index: number) => join(opts.dir, index === 0 ? 'caja.log' : `caja.${index}.log`)
  const current = fileAt(0)
  mkdirSync(opts.dir, { recursive: true, mode: 0o700 })

  const sizeOf = (path: string) => {
    try {
      return statSync(path).size
    } catch {
      return 0
    }
  }

  const rotate = () => {
    rmSync(fileAt(opts.files - 1), { force: true })
    for (let index = opts.files - 2; index >= 0; index--) {
      try {
        renameSync(fileAt(index), fileAt(index + 1))
      } catch {
        // A missing older file is normal in the first rotations.
      }
    }
  }

  const write = (level: LogLevel, message: string, details: unknown) => {
    const stamp = new Date(clock()).toISOString()
    const line = `${redact(`${stamp} ${level.toUpperCase()} ${message}${describe(details)}`, secrets)}\n`
    try {
      const size = sizeOf(current)
      if (size > 0 && size + Buffer.byteLength(line) > opts.maxBytes) {
        if (opts.files > 1) rotate()
        else rmSync(current, { force: true })
      }
      appendFileSync(current, line, { mode: 0o600 })
    } catch {
      // Logging must never take the till down (full disk, read-only home).
    }
    opts.echo?.(line)
  }

  return {
    debug: (message, details) => write('debug', message, details),
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    path: current
  }
}

export const testing = { PATTERNS, REDACTED, describe }
