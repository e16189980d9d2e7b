/**
 * Text that is not well-formed Unicode (a lone surrogate such as "\ud800") cannot be encoded in a
 * URL or UTF-8 without throwing or being silently replaced, so it is refused at the door, before
 * any channel's schema, rather than failing later as an internal error.
 */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value)
}

/** Deep enough for any channel input; deeper values are left to the schema. */
const MAX_DEPTH = 16

/**
 * The path (`bills.0.billNo`) of the first string, or object key, in `value` that is not
 * well-formed; undefined when all are.
 */
export function malformedTextPath(value: unknown): string | undefined {
  const found = walk(value, [], 0)
  return found === undefined ? undefined : found.join('.') || '(input)'
}

function walk(value: unknown, path: string[], depth: number): string[] | undefined {
  if (typeof value === 'string') return isWellFormedText(value) ? undefined : path
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) return undefined
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, String(i)], depth + 1)
      if (found) return found
    }
    return undefined
  }
  for (const [key, item] of Object.entries(value)) {
    // The key itself is shown in the detail, so it is checked before it is echoed.
    if (!isWellFormedText(key)) return [...path, '(key)']
    const found = walk(item, [...path, key], depth + 1)
    if (found) return found
  }
  return undefined
}
