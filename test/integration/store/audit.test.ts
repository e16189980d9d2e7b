import { describe, expect, it } from 'vitest'

import { T0 } from '@support/store-world'
import { useStore } from '@support/use-store'

const store = useStore()

describe('audit log', () => {
  it('records entries and lists them newest first, filtered', () => {
    store.audit.record('c1', 'login', { terminal: 'T1' })
    store.now.value = T0 + 1000
    store.audit.record('s1', 'outbox.retry', { items: [1] })
    store.now.value = T0 + 2000
    store.audit.record('c1', 'logout')

    expect(store.audit.list().map((e) => e.action)).toEqual(['logout', 'outbox.retry', 'login'])
    expect(store.audit.list({ actor: 'c1' }).map((e) => e.action)).toEqual(['logout', 'login'])
    expect(store.audit.list({ action: 'outbox.retry' })).toMatchObject([
      { actor: 's1', at: T0 + 1000, details: { items: [1] } }
    ])
    expect(store.audit.list({ from: T0 + 1000, to: T0 + 2000 }).map((e) => e.actor)).toEqual(['s1'])
    expect(store.audit.list({ limit: 1, offset: 1 }).map((e) => e.action)).toEqual(['outbox.retry'])
  })

  it('cannot be rewritten, even with SQL', () => {
    const entry = store.audit.record('c1', 'login')
    expect(() =>
      store.db.prepare("UPDATE audit_log SET details = '{}' WHERE id = ?").run(entry.id)
    ).toThrow(/append-only/)
    expect(() => store.db.prepare('DELETE FROM audit_log WHERE id = ?').run(entry.id)).toThrow(
      /append-only/
    )
    expect(store.audit.list()).toHaveLength(1)
  })
})
