/**
 * Printing, whatever the printer is: the Electron implementation drives the till's thermal printer
 * (or the system dialog, or a PDF); the Node implementation (the browser harness, tests) writes a
 * real PDF with headless Chromium. Both are loaded on first use, so the app never loads
 * playwright and the harness never loads electron.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { BrowserWindow } from 'electron'
import type { Clock } from '@main/store/types'
import type { PaperWidth } from './page'

export type PrintKind = 'receipt' | 'copy' | 'closing' | 'test'

export interface PrintJob {
  html: string
  paperWidth: PaperWidth
  kind: PrintKind
  /** Receipt number, or the shift id of a closing: the first part of the PDF's name. */
  number: number
  /** This printer instead of the one in Settings (a test print of a choice not yet saved). */
  printerName?: string
}

export interface PrintOutcome {
  printed: boolean
  /** The cashier closed the print dialog without printing. */
  cancelled?: boolean
  /** Set when a PDF was written. */
  file?: string
}

/** A printer the operating system knows, by the name Electron's `deviceName` needs. */
export interface SystemPrinter {
  /** The system-defined name (`Brother_QL_820NWB`), what `deviceName` must be. */
  name: string
  /** The friendly name to show (`Brother QL-820NWB`). */
  displayName: string
  description: string
}

export interface Printer {
  /** Prints on the configured printer, or asks the system dialog when none is configured. */
  print(job: PrintJob): Promise<PrintOutcome>
  /** Writes the job as a PDF under `<dataDir>/prints/` and returns where. */
  savePdf(job: PrintJob): Promise<PrintOutcome & { file: string }>
  /** The system's printers (empty where there is no print system, as in the harness). */
  listPrinters(): Promise<SystemPrinter[]>
  close(): Promise<void>
}

/**
 * How long a job may take before the cashier is told it failed. Electron's print callback may
 * never fire (a driver that hangs, a printer unplugged mid-job); without a bound, the one-job
 * queue would wait forever and every later receipt with it. The system dialog waits for a person,
 * so it gets longer.
 */
export const PRINT_TIMEOUTS = { silentMs: 60_000, dialogMs: 300_000, pdfMs: 60_000 }

/**
 * The receipt's own height in CSS px: the body (the receipt, padding included) as laid out,
 * not the document's scrollHeight, which is never less than the measuring window's height and
 * so added blank paper under every short receipt.
 */
export const MEASURE_RECEIPT_SCRIPT =
  '(() => { const r = document.body.getBoundingClientRect(); return Math.ceil(r.bottom + window.scrollY) })()'

export type PrinterOptions =
  | {
      mode: 'electron'
      dataDir: string
      clock: Clock
      /** The printer's system name; '' = let the cashier pick in the system dialog. */
      printerName: () => string
      /** The till's window: the print dialog is its child, not a window of its own. */
      parentWindow?: () => BrowserWindow | undefined
      timeouts?: Partial<typeof PRINT_TIMEOUTS>
    }
  | {
      mode: 'pdf-file'
      dataDir: string
      clock: Clock
      /** Debian's Chromium unless told otherwise. */
      chromiumPath?: string
    }

export function printsDir(dataDir: string): string {
  return join(dataDir, 'prints')
}

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace('.', '')
}

/** `<dataDir>/prints/<number>-<kind>-<timestamp>.pdf`, never overwriting an earlier print. */
export function writePrintFile(
  dataDir: string,
  job: PrintJob,
  now: number,
  pdf: Uint8Array
): string {
  const dir = printsDir(dataDir)
  mkdirSync(dir, { recursive: true })
  const base = `${job.number}-${job.kind}-${stamp(now)}`
  for (let n = 0; ; n++) {
    const file = join(dir, n === 0 ? `${base}.pdf` : `${base}-${n}.pdf`)
    try {
      writeFileSync(file, pdf, { flag: 'wx' })
      return file
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error
    }
  }
}

/**
 * CSS pixels (96 per inch) of the measured receipt → microns. Nothing is added: the receipt's
 * own bottom padding (page.ts, 6 mm) is the paper to tear, so the blank tail stays a few mm.
 */
export function pageHeightMicrons(cssPixels: number): number {
  const microns = Math.ceil((cssPixels * 25_400) / 96)
  return Math.min(Math.max(microns, 20_000), 5_000_000)
}

export function createPrinter(options: PrinterOptions): Printer {
  let loaded: Promise<Printer> | undefined
  const load = (): Promise<Printer> => {
    loaded ??=
      options.mode === 'electron'
        ? import('./electron-printer').then((m) =>
            m.createElectronPrinter({
              dataDir: options.dataDir,
              clock: options.clock,
              printerName: options.printerName,
              ...(options.parentWindow ? { parentWindow: options.parentWindow } : {}),
              ...(options.timeouts ? { timeouts: options.timeouts } : {})
            })
          )
        : import('./pdf-file-printer').then((m) =>
            m.createPdfFilePrinter({
              dataDir: options.dataDir,
              clock: options.clock,
              ...(options.chromiumPath ? { chromiumPath: options.chromiumPath } : {})
            })
          )
    return loaded
  }
  return {
    print: async (job) => (await load()).print(job),
    savePdf: async (job) => (await load()).savePdf(job),
    listPrinters: async () => (await load()).listPrinters(),
    async close() {
      if (loaded) await (await loaded).close()
    }
  }
}
