/**
 * Printed type is readable: every font size in the generated page is at least 8 pt, at 80 and
 * 58 mm, and the receipt's TOTAL line is set larger than the body. Read from the HTML and CSS the
 * printer receives, so a size given in em, mm or px (which hides its point size) fails too.
 */
import { describe, expect, it } from 'vitest'

import { htmlDocument, MIN_FONT_PT } from '@main/print/page'
import { renderReceiptHtml } from '@main/print/receipt-html'
import { renderTestPageHtml } from '@main/print/test-page'
import { BUSINESS, T0, receipt } from './fixtures'

interface Rule {
  selector: string
  fontSize: string | undefined
}

function styleOf(html: string): string {
  const match = /<style>([\s\S]*?)<\/style>/.exec(html)
  if (!match?.[1]) throw new Error('no <style> in the page')
  return match[1]
}

function rulesOf(css: string): Rule[] {
  return [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].map(([, selector = '', body = '']) => ({
    selector: selector.trim(),
    fontSize: /font-size:\s*([^;}]+)/.exec(body)?.[1]?.trim()
  }))
}

/** Points of a CSS size; only `pt` is accepted, so the check reads what will print. */
function points(size: string): number {
  const match = /^(\d+(?:\.\d+)?)pt$/.exec(size)
  if (!match) throw new Error(`font size "${size}" is not in points`)
  return Number(match[1])
}

/** Every font size the page declares, in its style block and in any inline style. */
function fontSizes(html: string): string[] {
  const declared = rulesOf(styleOf(html)).flatMap((rule) => (rule.fontSize ? [rule.fontSize] : []))
  const inline = [...html.matchAll(/style="[^"]*font-size:\s*([^;"]+)/g)].map(([, size = '']) =>
    size.trim()
  )
  return [...declared, ...inline]
}

/** The size a `<div class="…">` gets: the last rule for one of its classes, else the body's. */
function sizeOfClasses(html: string, classes: string[]): number {
  const rules = rulesOf(styleOf(html))
  let size: string | undefined
  for (const rule of rules) {
    const selectors = rule.selector.split(',').map((part) => part.trim())
    const applies =
      selectors.includes('body') || classes.some((name) => selectors.includes(`.${name}`))
    if (applies && rule.fontSize) size = rule.fontSize
  }
  if (!size) throw new Error(`no font size for ${classes.join(' ')}`)
  return points(size)
}

function bodySize(html: string): number {
  return sizeOfClasses(html, [])
}

const base = { language: 'es' as const, business: BUSINESS, now: T0 + 60_000 }

describe.each([80, 58] as const)('printed type at %i mm', (paperWidth) => {
  it('sets every size of the receipt in points, none under 8 pt', async () => {
    const html = await renderReceiptHtml(receipt(), { ...base, paperWidth })
    const sizes = fontSizes(html)
    expect(sizes.length).toBeGreaterThan(2)
    for (const size of sizes) expect(points(size)).toBeGreaterThanOrEqual(MIN_FONT_PT)
    expect(MIN_FONT_PT).toBe(8)
  })

  it('prints the TOTAL larger than the body text', async () => {
    const html = await renderReceiptHtml(receipt(), { ...base, paperWidth })
    const totalRow = /<div class="([^"]+)"><span>TOTAL<\/span>/.exec(html)
    expect(totalRow?.[1]).toBeDefined()
    const totalSize = sizeOfClasses(html, (totalRow?.[1] ?? '').split(/\s+/))
    expect(totalSize).toBeGreaterThan(bodySize(html))
    // The smallest lines (notes, references) keep the floor too.
    expect(sizeOfClasses(html, ['small'])).toBeGreaterThanOrEqual(MIN_FONT_PT)
  })

  it('keeps the shared page (closing reports) and the test page at 8 pt or more', () => {
    const pages = [
      htmlDocument({ title: 'Cierre', language: 'es', paperWidth, body: '' }),
      renderTestPageHtml({
        printerName: 'EPSON',
        paperWidth,
        language: 'es',
        terminalId: 'CAJA-07',
        businessName: BUSINESS.name,
        now: T0
      })
    ]
    for (const html of pages) {
      for (const size of fontSizes(html)) expect(points(size)).toBeGreaterThanOrEqual(MIN_FONT_PT)
    }
  })
})
