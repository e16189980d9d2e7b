/**
 * Accessibility checks for the e2e walk (issue 14): axe-core injected into the real page, and
 * where the focus lands when a screen opens. Critical and serious violations fail the test;
 * moderate and minor ones are printed so a person sees them, never hidden by turning rules off.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
/** Read once; evaluated through the debugger, since the app's CSP refuses inline script tags. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

interface AxeNode {
  target: unknown[]
  failureSummary?: string
}
interface AxeViolation {
  id: string
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null
  help: string
  nodes: AxeNode[]
}

const BLOCKING = new Set(['serious', 'critical'])

function describeViolation(violation: AxeViolation): string {
  const where = violation.nodes
    .slice(0, 3)
    .map((node) => node.target.join(' '))
    .join(' | ')
  return `${violation.impact ?? '?'} ${violation.id} (${violation.help}) at ${where}`
}

/** Runs axe-core on the whole page; throws on critical or serious violations, prints the rest. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const loaded = await page.evaluate(() => 'axe' in globalThis)
  if (!loaded) await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const { axe } = globalThis as unknown as {
      axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> }
    }
    const result = await axe.run(
      { exclude: [] },
      {
        resultTypes: ['violations'],
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'best-practice'] }
      }
    )
    return result.violations
  })
  const found = violations as AxeViolation[]
  const blocking = found.filter((violation) => BLOCKING.has(violation.impact ?? ''))
  const reported = found.filter((violation) => !BLOCKING.has(violation.impact ?? ''))
  for (const violation of reported) {
    console.info(`[axe] ${screen}: ${describeViolation(violation)}`)
  }
  if (blocking.length > 0) {
    throw new Error(
      `axe-core on the ${screen} screen:\n${blocking.map(describeViolation).join('\n')}`
    )
  }
}

/**
 * Fails unless the focus is on the screen's first field: the one it marks `data-autofocus`, or
 * else its first enabled input, select or text area, inside `scope` (the screen's container).
 * Only a screen with no field at all (a receipt) may leave it on its heading.
 */
export async function expectFocusOnFirstField(
  page: Page,
  screen: string,
  scope = 'main'
): Promise<void> {
  const problem = await page.evaluate((selector) => {
    // This runs in the page; the test project compiles without DOM types, so name what we use.
    interface Node {
      tagName: string
      id: string
      disabled?: boolean
      getClientRects(): { length: number }
      querySelector(selector: string): Node | null
      querySelectorAll(selector: string): Iterable<Node>
    }
    const { document } = globalThis as unknown as {
      document: { activeElement: Node | null; querySelector(selector: string): Node | null }
    }
    const describe = (node: Node | null) =>
      node ? `<${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}>` : 'nothing'
    const container = document.querySelector(selector)
    if (!container) return `no ${selector} on screen`
    const usable = (nodes: Iterable<Node>) =>
      [...nodes].find((node) => !node.disabled && node.getClientRects().length > 0) ?? null
    const expected =
      container.querySelector('[data-autofocus]') ??
      usable(container.querySelectorAll('input:not([type=hidden]), select, textarea')) ??
      container.querySelector('h1')
    const active = document.activeElement
    if (expected && active === expected) return ''
    return `the focus is on ${describe(active)}, the first field is ${describe(expected)}`
  }, scope)
  if (problem) throw new Error(`on the ${screen} screen ${problem}`)
}
