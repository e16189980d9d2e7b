/** The pay-flow benchmark's section of BENCHMARKS.md: machine, medians, p90, targets. */
import os from 'node:os'
import type { PayBenchResult } from './pay-bench'
import { median, p90 } from './stats'

const TARGETS = { first: 300, later: 100, confirm: 100 }

/** What the numbers mean, and what was changed for them; the same text every run. */
const READING = [
  '### Reading',
  '',
  '- A scan is one `bills:byBarcode` call: the bill list and the contract at Tigo, and the ' +
    'answers kept in the lookup cache. The database is the payments one (WAL, ' +
    'synchronous=FULL), so every commit waits for the disk: about 6 ms a commit on this ' +
    'machine. A scan used to write its answers in up to six commits (cache entry, bills, owner, ' +
    "owner's bills…) and asked Tigo for the contract only after the bills. Each answer is now " +
    'written in one transaction, and the contract is asked for alongside the bills: in main, ' +
    'a scan went from a median of about 30 ms to about 20 ms (in-process timing, 60 scans).',
  '- Confirm → receipt refreshes the bills of each contract in the basket before the payment ' +
    'is written (one transaction); the contracts are now refreshed at once rather than one ' +
    'after another, and each refresh commits once.',
  '- Before these changes, in the same setup with a similar load (load average about 17): ' +
    'first scan 152 ms, later scans 101 ms, confirm → receipt 123 ms (medians of 20/40/20).',
  '- The machine is shared (other work runs beside the bench): medians move by tens of ' +
    'milliseconds from run to run, and the p90 more.'
]

function ms(value: number): string {
  return `${Math.round(value)} ms`
}

function row(label: string, samples: readonly number[], target: number, targetText: string) {
  const mid = median(samples)
  const verdict = mid <= target ? 'met' : '**missed**'
  return `| ${label} | ${samples.length} | ${ms(mid)} | ${ms(p90(samples))} | ${targetText} | ${verdict} |`
}

export function payBenchSection(result: PayBenchResult, repetitions: number, later: number) {
  const cpu = os.cpus()[0]?.model ?? 'unknown'
  const load = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')
  return [
    '## Pay flow speed (`npm run bench:pay`)',
    '',
    `Written by \`npm run bench:pay -- --repetitions ${repetitions} --later ${later}\` ` +
      '(scripts/bench-pay.ts). The harness with Chromium at 1366×768, the simulator in its own ' +
      'process. Each repetition opens a fresh page, scans the first bill of a customer never ' +
      `looked up, then ${later} more of their bills, tenders cash and confirms. Times are taken in ` +
      'the page, from the scanner keystrokes (or the click) to the first frame that shows the ' +
      'result.',
    '',
    `- Machine: ${cpu}, ${os.availableParallelism()} cores, Node ${process.version}, ` +
      `${os.platform()} ${os.release()}`,
    `- Date: ${new Date().toISOString()}; load average at the end ${load} (1/5/15 min; shared ` +
      'machine)',
    '',
    '| step | samples | median | p90 | target | |',
    '|---|---|---|---|---|---|',
    row('first scan → pay screen', result.firstScanMs, TARGETS.first, '≤ 300 ms'),
    row('later scan → bill in the basket', result.laterScanMs, TARGETS.later, '≤ 100 ms median'),
    row('confirm → receipt', result.confirmMs, TARGETS.confirm, '≤ 100 ms median'),
    '',
    ...READING
  ]
}
