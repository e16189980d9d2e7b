import { describe, expect, it } from 'vitest'
import { dictionaries } from '@shared/i18n'
import { ROLES } from '@shared/ipc/channels/session'

declare global {
  interface ImportMeta {
    glob(
      pattern: string[],
      options: { query: '?raw'; import: 'default'; eager: true }
    ): Record<string, string>
  }
}

/** The sign-in screens and the parts of other screens they touched. */
const sources = import.meta.glob(
  [
    '../../../renderer/screens/{sign-in,lock,change-pin,users,pay}-screen.tsx',
    '../../../renderer/components/{pin-pad,supervisor-approval,status-bar,receipt-view,nav-bar}.tsx'
  ],
  { query: '?raw', import: 'default', eager: true }
)

function literalKeys(source: string): string[] {
  return [...source.matchAll(/['"`](ui\.[a-zA-Z]+\.[a-zA-Z.]+)['"`]/g)].map(
    (match) => match[1] ?? ''
  )
}

describe('session screen texts', () => {
  it('has every key the session screens use in Spanish and English', () => {
    expect(Object.keys(sources)).toHaveLength(10)
    const keys = new Set(Object.values(sources).flatMap(literalKeys))
    // Built from a value at run time.
    for (const problem of ['pinFormat', 'pinMismatch', 'pinUnchanged'])
      keys.add(`ui.session.${problem}`)
    for (const role of ROLES) keys.add(`ui.role.${role}`)
    expect(keys.size).toBeGreaterThan(40)
    const missing = [...keys].filter((key) => !dictionaries.es[key] || !dictionaries.en[key])
    expect(missing).toEqual([])
  })
})
