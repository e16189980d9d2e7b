/**
 * The printer of the browser harness and the tests: every job becomes a real PDF, rendered by
 * headless Chromium exactly as the thermal printer would get it (roll width, content height), so
 * `pdftotext` can read it back. Chromium starts on the first job and is reused.
 */
import type { Browser } from 'playwright-core'
import { chromium } from 'playwright-core'

import type { Clock } from '@main/store/types'
import { PAPER } from './page'
import type { PrintJob, PrintOutcome, Printer } from './printer'
import { MEASURE_RECEIPT_SCRIPT, pageHeightMicrons, writePrintFile } from './printer'

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

export interface PdfFilePrinterOptions {
  dataDir: string
  clock: Clock
  chromiumPath?: string
}

export function createPdfFilePrinter(options: PdfFilePrinterOptions): Printer {
  let browser: Promise<Browser> | undefined
  let queue: Promise<unknown> = Promise.resolve()

  function launch(): Promise<Browser> {
    browser ??= chromium
      .launch({ executablePath: options.chromiumPath ?? DEFAULT_CHROMIUM, args: CHROMIUM_ARGS })
      .catch((error: unknown) => {
        browser = undefined
        throw error
      })
    return browser
  }

  async function render(job: PrintJob): Promise<Uint8Array> {
    const paper = PAPER[job.paperWidth]
    const page = await (
      await launch()
    ).newPage({
      viewport: { width: Math.round((paper.widthMm / 25.4) * 96), height: 600 },
      javaScriptEnabled: false
    })
    try {
      await page.setContent(job.html, { waitUntil: 'load' })
      const heightPx = await page.evaluate(MEASURE_RECEIPT_SCRIPT)
      const microns = pageHeightMicrons(Number(heightPx))
      return await page.pdf({
        width: `${paper.widthMm}mm`,
        height: `${microns / 1000}mm`,
        printBackground: true,
        margin: { top: '0', right: '0', bottom: '0', left: '0' }
      })
    } finally {
      await page.close()
    }
  }

  function savePdf(job: PrintJob): Promise<PrintOutcome & { file: string }> {
    const work = async () => {
      const pdf = await render(job)
      return { printed: true, file: writePrintFile(options.dataDir, job, options.clock(), pdf) }
    }
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    // With no printer attached, "printing" is keeping the PDF the printer would have received.
    print: savePdf,
    savePdf,
    // No print system here: the settings screen offers the system dialog and PDF only.
    listPrinters: async () => [],
    async close() {
      const running = browser
      browser = undefined
      if (running) await (await running.catch(() => undefined))?.close()
    }
  }
}
