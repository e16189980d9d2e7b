import { expect, it } from 'vitest'
import { describeCashier, expectNoTechnicalWords, searchCustomer, textOf } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'

describeCashier('cashier golden path', { openShift: true }, (session) => {
  it('finds a customer, pays two bills in cash and shows the receipt registered', async () => {
    const { page, dataset } = session
    const bill = findBill(dataset, { idType: 'NIT', maxAmount: OFFLINE_CAP / 2 })
    expect(await textOf(page.getByTestId('demo-banner'))).toMatch(/MODO DEMOSTRACIÓN/)

    await searchCustomer(page, 'NIT', bill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    const second = dataset.unpaidBills.find(
      (other) =>
        other.contractId === bill.contractId &&
        other.billNo !== bill.billNo &&
        other.amount <= OFFLINE_CAP / 2
    )
    if (second) await page.getByLabel(`Pagar la factura ${second.billNo}`).check()
    const total = bill.amount + (second?.amount ?? 0)
    await session.screenshot('golden-1-customer')
    await expectNoTechnicalWords(page, 'customer')

    await page.keyboard.press('F4')
    await page.locator('.pay-screen').waitFor()
    const tendered = Math.ceil((total + 1) / 10_000) * 10_000
    await page.getByTestId('tendered').fill(tendered.toLocaleString('es-CO'))
    expect(await textOf(page.getByTestId('change'))).toContain(
      (tendered - total).toLocaleString('es-CO')
    )
    await session.screenshot('golden-2-pay')
    await expectNoTechnicalWords(page, 'pay')
    await page.keyboard.press('Enter')

    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await textOf(receipt)).toContain(bill.billNo)
    await expect
      .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
      .toBe('REGISTRADO EN TIGO')
    await session.screenshot('golden-3-receipt')
    await expectNoTechnicalWords(page, 'receipt')
    expect(session.harness.simulator?.registrationsByBill()[bill.billNo]).toBe(1)
  })

  it('keeps a 10,000-bill contract under 800 DOM nodes', async () => {
    const { page, dataset } = session
    const large = dataset.largeCustomer
    await searchCustomer(page, large.idType, large.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${large.contractId}`) }).click()
    await page
      // With the thousands separator: "Facturas (10.000)".
      .getByRole('heading', { name: `Facturas (${large.billCount.toLocaleString('es-CO')})` })
      .waitFor({ timeout: 30_000 })
    const nodes = await page.locator('*').count()
    expect(large.billCount).toBeGreaterThanOrEqual(10_000)
    expect(nodes).toBeLessThan(800)
    await session.screenshot('golden-4-large-contract')
    await expectNoTechnicalWords(page, 'large contract')

    await page.getByRole('button', { name: 'Ver pagos' }).first().click()
    const payments = page.locator('.bill-payments')
    await payments.getByRole('table').waitFor()
    expect(await payments.getByRole('row').count()).toBeGreaterThan(1)
    await session.screenshot('golden-5-bill-payments')
  })
})
