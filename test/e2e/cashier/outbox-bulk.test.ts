/**
 * A supervisor decides several bills that need one at once: choose them, one note, confirm. In
 * Spanish, through the real services, the built renderer and Chromium.
 */
import { describe, expect, it } from 'vitest'
import { missingPrerequisite, textOf, useCashier } from './fixture'

describe.skipIf(missingPrerequisite !== undefined)('outbox bulk decision', () => {
  const session = useCashier({ as: 'supervisor' })

  it('marks two flagged bills registered with one note', async () => {
    const { page, harness, dataset } = session
    const services = harness.services
    // The engine stays out of it: these items are set up by hand as undecidable.
    await services.sync?.stop()
    const bills = dataset.unpaidBills.filter((bill) => bill.amount < 1_000_000).slice(0, 2)
    expect(bills).toHaveLength(2)
    for (const bill of bills) {
      const listed = await services.api.client.getBills(bill.contractId)
      services.cache.putBills(bill.contractId, bill.idType, bill.identification, listed)
      services.payments.registerPayment({
        terminalId: 'CAJA-01',
        cashier: { id: 'c1', name: 'Cajero Demo' },
        idType: bill.idType,
        identification: bill.identification,
        bills: [{ billNo: bill.billNo, contractId: bill.contractId, amount: bill.amount }],
        method: 'cash',
        tendered: bill.amount
      })
    }
    const ids = services.outbox.claimDue(Date.now(), 10).map((item) => item.id)
    services.outbox.markUncertain(ids, 'may have reached Tigo: timeout')
    services.outbox.flagForSupervisor(ids, '5 reconciles could not decide')

    await page.keyboard.press('F6')
    await page.locator('.outbox-screen').waitFor()
    await page.getByRole('button', { name: 'Elegir las que esperan supervisor' }).click()
    const panel = page.getByTestId('outbox-bulk-decision')
    expect(await textOf(panel.locator('h3'))).toBe('Decisión del supervisor para 2 facturas')
    await panel.getByLabel('Nota (evidencia o motivo)').fill('Tigo confirma ambos pagos')
    await panel.getByRole('button', { name: 'Marcar registrado' }).click()
    expect(await textOf(panel.locator('#bulk-confirm-text'))).toBe(
      '¿Confirmar «Marcar registrado» para 2 facturas con esta nota?'
    )
    await session.screenshot('outbox-bulk-1-confirm')
    await panel.getByRole('button', { name: 'Confirmar' }).click()

    await expect
      .poll(() => services.outbox.items(ids).map((item) => item.state), { timeout: 10_000 })
      .toEqual(['registered', 'registered'])
    await panel.waitFor({ state: 'detached' })
    await session.screenshot('outbox-bulk-2-done')
    const audit = services.audit.list({ action: 'outbox.supervisor_decision' })
    expect(audit).toHaveLength(2)
  })
})
