/** The printer the services use: the till's (Electron), PDF files (harness, tests), or one given. */
import type { SettingsStore } from '@main/settings/settings-store'
import type { Clock } from '@main/store/types'
import { createPrinter, type Printer, type PrinterOptions } from './printer'

/**
 * Default `{ mode: 'electron' }` (the till's printer); the harness and tests pass
 * `{ mode: 'pdf-file' }` (a PDF under `<dataDir>/prints/`), or their own printer.
 */
export type PrinterChoice =
  | Pick<Extract<PrinterOptions, { mode: 'electron' }>, 'mode' | 'parentWindow' | 'timeouts'>
  | Omit<Extract<PrinterOptions, { mode: 'pdf-file' }>, 'dataDir' | 'clock'>
  | Printer

function isPrinter(value: PrinterChoice): value is Printer {
  return typeof value === 'object' && 'print' in value
}

export function buildPrinter(
  choice: PrinterChoice | undefined,
  deps: { dataDir: string; settings: SettingsStore; clock: Clock }
): Printer {
  const chosen = choice ?? { mode: 'electron' as const }
  if (isPrinter(chosen)) return chosen
  const { dataDir, clock } = deps
  if (chosen.mode === 'electron') {
    return createPrinter({
      ...chosen,
      dataDir,
      clock,
      printerName: () => deps.settings.get().printerName
    })
  }
  return createPrinter({ ...chosen, dataDir, clock })
}
