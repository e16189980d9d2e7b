import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { charsPerLine, PAPER } from '@main/print/page'
import { missingPrerequisite, textOf, useCashier } from './fixture'

describe.skipIf(missingPrerequisite !== undefined)('printer settings', () => {
  // Listing printers and test prints are a supervisor's (settings) business.
  const session = useCashier({ as: 'supervisor' })

  it('offers the system printers instead of a free-text name, and prints a test page', async () => {
    const { page } = session
    await page.keyboard.press('F10')
    const printer = page.getByTestId('settings-printerName')
    // A select, not a text box: Electron needs the system's name for the printer.
    expect(await printer.evaluate((element) => element.tagName)).toBe('SELECT')
    // The harness has no print system: only "ask every time", and the screen says why.
    expect(await printer.locator('option').allTextContents()).toEqual([
      'Preguntar cada vez (diálogo del sistema)'
    ])
    await page.getByText('El sistema no informó ninguna impresora.', { exact: false }).waitFor()

    await page.getByTestId('test-print').click()
    const result = page.getByTestId('test-print-result')
    await result.waitFor()
    // The harness's printer keeps what the printer would get as a PDF: read it back.
    const text = await textOf(result)
    expect(text).toMatch(/^Prueba guardada en PDF: /)
    const file = text.replace('Prueba guardada en PDF: ', '')
    expect(existsSync(file)).toBe(true)
    const pdf = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(pdf).toContain('PRUEBA DE IMPRESIÓN')
    // The ruler is one line of 80 mm paper in the receipt's 9 pt type (37 characters), no more.
    const chars = charsPerLine(PAPER[80])
    const ruler = Array.from({ length: chars + 1 }, (_unused, i) => String((i + 1) % 10)).join('')
    expect(chars).toBe(37)
    expect(pdf).toContain(ruler.slice(0, chars))
    expect(pdf).not.toContain(ruler)
    await session.screenshot('settings-printer-test')
  })
})
