/**
 * Speed of the pay flow in the harness with Chromium (issue 13), written to its section of
 * BENCHMARKS.md: first scan → pay screen, later scans → the bill in the basket, confirm →
 * receipt; medians and p90 over the repetitions. Targets: first scan ≤ 300 ms; later scans and
 * confirm → receipt ≤ 100 ms median. A benchmark, not a test: nothing fails on a missed target.
 *
 *   npm run bench:pay [-- --repetitions 20 --later 2]     (CHROMIUM=/path to another browser)
 *
 * The simulator's dataset has a few dozen customers with three unpaid bills: one customer per
 * repetition, so `--later` 2 allows up to about 40 repetitions.
 */
import path from 'node:path'
import { writeSection } from './lib/benchmarks-file'
import { failOnUnhandledRejection } from './lib/fail-on-unhandled'
import { runPayBench } from './lib/pay-bench'
import { payBenchSection } from './lib/pay-bench-report'

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`)
  const raw = at >= 0 ? process.argv[at + 1] : undefined
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`)
  return value
}

async function main(): Promise<void> {
  const repetitions = option('repetitions', 20)
  const later = option('later', 2)
  const result = await runPayBench({
    repetitions,
    laterScans: later,
    chromiumPath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    log: (message) => process.stderr.write(`[bench:pay] ${message}\n`)
  })
  const section = payBenchSection(result, repetitions, later)
  writeSection(path.resolve(__dirname, '..', 'BENCHMARKS.md'), 'bench-pay', section)
  process.stdout.write(`${section.join('\n')}\n`)
}

failOnUnhandledRejection('bench:pay')
main().catch((error: unknown) => {
  process.stderr.write(`[bench:pay] failed: ${error instanceof Error ? error.stack : error}\n`)
  process.exitCode = 1
})
