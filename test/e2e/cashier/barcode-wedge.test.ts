import { describe, expect, it } from 'vitest'
import { missingPrerequisite, useCashier, scan, textOf } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'

describe.skipIf(missingPrerequisite !== undefined)('barcode wedge scanner', () => {
  const session = useCashier()

  it('opens a scanned bill ready to pay while the cashier is typing in a search field', async () => {
    const { page, dataset } = session
    const bill = findBill(dataset, { maxAmount: OFFLINE_CAP })
    const identification = page.getByTestId('identification')
    await identification.fill('900')
    await identification.focus()

    // ]C1 prefix and GS separators (typed as Ctrl+]), as many wedge scanners send them.
    await scan(page, bill.barcodes.symbologyGs)

    await page.locator('.pay-screen').waitFor()
    expect(await page.getByLabel(new RegExp(bill.billNo)).isChecked()).toBe(true)
    expect(await textOf(page.getByTestId('pay-total'))).toContain(
      bill.amount.toLocaleString('es-CO')
    )
    await session.screenshot('barcode-1-scanned-bill')

    await page.keyboard.press('Escape')
    await page.locator('.search-screen').waitFor()
  })

  it('accepts the parenthesised human-readable form from any screen', async () => {
    const { page, dataset } = session
    // Another customer than the first test's bill (still in the basket).
    const first = findBill(dataset, { maxAmount: OFFLINE_CAP })
    const bill = findBill(dataset, { maxAmount: OFFLINE_CAP, exclude: [first.identification] })
    await page.keyboard.press('F6')
    await page.locator('.outbox-screen').waitFor()
    await scan(page, bill.barcodes.human)
    await page.locator('.pay-screen').waitFor()
    // The first test left its bill in the basket: a bill of another customer asks first.
    const ask = page.getByTestId('switch-customer')
    await ask.getByRole('button', { name: /Empezar un pago nuevo/ }).click()
    await ask.waitFor({ state: 'detached' })
    expect(await page.getByLabel(new RegExp(bill.billNo)).isChecked()).toBe(true)
    expect(await page.getByTestId('basket-line').count()).toBe(1)
  })

  it('says so when a scan is not a valid bill barcode', async () => {
    const { page, dataset } = session
    const bill = findBill(dataset)
    // A wrong GLN check digit: the shape of a barcode, but not one a biller printed.
    const broken = bill.barcodes.human.replace(
      /^\(415\)(\d{12})(\d)/,
      (_, body: string, check: string) => `(415)${body}${(Number(check) + 1) % 10}`
    )
    await page.keyboard.press('F2')
    await scan(page, broken)
    await expect
      .poll(() => textOf(page.getByTestId('notice')), { timeout: 10_000 })
      .toMatch(/código/i)
    await session.screenshot('barcode-2-invalid')
  })
})
