/**
 * `printers:*`: the system's printer list for the Settings screen, and a test page on the
 * printer and paper chosen there, so the cashier never types a printer's name.
 */
import type { printerChannels } from '@shared/ipc/channels/printers'
import type { Printer } from './printer'
import { renderTestPageHtml } from './test-page'
import type { SettingsStore } from '@main/settings/settings-store'
import type { AuditLog } from '@main/audit/audit-log'
import type { Clock, Person } from '@main/store/types'
import type { ChannelHandlers } from '@main/ipc'

export interface PrinterHandlerDeps {
  printer: Pick<Printer, 'print' | 'listPrinters'>
  settings: Pick<SettingsStore, 'get'>
  audit: Pick<AuditLog, 'record'>
  clock: Clock
  cashier: () => Person
}

export function printerHandlers(deps: PrinterHandlerDeps): ChannelHandlers<typeof printerChannels> {
  return {
    'printers:list': async () =>
      (await deps.printer.listPrinters()).map(({ name, displayName, description }) => ({
        name,
        displayName,
        description
      })),

    'printers:testPrint': async (input) => {
      const stored = deps.settings.get()
      const html = renderTestPageHtml({
        printerName: input.printerName,
        paperWidth: input.paperWidth,
        language: stored.language,
        terminalId: stored.terminalId,
        businessName: stored.businessName,
        now: deps.clock()
      })
      let outcome = 'failed'
      try {
        const result = await deps.printer.print({
          html,
          paperWidth: input.paperWidth,
          kind: 'test',
          number: 0,
          printerName: input.printerName
        })
        outcome = result.cancelled ? 'cancelled' : result.file ? 'pdf' : 'printed'
        return result
      } finally {
        deps.audit.record(deps.cashier().id, 'printer.test_printed', {
          printer: input.printerName || '-',
          paperWidth: input.paperWidth,
          outcome
        })
      }
    }
  }
}
