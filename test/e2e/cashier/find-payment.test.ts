/**
 * Finding a receipt again (issue 13), at both cashier monitors: the receipt shows its number
 * (terminal and sequence, never the internal id); its QR code, scanned anywhere in Caja like a
 * keyboard wedge, opens that payment for a reprint; "Buscar pago" (F1) finds it by the
 * customer's NIT and by a bill number, and reprints it as a copy. Screens fit without scrolling.
 */
import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { formatReceiptCode } from '@shared/domain/receipt-number'
import { customerOf, findCustomerBills, OFFLINE_CAP, type BillSummary } from '@support/dataset'
import { expectNoTechnicalWords, scan, textOf } from './fixture'
import {
  describePrintingAtViewports,
  openContract,
  payInCash,
  pdfText,
  pesos,
  printedFile
} from './till'

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i

/** Terminal and sequence as the receipt screen shows them, e.g. CAJA-01-000002. */
async function receiptNumberOnScreen(page: Page): Promise<string> {
  const text = await textOf(page.getByTestId('receipt'))
  const receiptNo = /N\.º ([A-Za-z0-9_-]+-\d{6})/.exec(text)?.[1]
  if (!receiptNo) throw new Error(`no receipt number in "${text}"`)
  return receiptNo
}

/** Fails when the screen area has something to scroll or the element lies outside the window. */
async function expectFits(page: Page, name: string, locator: Locator): Promise<void> {
  const overflow = await page
    .locator('main.screen')
    .evaluate((el) => el.scrollHeight - el.clientHeight)
  expect(overflow, `${name}: the screen scrolls`).toBeLessThanOrEqual(0)
  // The navigation, with the F1 entry, holds on one row without a scroll of its own.
  const navOverflow = await page
    .getByRole('navigation', { name: 'Secciones' })
    .evaluate((el) => el.scrollWidth - el.clientWidth)
  expect(navOverflow, `${name}: the navigation overflows`).toBeLessThanOrEqual(0)
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  if (!box || !size) throw new Error(`${name}: not rendered`)
  expect(box.y + box.height, name).toBeLessThanOrEqual(size.height)
  expect(box.x + box.width, name).toBeLessThanOrEqual(size.width)
}

/** F5 on the receipt screen: a copy, which the PDF says, with the receipt's number. */
async function reprintShown(page: Page, receiptNo: string, bill: BillSummary): Promise<void> {
  await expect(
    textOf(page.getByTestId('receipt-print').getByRole('button').first())
  ).resolves.toMatch(/Reimprimir/)
  await page.keyboard.press('F5')
  const text = pdfText(await printedFile(page))
  expect(text).toContain('COPIA')
  expect(text).toContain(receiptNo)
  expect(text).toContain(bill.billNo)
  expect(text).toContain(pesos(bill.amount))
}

describePrintingAtViewports(
  'finding a receipt again at %s',
  { openShift: true },
  (session, viewport) => {
    const tag = `find-${viewport.width}`
    let paid: { bill: BillSummary; later: BillSummary; receiptNo: string } | undefined

    it('opens a payment from its QR code scanned on another screen, and reprints it', async () => {
      const { page, dataset } = session
      // Two bills of one customer: the second is paid later, so "Buscar pago" lists two payments.
      const [bill, later] = findCustomerBills(dataset, 2, { idType: 'NIT', maxAmount: OFFLINE_CAP })
      if (!bill || !later) throw new Error('findCustomerBills gave fewer than two bills')
      await openContract(page, bill)
      await payInCash(page, [bill])
      const receiptNo = await receiptNumberOnScreen(page)
      // People read the terminal and sequence; the internal id is nowhere on the screen.
      expect(await page.locator('body').innerText()).not.toMatch(UUID)
      paid = { bill, later, receiptNo }
      await session.screenshot(`${tag}-1-receipt`)

      // Elsewhere, typing in a field: the wedge types the QR's text and Enter.
      await page.keyboard.press('F2')
      const identification = page.getByTestId('identification')
      await identification.fill('900')
      await identification.focus()
      const [terminalId = '', sequence = ''] = /^(.+)-(\d{6})$/.exec(receiptNo)?.slice(1) ?? []
      await scan(page, formatReceiptCode(terminalId, Number(sequence)))

      await page.locator('.receipt-screen').waitFor()
      expect(await receiptNumberOnScreen(page)).toBe(receiptNo)
      expect(await textOf(page.getByTestId('receipt'))).toContain(bill.billNo)
      await expect
        .poll(() => textOf(page.getByTestId('notice')), { timeout: 10_000 })
        .toContain(`Recibo ${receiptNo} abierto`)
      await expectNoTechnicalWords(page, 'receipt')
      await session.screenshot(`${tag}-2-scanned`)
      await reprintShown(page, receiptNo, bill)

      // A receipt of another till is not here: the scan says so and the screen stays.
      await scan(page, formatReceiptCode('OTRA-CAJA', Number(sequence)))
      await expect
        .poll(() => textOf(page.getByTestId('notice')), { timeout: 10_000 })
        .toContain(`No se encontró el recibo OTRA-CAJA-${sequence}`)
      expect(await receiptNumberOnScreen(page)).toBe(receiptNo)
    })

    it('finds the payment by NIT and by bill number in "Buscar pago" (F1), and reprints it', async () => {
      const { page, dataset } = session
      if (!paid) throw new Error('the first test took no payment')
      const { bill, later, receiptNo } = paid
      await openContract(page, later)
      await payInCash(page, [later])
      const laterNo = await receiptNumberOnScreen(page)
      await page.keyboard.press('F1')
      await page.locator('.find-payment-screen').waitFor()
      const query = page.getByTestId('find-payment-query')
      const results = page.getByTestId('find-payment-results')

      // The NIT as written on paper, with dots and check digit.
      await query.fill(customerOf(dataset, bill).displayId)
      await query.press('Enter')
      const row = results.getByRole('row').filter({ hasText: receiptNo })
      await row.waitFor()
      // Both payments of the customer, the newest first.
      expect(await textOf(page.getByTestId('find-payment-count'))).toBe('2 pagos encontrados')
      expect(await textOf(results.getByRole('row').first())).toContain(laterNo)
      expect(await textOf(results.getByRole('row').nth(1))).toContain(receiptNo)
      const rowText = (await textOf(row)).replace(/[\u00a0\u202f]/g, ' ')
      expect(rowText).toContain(bill.billNo)
      expect(rowText).toContain(`$ ${pesos(bill.amount)}`)
      expect(rowText).toMatch(/\d{2}\/\d{2}\/\d{4}/) // es-CO: day first
      await expectFits(page, 'results', results)
      await expectNoTechnicalWords(page, 'find payment')
      await session.screenshot(`${tag}-3-by-nit`)

      // By bill number: one result, and Enter (focus went to it) opens it.
      await query.fill(bill.billNo)
      await query.press('Enter')
      await expect
        .poll(() => textOf(page.getByTestId('find-payment-count')))
        .toBe('1 pago encontrado')
      const open = results.getByRole('button', { name: 'Ver recibo' })
      await expect.poll(() => open.evaluate((el) => el.matches(':focus'))).toBe(true)
      await session.screenshot(`${tag}-4-by-bill`)
      await page.keyboard.press('Enter')
      await page.locator('.receipt-screen').waitFor()
      expect(await receiptNumberOnScreen(page)).toBe(receiptNo)
      await reprintShown(page, receiptNo, bill)
      await session.screenshot(`${tag}-5-reprinted`)

      // Back in "Buscar pago", the results are as they were.
      await page.keyboard.press('F1')
      await page.locator('.find-payment-screen').waitFor()
      expect(await textOf(page.getByTestId('find-payment-count'))).toBe('1 pago encontrado')
    })
  }
)
