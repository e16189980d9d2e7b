import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '@support/temp-dir'
import { syncSettingsFrom } from '@main/sync/till-sync'
import { createSettingsStore, DEFAULT_SETTINGS } from '@main/settings/settings-store'
import { minReconcileDelayMs } from '@main/sync/defaults'

const tempDir = useTempDir('caja-till-sync-')

/** A real settings store over a `settings.json` naming this client timeout (not on the screen). */
function settingsWithTimeout(timeoutMs: number) {
  const file = join(tempDir(), 'settings.json')
  writeFileSync(file, JSON.stringify({ ...DEFAULT_SETTINGS, timeoutMs }))
  const store = createSettingsStore({ file })
  expect(store.get().timeoutMs).toBe(timeoutMs)
  return store
}

describe('syncSettingsFrom', () => {
  it.each([
    // 10 s: the fixed margin (timeout + 20 s) already clears the floor (2 × 10 s + 5 s).
    [10_000, 30_000],
    // 60 s and 120 s: timeout + 20 s would reconcile before a late commit; the floor wins.
    [60_000, 125_000],
    [120_000, 245_000]
  ])('waits long enough after a %i ms client timeout (%i ms)', (timeoutMs, expected) => {
    const settings = syncSettingsFrom(settingsWithTimeout(timeoutMs))
    expect(settings.reconcileDelayMs).toBe(expected)
    expect(settings.reconcileDelayMs).toBeGreaterThanOrEqual(minReconcileDelayMs(timeoutMs))
  })

  it('keeps the other settings, with the supervisor-flag age from the caps', () => {
    const store = settingsWithTimeout(120_000)
    store.update({ caps: { maxPendingAgeHours: 6 } })
    expect(syncSettingsFrom(store)).toEqual({
      batchSize: 20,
      baseBackoffMs: 5_000,
      maxBackoffMs: 300_000,
      reconcileDelayMs: 245_000,
      probeIntervalMs: 15_000,
      drainIntervalMs: 60_000,
      maxPendingAgeHours: 6
    })
  })
})
