/**
 * Receipts on paper: the harness printer writes real PDFs under `<dataDir>/prints/`, read back
 * with pdftotext. Online the paper says the payment is registered, offline that it waits for
 * confirmation; every reprint (receipt screen, outbox, customer file) says COPIA.
 */
import { existsSync } from 'node:fs'
import { expect, it } from 'vitest'
import { searchCustomer, textOf } from './fixture'
import { findBill, OFFLINE_CAP, type BillSummary } from '@support/dataset'
import {
  describePrinting,
  openContract,
  payInCash,
  pdfText,
  pesos,
  printedFile,
  renderPdf
} from './till'

describePrinting('receipts: print, save PDF and reprint', { openShift: true }, (session) => {
  /** Its contract's only unpaid bill, payable offline without a supervisor. */
  function unpaid(idType: 'NIT' | 'CC', exclude: readonly string[] = []): BillSummary {
    return findBill(session.dataset, {
      idType,
      maxAmount: OFFLINE_CAP,
      onlyUnpaidOfContract: true,
      exclude
    })
  }

  it('prints a registered payment with F5, then a copy marked COPIA', async () => {
    const { page, harness } = session
    const bill = unpaid('NIT')
    await openContract(page, bill)
    await payInCash(page, [bill])
    await expect
      .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
      .toBe('REGISTRADO EN TIGO')
    // One name for the receipt, on screen as on paper (issue 14: not "Comprobante").
    expect(await page.getByRole('heading', { name: 'Recibo de pago', exact: true }).count()).toBe(1)
    expect(await textOf(page.getByTestId('receipt'))).toMatch(/^Recibo de pago/)

    await page.keyboard.press('F5')
    const file = await printedFile(page)
    expect(file.startsWith(harness.dataDir)).toBe(true)
    expect(existsSync(file)).toBe(true)
    const text = pdfText(file)
    expect(text).toContain('PAGO REGISTRADO EN TIGO')
    expect(text).toContain('RECIBO DE PAGO')
    expect(text).not.toMatch(/comprobante/i)
    expect(text).toContain(bill.billNo)
    expect(text).toContain(pesos(bill.amount))
    expect(text).not.toContain('COPIA')
    expect(text).not.toContain('PENDIENTE DE CONFIRMACIÓN')
    await session.screenshot('receipt-1-printed')

    // Printed once: the button now makes a copy.
    const actions = page.getByTestId('receipt-print')
    await actions.getByRole('button', { name: 'Guardar copia en PDF' }).click()
    await expect.poll(() => printedFile(page), { timeout: 60_000 }).not.toBe(file)
    const copy = pdfText(await printedFile(page))
    expect(copy).toContain('COPIA')
    expect(copy).toContain(pesos(bill.amount))
    await session.screenshot('receipt-2-copy')
  })

  it('prints an offline payment as PENDIENTE DE CONFIRMACIÓN and reprints it from the outbox', async () => {
    const { page, harness } = session
    const simulator = harness.simulator
    if (!simulator) throw new Error('needs the embedded simulator')
    const first = unpaid('NIT')
    const bill = unpaid('CC', [first.contractId])
    await openContract(page, bill)

    simulator.setFaults({ refuseConnections: true })
    await simulator.settled()
    try {
      await payInCash(page, [bill])
      expect(await textOf(page.getByTestId('receipt-sync'))).toBe('PENDIENTE DE CONFIRMACIÓN')
      const receiptText = await textOf(page.getByTestId('receipt'))
      // Terminal and sequence, e.g. CAJA-01-000002: the same on screen and on paper.
      const receiptNo = /N\.º ([A-Z0-9-]+-\d{6})/.exec(receiptText)?.[1]
      if (!receiptNo) throw new Error(`no receipt number in "${receiptText}"`)

      await page.getByTestId('receipt-print').getByRole('button', { name: 'Imprimir' }).click()
      const file = await printedFile(page)
      const text = pdfText(file)
      expect(text).toContain('PENDIENTE DE CONFIRMACIÓN')
      expect(text).toContain(bill.billNo)
      expect(text).toContain(pesos(bill.amount))
      expect(text).not.toContain('PAGO REGISTRADO EN TIGO')
      const png = renderPdf(file, 'receipt-pdf-pending')
      expect(existsSync(png)).toBe(true)
      await session.screenshot('receipt-3-pending-printed')

      await page.keyboard.press('F6')
      const entry = page.locator('.outbox-entry').filter({ hasText: bill.billNo })
      await entry.waitFor()
      await entry.getByRole('button', { name: 'Reimprimir (COPIA)' }).click()
      const reprinted = pdfText(await printedFile(page, entry.getByTestId('reprint-actions')))
      expect(reprinted).toContain('COPIA')
      expect(reprinted).toContain('PENDIENTE DE CONFIRMACIÓN')
      expect(reprinted).toContain(`${receiptNo}`)
      await session.screenshot('receipt-4-outbox-reprint')
    } finally {
      simulator.setFaults({ refuseConnections: false })
      await simulator.settled()
    }
  })

  it('reprints a payment taken here from the customer file (search)', async () => {
    const { page } = session
    const bill = unpaid('NIT')
    await searchCustomer(page, bill.idType, bill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
    const taken = page.getByTestId('local-payment').filter({ hasText: bill.billNo })
    await taken.waitFor({ timeout: 30_000 })
    await taken.getByRole('button', { name: 'Guardar copia en PDF' }).click()
    const text = pdfText(await printedFile(page, taken.getByTestId('reprint-actions')))
    expect(text).toContain('COPIA')
    expect(text).toContain(bill.billNo)
    expect(text).toContain('PAGO REGISTRADO EN TIGO')
    await session.screenshot('receipt-5-search-reprint')
  })
})
