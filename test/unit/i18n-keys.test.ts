/**
 * Every dictionary key a screen names literally exists in Spanish and English (issue 14): a key
 * used but missing would show its code on screen. Keys built at run time (`ui.method.${m}`) are
 * checked for the values the app knows: payment methods, settings fields, coupon causes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dictionaries } from '@shared/i18n'
import { PAYMENT_METHODS } from '@shared/ipc/views'

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const RENDERER = resolve(__dirname, '../../renderer')

function literalKeys(): Map<string, string> {
  const keys = new Map<string, string>()
  for (const file of sources(RENDERER)) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/\bt\(\s*'((?:ui|error|idType)\.[A-Za-z0-9_.]+)'/g)) {
      keys.set(match[1]!, file)
    }
    // Keys passed as props to components that translate them (`frame="ui.outbox.lastError"`).
    for (const match of text.matchAll(/="((?:ui)\.[A-Za-z0-9_.]+)"/g)) keys.set(match[1]!, file)
  }
  return keys
}

describe('dictionary keys used by the screens', () => {
  it('finds the keys it checks (the scan works)', () => {
    expect(literalKeys().size).toBeGreaterThan(300)
  })

  it('has every literal key in Spanish and in English', () => {
    const missing: string[] = []
    for (const [key, file] of literalKeys()) {
      for (const language of ['es', 'en'] as const) {
        if (!(key in dictionaries[language])) {
          missing.push(`${language} ${key} (${file.slice(RENDERER.length + 1)})`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('has the keys built from the app’s own values', () => {
    const built = [
      ...PAYMENT_METHODS.map((method) => `ui.method.${method}`),
      ...['refused', 'dns', 'timeout', 'reset', 'server', 'stopped', 'unknown'].map(
        (cause) => `ui.outbox.cause.${cause}`
      ),
      'ui.settings.closingApprovalAbove'
    ]
    for (const language of ['es', 'en'] as const) {
      expect(
        built.filter((key) => !(key in dictionaries[language])),
        language
      ).toEqual([])
    }
  })
})
