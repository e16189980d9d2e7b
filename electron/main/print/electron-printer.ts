/**
 * Printing from the Electron main process: the document is loaded into a hidden, sandboxed window
 * from a data: URL, measured, and printed on a page exactly as wide as the roll and as tall as the
 * content (without an explicit pageSize thermal drivers print tiny or cropped). Jobs run one at a
 * time so two receipts never interleave on the printer.
 */
import { BrowserWindow } from 'electron'
import type { WebContents, WebContentsPrintOptions } from 'electron'

import { AppError } from '../../../shared/errors'
import type { Clock } from '../store/types'
import { PAPER } from './page'
import type { PrintJob, PrintOutcome, Printer } from './printer'
import { pageHeightMicrons, writePrintFile } from './printer'

export interface ElectronPrinterOptions {
  dataDir: string
  clock: Clock
  printerName: () => string
}

const FALLBACK_HEIGHT_PX = 1123 // A4 height at 96 dpi: better long than cut.
const MICRONS_PER_INCH = 25_400

export function dataUrl(html: string): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`
}

function isCancel(reason: string): boolean {
  return /cancel/i.test(reason)
}

async function measureHeightPx(contents: WebContents): Promise<number> {
  try {
    const value: unknown = await contents.executeJavaScript(
      'Math.ceil(document.documentElement.scrollHeight)',
      true
    )
    const px = Number(value)
    return Number.isFinite(px) && px > 0 ? px : FALLBACK_HEIGHT_PX
  } catch {
    return FALLBACK_HEIGHT_PX
  }
}

export function createElectronPrinter(options: ElectronPrinterOptions): Printer {
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  async function withPage<T>(
    job: PrintJob,
    work: (contents: WebContents, size: { width: number; height: number }) => Promise<T>
  ): Promise<T> {
    const paper = PAPER[job.paperWidth]
    const win = new BrowserWindow({
      show: false,
      width: Math.round((paper.widthMm / 25.4) * 96),
      height: 600,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false }
    })
    try {
      await win.loadURL(dataUrl(job.html))
      const height = pageHeightMicrons(await measureHeightPx(win.webContents))
      return await work(win.webContents, { width: paper.widthMm * 1000, height })
    } finally {
      if (!win.isDestroyed()) win.destroy()
    }
  }

  function print(job: PrintJob): Promise<PrintOutcome> {
    return serial(() =>
      withPage(job, (contents, pageSize) => {
        const deviceName = options.printerName().trim()
        const printOptions: WebContentsPrintOptions = {
          silent: deviceName !== '',
          printBackground: true,
          pageSize,
          margins: { marginType: 'none' },
          ...(deviceName !== '' ? { deviceName } : {})
        }
        return new Promise<PrintOutcome>((resolve, reject) => {
          contents.print(printOptions, (success, failureReason) => {
            if (success) resolve({ printed: true })
            else if (isCancel(failureReason)) resolve({ printed: false, cancelled: true })
            else {
              reject(
                new AppError(
                  'print_failed',
                  { printer: deviceName || '-', reason: failureReason || '-' },
                  `No se pudo imprimir: ${failureReason}`
                )
              )
            }
          })
        })
      })
    )
  }

  function savePdf(job: PrintJob): Promise<PrintOutcome & { file: string }> {
    return serial(() =>
      withPage(job, async (contents, size) => {
        const pdf = await contents.printToPDF({
          pageSize: {
            width: size.width / MICRONS_PER_INCH,
            height: size.height / MICRONS_PER_INCH
          },
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 }
        })
        const file = writePrintFile(options.dataDir, job, options.clock(), pdf)
        return { printed: true, file }
      })
    )
  }

  return { print, savePdf, close: async () => {} }
}
