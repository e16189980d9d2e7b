import { expect, it } from 'vitest'
import { describeCashier, expectNoTechnicalWords, searchCustomer, textOf } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'
import { backOnlineUntilRegistered, fillCardApproval } from './till'

describeCashier('cashier offline path', { openShift: true }, (session) => {
  it('serves the customer from the cache, takes the payment pending, then registers it', async () => {
    const { page, dataset, harness } = session
    const simulator = harness.simulator
    if (!simulator) throw new Error('needs the embedded simulator')
    // Under the offline cap: paid with the network down, it needs no supervisor.
    const bill = findBill(dataset, { idType: 'CC', maxAmount: OFFLINE_CAP })

    // Online once, so the cache knows the customer and the contract's bills.
    await searchCustomer(page, bill.idType, bill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).waitFor()

    simulator.setFaults({ refuseConnections: true })
    await simulator.settled()

    await searchCustomer(page, bill.idType, bill.identification)
    await page
      .getByText(/Sin conexión: datos guardados hace/)
      .first()
      .waitFor({ timeout: 30_000 })
    await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    await session.screenshot('offline-1-cached-customer')
    await expectNoTechnicalWords(page, 'offline customer')

    await page.keyboard.press('F4')
    await page.getByLabel('Tarjeta débito (datáfono)').check()
    await fillCardApproval(page)
    await page.keyboard.press('Enter')
    await page.getByTestId('receipt').waitFor()
    expect(await textOf(page.getByTestId('receipt-sync'))).toBe('PENDIENTE DE CONFIRMACIÓN')
    await expect
      .poll(() => textOf(page.getByTestId('pending')), { timeout: 30_000 })
      .toMatch(/^Pendientes: 1/)
    await expect
      .poll(() => textOf(page.getByTestId('connection')), { timeout: 30_000 })
      .toBe('Sin conexión')
    await session.screenshot('offline-2-pending-receipt')
    await expectNoTechnicalWords(page, 'pending receipt')

    await page.keyboard.press('F6')
    const item = page.getByTestId('outbox-item').filter({ hasText: bill.billNo })
    await item.waitFor()
    expect(await textOf(item.locator('.chip').first())).toMatch(/En cola|Enviando|Sin confirmar/)
    await item.getByRole('button', { name: 'Ver intentos' }).click()
    await item
      .getByText(/Todavía no se ha intentado enviar|Resultado/)
      .first()
      .waitFor()
    await session.screenshot('offline-3-outbox')
    await expectNoTechnicalWords(page, 'outbox')
    await page.keyboard.press('Escape')
    await page.getByTestId('receipt').waitFor()

    await backOnlineUntilRegistered(page, simulator)
    await session.screenshot('offline-4-registered')
    expect(simulator.registrationsByBill()[bill.billNo]).toBe(1)
  })
})
