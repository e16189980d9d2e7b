/**
 * `npm run bench:pay` in small: one repetition runs end to end (simulator and harness as child
 * processes, Chromium, a scan, a later scan, a payment) and yields a number for every step and a
 * section for BENCHMARKS.md. No timing is asserted: the numbers are the benchmark's to report.
 */
import { describe, expect, it } from 'vitest'
import { runPayBench } from '@scripts/lib/pay-bench'
import { payBenchSection } from '@scripts/lib/pay-bench-report'
import { CHROMIUM } from '@support/chromium'
import { missingPrerequisite } from './cashier/fixture'

describe.skipIf(missingPrerequisite !== undefined)('pay-flow benchmark', () => {
  it('runs one repetition and measures each step', async () => {
    const result = await runPayBench({ repetitions: 1, laterScans: 1, chromiumPath: CHROMIUM })
    for (const samples of [result.firstScanMs, result.laterScanMs, result.confirmMs]) {
      expect(samples).toHaveLength(1)
      expect(samples[0]).toBeGreaterThan(0)
      expect(Number.isFinite(samples[0])).toBe(true)
    }
    const rows = payBenchSection(result, 1, 1).filter((line) =>
      /^\| (first|later|confirm)/.test(line)
    )
    expect(rows).toHaveLength(3)
    for (const line of rows) expect(line).toMatch(/\| \d+ ms \| \d+ ms \|/)
  })
})
