/**
 * A customer found by contract or by barcode comes without an id type: the cashier confirms it
 * before paying (pre-filled only where the number shows it), and the registration goes to that
 * customer's path. Picks bills by property from the dataset summary.
 */
import { describe, expect, it } from 'vitest'
import { missingPrerequisite, scan, textOf, useCashier } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'

describe.skipIf(missingPrerequisite !== undefined)('id type confirmation', () => {
  const session = useCashier({ openShift: true })

  it('asks for a cédula customer found by contract, and registers the payment as CC', async () => {
    const { page, dataset } = session
    // Under the offline cap, in case the network blinks.
    const bill = findBill(dataset, { idType: 'CC', maxAmount: OFFLINE_CAP })

    await page.keyboard.press('F2')
    await page.getByTestId('contract-id').fill(bill.contractId)
    await page.getByTestId('contract-id').press('Enter')
    await page.locator('.customer-screen').waitFor()

    const confirm = page.getByTestId('id-type-confirm')
    await confirm.waitFor()
    expect(await textOf(page.locator('.customer-screen .subtitle'))).toContain(
      'tipo de documento sin confirmar'
    )
    // Nothing is pre-filled: a bare number does not show whether it is a cédula or a NIT.
    expect(await confirm.getByLabel('Tipo de documento').inputValue()).toBe('')
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    expect(
      await page
        .locator('.customer-screen')
        .getByRole('button', { name: /^Pagar/ })
        .isDisabled()
    ).toBe(true)
    await session.screenshot('id-type-1-unconfirmed')

    // F4 still reaches the pay screen, which asks too and will not take the payment yet.
    await page.keyboard.press('F4')
    await page.locator('.pay-screen').waitFor()
    await confirm.waitFor()
    expect(await page.getByRole('button', { name: /Confirmar pago/ }).isDisabled()).toBe(true)

    await confirm.getByLabel('Tipo de documento').selectOption('CC')
    await confirm.getByRole('button', { name: 'Confirmar tipo de documento' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(await textOf(page.locator('.pay-screen .subtitle'))).toContain(
      `Cédula de ciudadanía ${bill.identification}`
    )
    await session.screenshot('id-type-2-confirmed')

    await page.getByTestId('tendered').fill(bill.amount.toLocaleString('es-CO'))
    await page.getByRole('button', { name: /Confirmar pago/ }).click()
    await page.getByTestId('receipt').waitFor()
    await expect
      .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
      .toBe('REGISTRADO EN TIGO')

    const sent = (session.harness.simulator?.ledger() ?? []).filter((entry) =>
      entry.bills.some((item) => item.billNo === bill.billNo)
    )
    expect(sent.map((entry) => `/customers/${entry.idType}/${entry.identification}`)).toEqual([
      `/customers/CC/${bill.identification}`
    ])
  })

  it('pre-fills NIT for a scanned bill whose owner shows a NIT check digit, and still asks', async () => {
    const { page, dataset } = session
    // Another customer than the first test's, never looked up here.
    const bill = findBill(dataset, { idType: 'NIT', maxAmount: OFFLINE_CAP })
    await page.keyboard.press('F2')
    await scan(page, bill.barcodes.human)
    await page.locator('.pay-screen').waitFor()
    const confirm = page.getByTestId('id-type-confirm')
    await confirm.waitFor()
    expect(await confirm.getByLabel('Tipo de documento').inputValue()).toBe('NIT')
    expect(await textOf(confirm)).toContain('Sugerido: NIT')
    expect(await page.getByRole('button', { name: /Confirmar pago/ }).isDisabled()).toBe(true)
    await session.screenshot('id-type-3-suggested')

    await confirm.getByRole('button', { name: 'Confirmar tipo de documento' }).click()
    await confirm.waitFor({ state: 'detached' })
    expect(await page.getByRole('button', { name: /Confirmar pago/ }).isDisabled()).toBe(false)
  })
})
