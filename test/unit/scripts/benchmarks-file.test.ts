import { describe, expect, it } from 'vitest'
import { markedSection, withSection } from '@scripts/lib/benchmarks-file'

describe('BENCHMARKS.md sections', () => {
  it('appends a section that is not there yet, after the others', () => {
    const other = markedSection('bench', ['# Benchmarks', 'drain'])
    expect(withSection(`${other}\n`, 'bench-pay', ['## Pay', 'fast'])).toBe(
      `${other}\n\n<!-- bench-pay:start -->\n## Pay\nfast\n<!-- bench-pay:end -->\n`
    )
  })

  it("replaces its own section and leaves the others' alone", () => {
    const text = `${markedSection('bench', ['drain'])}\n\n${markedSection('bench-pay', ['old'])}\n`
    const next = withSection(text, 'bench-pay', ['new'])
    expect(next).toBe(
      `${markedSection('bench', ['drain'])}\n\n${markedSection('bench-pay', ['new'])}\n`
    )
    expect(withSection(next, 'bench', ['drain 2'])).toContain('drain 2')
    expect(withSection(next, 'bench', ['drain 2'])).toContain('new')
  })
})
