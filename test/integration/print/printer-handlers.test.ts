/** `printers:list` and `printers:testPrint` over a real store and audit log. */
import { afterEach, describe, expect, it } from 'vitest'

import { printerHandlers } from '@main/print/printer-handlers'
import type { Printer, PrintJob } from '@main/print/printer'
import { DEFAULT_SETTINGS } from '@main/settings/settings-store'
import { AppError } from '@shared/errors'
import { translateError } from '@shared/i18n'
import { openStore, removeTempDirs } from '@support/store-world'

afterEach(removeTempDirs)

const SUPERVISOR = { id: 's1', name: 'Sara Supervisora' }

function world(outcome: Awaited<ReturnType<Printer['print']>> | Error = { printed: true }) {
  const store = openStore()
  const jobs: PrintJob[] = []
  const printer: Pick<Printer, 'print' | 'listPrinters'> = {
    async print(job) {
      jobs.push(job)
      if (outcome instanceof Error) throw outcome
      return outcome
    },
    listPrinters: async () => [
      { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: 'USB' }
    ]
  }
  const handlers = printerHandlers({
    printer,
    settings: { get: () => ({ ...DEFAULT_SETTINGS, terminalId: 'CAJA-07', printerName: 'Old' }) },
    audit: store.audit,
    clock: () => store.now.value,
    cashier: () => SUPERVISOR
  })
  return { store, jobs, handlers }
}

describe('printer handlers', () => {
  it("lists the system's printers by system name", async () => {
    const { handlers } = world()
    await expect(handlers['printers:list']({})).resolves.toEqual([
      { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: 'USB' }
    ])
  })

  it('prints a test page on the printer and paper chosen on screen, not the saved ones, and audits it', async () => {
    const { store, jobs, handlers } = world()
    await expect(
      handlers['printers:testPrint']({ printerName: 'EPSON_TM_T20III', paperWidth: 58 })
    ).resolves.toEqual({ printed: true })
    expect(jobs[0]).toMatchObject({
      kind: 'test',
      paperWidth: 58,
      printerName: 'EPSON_TM_T20III'
    })
    expect(jobs[0]?.html).toContain('PRUEBA DE IMPRESIÓN')
    expect(jobs[0]?.html).toContain('CAJA-07')
    // The ruler is exactly as many characters as a 58 mm roll holds in 8 pt type (28).
    expect(jobs[0]?.html).toContain('>1234567890123456789012345678<')
    expect(store.audit.list({ action: 'printer.test_printed' })).toEqual([
      expect.objectContaining({
        actor: 's1',
        details: { printer: 'EPSON_TM_T20III', paperWidth: 58, outcome: 'printed' }
      })
    ])
  })

  it('passes a timeout on with its translated message, and audits the failure', async () => {
    const timeout = new AppError('print_timeout', { printer: 'EPSON_TM_T20III', seconds: 60 })
    const { store, handlers } = world(timeout)
    await expect(
      handlers['printers:testPrint']({ printerName: 'EPSON_TM_T20III', paperWidth: 80 })
    ).rejects.toMatchObject({ code: 'print_timeout' })
    expect(translateError('es', timeout.code, timeout.params)).toBe(
      'La impresora «EPSON_TM_T20III» no respondió en 60 segundos. Revise que esté encendida, conectada y con papel, y vuelva a imprimir.'
    )
    expect(translateError('en', timeout.code, timeout.params)).toMatch(/did not answer within 60/)
    expect(store.audit.list({ action: 'printer.test_printed' })[0]?.details).toMatchObject({
      outcome: 'failed'
    })
  })
})
