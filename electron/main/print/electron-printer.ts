/**
 * Printing from the Electron main process: the document is loaded into a hidden, sandboxed window
 * from a data: URL, measured, and printed on a page exactly as wide as the roll and as tall as the
 * receipt (without an explicit pageSize thermal drivers print tiny or cropped). Jobs run one at a
 * time so two receipts never interleave on the printer, and each is bounded by a timeout so one
 * that never answers cannot hold the queue.
 */
import { BrowserWindow } from 'electron'
import type { WebContents, WebContentsPrintOptions } from 'electron'

import { AppError } from '@shared/errors'
import type { Clock } from '@main/store/types'
import { PAPER } from './page'
import type { PrintJob, PrintOutcome, Printer, SystemPrinter } from './printer'
import {
  MEASURE_RECEIPT_SCRIPT,
  PRINT_TIMEOUTS,
  pageHeightMicrons,
  writePrintFile
} from './printer'

export interface ElectronPrinterOptions {
  dataDir: string
  clock: Clock
  printerName: () => string
  /** The till's window: parent of the hidden print window, so the system dialog is its child. */
  parentWindow?: () => BrowserWindow | undefined
  timeouts?: Partial<typeof PRINT_TIMEOUTS>
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
    const value: unknown = await contents.executeJavaScript(MEASURE_RECEIPT_SCRIPT, true)
    const px = Number(value)
    return Number.isFinite(px) && px > 0 ? px : FALLBACK_HEIGHT_PX
  } catch {
    return FALLBACK_HEIGHT_PX
  }
}

/** `work` or a `print_timeout` AppError after `ms`, whichever comes first. */
function within<T>(ms: number, printer: string, work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new AppError(
            'print_timeout',
            { printer, seconds: Math.round(ms / 1000) },
            `La impresora no respondió en ${Math.round(ms / 1000)} s`
          )
        ),
      ms
    )
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

export function createElectronPrinter(options: ElectronPrinterOptions): Printer {
  const timeouts = { ...PRINT_TIMEOUTS, ...options.timeouts }
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  function liveParent(): BrowserWindow | undefined {
    const parent = options.parentWindow?.()
    return parent && !parent.isDestroyed() ? parent : undefined
  }

  /**
   * Loads the job in a hidden window, measures it and runs `work`, all within `limit.ms`. The
   * window is destroyed in every case, a timeout included: that ends a stuck job, and the
   * one-job queue moves on.
   */
  async function withPage<T>(
    job: PrintJob,
    limit: { ms: number; printer: string },
    work: (contents: WebContents, size: { width: number; height: number }) => Promise<T>
  ): Promise<T> {
    const paper = PAPER[job.paperWidth]
    const parent = liveParent()
    const win = new BrowserWindow({
      show: false,
      width: Math.round((paper.widthMm / 25.4) * 96),
      height: 600,
      ...(parent ? { parent } : {}),
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false }
    })
    try {
      return await within(
        limit.ms,
        limit.printer,
        (async () => {
          await win.loadURL(dataUrl(job.html))
          const height = pageHeightMicrons(await measureHeightPx(win.webContents))
          return work(win.webContents, { width: paper.widthMm * 1000, height })
        })()
      )
    } finally {
      if (!win.isDestroyed()) win.destroy()
    }
  }

  function print(job: PrintJob): Promise<PrintOutcome> {
    const deviceName = (job.printerName ?? options.printerName()).trim()
    const silent = deviceName !== ''
    const printer = deviceName || '-'
    const ms = silent ? timeouts.silentMs : timeouts.dialogMs
    return serial(() =>
      withPage(job, { ms, printer }, (contents, pageSize) => {
        const printOptions: WebContentsPrintOptions = {
          silent,
          printBackground: true,
          pageSize,
          margins: { marginType: 'none' },
          ...(silent ? { deviceName } : {})
        }
        return new Promise<PrintOutcome>((resolve, reject) => {
          contents.print(printOptions, (success, failureReason) => {
            if (success) resolve({ printed: true })
            else if (isCancel(failureReason)) resolve({ printed: false, cancelled: true })
            else {
              reject(
                new AppError(
                  'print_failed',
                  { printer, reason: failureReason || '-' },
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
      withPage(job, { ms: timeouts.pdfMs, printer: 'PDF' }, async (contents, size) => {
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

  /**
   * The system's printers (webContents.getPrintersAsync, docs/api/web-contents.md). `deviceName`
   * must be the system-defined `name`, never the friendly `displayName`; a typed name got
   * "Invalid deviceName provided".
   */
  async function listPrinters(): Promise<SystemPrinter[]> {
    const parent = liveParent()
    const found = parent
      ? await parent.webContents.getPrintersAsync()
      : await (async () => {
          const win = new BrowserWindow({ show: false, webPreferences: { sandbox: true } })
          try {
            return await win.webContents.getPrintersAsync()
          } finally {
            if (!win.isDestroyed()) win.destroy()
          }
        })()
    return found.map((info) => ({
      name: info.name,
      displayName: info.displayName || info.name,
      description: info.description ?? ''
    }))
  }

  return { print, savePdf, listPrinters, close: async () => {} }
}
