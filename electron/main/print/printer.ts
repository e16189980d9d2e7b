/**
 * Printing, whatever the printer is: the Electron implementation drives the till's thermal printer
 * (or the system dialog, or a PDF); the Node implementation (the browser harness, tests) writes a
 * real PDF with headless Chromium. Both are loaded on first use, so the app never loads
 * playwright and the harness never loads electron.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

import type { Clock } from '../store/types'
import type { PaperWidth } from './page'

export type PrintKind = 'receipt' | 'copy' | 'closing'

export interface PrintJob {
  html: string
  paperWidth: PaperWidth
  kind: PrintKind
  /** Receipt number, or the shift id of a closing: the first part of the PDF's name. */
  number: number
}

export interface PrintOutcome {
  printed: boolean
  /** The cashier closed the print dialog without printing. */
  cancelled?: boolean
  /** Set when a PDF was written. */
  file?: string
}

export interface Printer {
  /** Prints on the configured printer, or asks the system dialog when none is configured. */
  print(job: PrintJob): Promise<PrintOutcome>
  /** Writes the job as a PDF under `<dataDir>/prints/` and returns where. */
  savePdf(job: PrintJob): Promise<PrintOutcome & { file: string }>
  close(): Promise<void>
}

export type PrinterOptions =
  | {
      mode: 'electron'
      dataDir: string
      clock: Clock
      /** The printer's system name; '' = let the cashier pick in the system dialog. */
      printerName: () => string
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

/** CSS pixels (96 per inch) of a measured document → microns, plus a little paper to tear. */
export function pageHeightMicrons(cssPixels: number): number {
  const tearOffMicrons = 10_000
  const microns = Math.ceil((cssPixels * 25_400) / 96) + tearOffMicrons
  return Math.min(Math.max(microns, 50_000), 5_000_000)
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
              printerName: options.printerName
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
    async close() {
      if (loaded) await (await loaded).close()
    }
  }
}
