/** The receipts and audit channels' handlers over a real store, with a printer that records jobs. */
import { afterEach, describe, expect, it } from 'vitest'

import { auditHandlers } from '@main/audit/handlers'
import { receiptHandlers } from '@main/print/receipt-handlers'
import type { Printer, PrintJob } from '@main/print/printer'
import { DEFAULT_SETTINGS } from '@main/settings/settings-store'
import { createShiftService } from '@main/shifts/shift-service'
import { T0, openSeededStore, paymentInput, removeTempDirs } from '@support/store-world'

afterEach(removeTempDirs)

const ANA = { id: 'c1', name: 'Ana Cajera' }

function world(printOutcome: Awaited<ReturnType<Printer['print']>> | Error = { printed: true }) {
  const store = openSeededStore()
  const jobs: PrintJob[] = []
  const printer: Printer = {
    async print(job) {
      jobs.push(job)
      if (printOutcome instanceof Error) throw printOutcome
      return printOutcome
    },
    async savePdf(job) {
      jobs.push(job)
      return { printed: true, file: `/tmp/${job.number}-${job.kind}.pdf` }
    },
    listPrinters: async () => [],
    close: async () => {}
  }
  const shifts = createShiftService({
    db: store.db,
    clock: () => store.now.value,
    audit: store.audit
  })
  const handlers = receiptHandlers({
    payments: store.payments,
    shifts,
    printer,
    audit: store.audit,
    settings: { get: () => ({ ...DEFAULT_SETTINGS, paperWidth: 58 }) },
    clock: () => store.now.value,
    cashier: () => ANA,
    business: () => ({ name: 'Recaudos Centro', nit: '900.123.456-8', address: 'Cra. 7' })
  })
  return { store, jobs, handlers, shifts }
}

describe('receipt handlers', () => {
  it('prints the receipt on the roll width set up, and a reprint as an audited COPIA', async () => {
    const { store, jobs, handlers } = world()
    const receipt = store.payments.registerPayment(paymentInput())
    const auditBefore = store.audit.list().length

    await expect(
      handlers['receipts:print']({ paymentId: receipt.id, reprint: false })
    ).resolves.toEqual({ printed: true })
    expect(jobs[0]).toMatchObject({ kind: 'receipt', paperWidth: 58, number: receipt.receiptNo })
    expect(jobs[0]?.html).toContain('PENDIENTE DE CONFIRMACIÓN')
    expect(jobs[0]?.html).not.toContain('COPIA')
    expect(store.audit.list()).toHaveLength(auditBefore)

    store.now.value = T0 + 86_400_000
    await handlers['receipts:print']({ paymentId: receipt.id, reprint: true })
    expect(jobs[1]).toMatchObject({ kind: 'copy' })
    expect(jobs[1]?.html).toContain('COPIA')
    expect(jobs[1]?.html).toContain('Reimpreso: 02/03/2025, 08:00:00')
    expect(store.audit.list({ action: 'receipt.reprinted' })).toEqual([
      expect.objectContaining({
        actor: 'c1',
        at: T0 + 86_400_000,
        details: {
          paymentId: receipt.id,
          receiptNo: receipt.receiptNo,
          terminalId: 'T1',
          outcome: 'printed'
        }
      })
    ])

    const pdf = await handlers['receipts:savePdf']({ paymentId: receipt.id, reprint: false })
    expect(pdf.file).toBe(`/tmp/${receipt.receiptNo}-receipt.pdf`)
    const { html } = await handlers['receipts:preview']({ paymentId: receipt.id, reprint: false })
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    store.db.close()
  })

  it('audits a reprint even when the printer fails, and refuses an unknown payment', async () => {
    const { store, handlers } = world(Object.assign(new Error('offline')))
    const receipt = store.payments.registerPayment(paymentInput())
    await expect(
      handlers['receipts:print']({ paymentId: receipt.id, reprint: true })
    ).rejects.toThrow('offline')
    expect(store.audit.list({ action: 'receipt.reprinted' })[0]?.details).toMatchObject({
      outcome: 'failed'
    })
    await expect(
      handlers['receipts:print']({ paymentId: 'nope', reprint: false })
    ).rejects.toMatchObject({ code: 'payment_not_found' })
    store.db.close()
  })

  it('prints a closing report only once the shift is closed', async () => {
    const { store, jobs, handlers, shifts } = world()
    const shift = shifts.open({ terminalId: 'T1', cashier: ANA, openingFloat: 50_000 })
    expect(() => handlers['receipts:printClosing']({ shiftId: shift.id, pdf: false })).toThrow(
      expect.objectContaining({ code: 'shift_not_closed' })
    )
    shifts.close({ terminalId: 'T1', counted: { cash: 50_000 }, actor: ANA })
    await handlers['receipts:printClosing']({ shiftId: shift.id, pdf: false })
    expect(jobs[0]).toMatchObject({ kind: 'closing', number: shift.id })
    expect(jobs[0]?.html).toContain('CIERRE DE CAJA')
    expect(store.audit.list({ action: 'shift.report_printed' })).toHaveLength(1)
    store.db.close()
  })
})

describe('audit:list handler', () => {
  it('filters by time, actor and action and pages newest first, with ISO times', async () => {
    const { store } = world()
    store.audit.record('sup1', 'outbox.retry', { n: 1 })
    store.now.value = T0 + 1000
    store.audit.record('c1', 'receipt.reprinted', { n: 2 })
    store.now.value = T0 + 2000
    store.audit.record('c1', 'receipt.reprinted', { n: 3 })
    const list = auditHandlers({ audit: store.audit })['audit:list']
    const page = await list({ actor: 'c1', action: 'receipt.reprinted', limit: 1, offset: 0 })
    expect(page).toEqual([
      expect.objectContaining({
        actor: 'c1',
        at: new Date(T0 + 2000).toISOString(),
        details: { n: 3 }
      })
    ])
    const windowed = await list({
      from: new Date(T0 + 500).toISOString(),
      to: new Date(T0 + 1500).toISOString(),
      limit: 10,
      offset: 0
    })
    expect(windowed.map((e) => e.details)).toEqual([{ n: 2 }])
    expect(() => list({ from: 'ayer', limit: 10, offset: 0 })).toThrow(
      expect.objectContaining({ code: 'invalid_input' })
    )
    store.db.close()
  })
})
