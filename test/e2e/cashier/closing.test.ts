/**
 * A cashier's day: open the shift with a float, take payments (cash online, card offline so one
 * stays unconfirmed), move cash in and out, close counting each method, and check the numbers on
 * screen, on the printed closing report (pdftotext) and in the CSV export.
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { missingPrerequisite, useCashier, textOf } from './fixture'
import { findBills, OFFLINE_CAP, type BillSummary } from '../../support/dataset'
import {
  missingPdfTools,
  openContract,
  payInCash,
  pdfText,
  pesos,
  printedFile,
  renderPdf
} from './till'

const FLOAT = 200_000
const CASH_IN = 20_000
const CASH_OUT = 50_000
const SHORT_BY = 1_000

describe.skipIf(missingPrerequisite !== undefined || missingPdfTools !== undefined)(
  'shift and closing',
  () => {
    const session = useCashier()

    it('opens, takes payments, moves cash, closes and prints the report with the right totals', async () => {
      const { page, dataset, harness } = session
      const simulator = harness.simulator
      if (!simulator) throw new Error('needs the embedded simulator')
      // The card payment is taken offline: under the cap, it needs no supervisor.
      const [cash1, cash2, card] = findBills(dataset, 3, { maxAmount: OFFLINE_CAP }) as [
        BillSummary,
        BillSummary,
        BillSummary
      ]

      await page.keyboard.press('F7')
      await page.getByRole('heading', { name: 'Turno y cierre de caja' }).waitFor()
      await page.getByTestId('opening-float').fill(pesos(FLOAT))
      await page.getByRole('button', { name: 'Abrir turno' }).click()
      await page.getByTestId('shift-summary').waitFor()
      await session.screenshot('closing-1-opened')

      for (const bill of [cash1, cash2]) {
        await openContract(page, bill)
        await payInCash(page, [bill])
        await expect
          .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
          .toBe('REGISTRADO EN TIGO')
      }
      await openContract(page, card)
      simulator.setFaults({ refuseConnections: true })
      await simulator.settled()
      try {
        await payInCash(page, [card], 'Tarjeta débito (datáfono)')
        expect(await textOf(page.getByTestId('receipt-sync'))).toBe('PENDIENTE DE CONFIRMACIÓN')

        await page.keyboard.press('F7')
        await page.getByTestId('shift-summary').waitFor()
        await page.getByTestId('move-kind').selectOption('in')
        await page.getByTestId('move-amount').fill(pesos(CASH_IN))
        await page.getByTestId('move-reason').fill('Sencillo de la caja principal')
        await page.getByRole('button', { name: 'Registrar movimiento' }).click()
        await expect.poll(() => textOf(page.getByTestId('notice'))).toContain('Entrada')
        await page.getByTestId('move-kind').selectOption('out')
        await page.getByTestId('move-amount').fill(pesos(CASH_OUT))
        await page.getByTestId('move-reason').fill('Consignación al banco')
        await page.getByRole('button', { name: 'Registrar movimiento' }).click()
        await expect.poll(() => textOf(page.getByTestId('notice'))).toContain('Salida')

        const cashTaken = cash1.amount + cash2.amount
        const expectedCash = FLOAT + cashTaken + CASH_IN - CASH_OUT
        const cashLine = page.getByTestId('closing-line-cash')
        await expect.poll(() => textOf(cashLine)).toContain(pesos(expectedCash))
        const cardLine = page.getByTestId('closing-line-debit_card')
        expect(await textOf(cardLine)).toContain(pesos(card.amount))
        await expect.poll(() => textOf(page.getByTestId('unsettled'))).toContain(card.billNo)

        await page.getByTestId('counted-cash').fill(pesos(expectedCash - SHORT_BY))
        await page.getByTestId('counted-debit_card').fill(pesos(card.amount))
        expect((await textOf(cashLine)).replace(/\s+/g, ' ')).toContain(
          `Faltante $ ${pesos(SHORT_BY)}`
        )
        expect(await textOf(cardLine)).toContain('Cuadra')
        await session.screenshot('closing-2-counting')

        await page.getByRole('button', { name: 'Cerrar turno' }).click()
        const report = page.getByTestId('closing-report')
        await report.waitFor()
        const totals = await textOf(report.getByTestId('report-totals'))
        expect(totals).toContain(pesos(cashTaken + card.amount))
        expect(totals).toContain(pesos(expectedCash + card.amount))
        expect(totals).toContain(pesos(expectedCash - SHORT_BY + card.amount))
        expect(totals).toContain('Faltante')
        await report.getByRole('heading').first().scrollIntoViewIfNeeded()
        await session.screenshot('closing-3-report')

        await report.getByRole('button', { name: 'Imprimir' }).click()
        const file = await printedFile(page, report)
        expect(existsSync(file)).toBe(true)
        const text = pdfText(file)
        expect(text).toContain('CIERRE DE CAJA')
        expect(text).toContain(pesos(FLOAT))
        expect(text).toContain(pesos(CASH_IN))
        expect(text).toContain(pesos(CASH_OUT))
        expect(text).toContain(pesos(expectedCash))
        expect(text).toContain(pesos(expectedCash - SHORT_BY))
        expect(text).toContain(pesos(cashTaken + card.amount))
        expect(text).toContain(pesos(SHORT_BY))
        expect(text).toMatch(/1 FACTURA\(S\) SIN CONFIRMAR POR TIGO/)
        expect(text).toContain(card.billNo)
        renderPdf(file, 'closing-pdf')

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          report.getByRole('button', { name: 'Exportar CSV' }).click()
        ])
        expect(download.suggestedFilename()).toMatch(/^cierre-\d+\.csv$/)
        const csv = readFileSync(await download.path(), 'utf8')
        expect(csv).toContain(String(expectedCash))
        expect(csv).toContain(String(expectedCash - SHORT_BY))
        expect(csv).toContain(card.billNo)

        const history = page.getByTestId('shift-history')
        await history.waitFor()
        expect(await history.locator('tbody tr').count()).toBe(1)
        expect(await textOf(history)).toContain('Cajero Demo')
        await page.getByTestId('opening-float').waitFor()
        await session.screenshot('closing-4-history')
      } finally {
        simulator.setFaults({ refuseConnections: false })
        await simulator.settled()
      }
    })
  }
)
