/**
 * Offline, a scanned bill that was never looked up: the barcode alone opens it "sin verificar"
 * at once, the cashier types the customer at the counter, the receipt prints pending with the
 * bill unverified. Back online the engine checks the bill with Tigo and registers it once.
 */
import { mkdirSync } from 'node:fs'
import { expect, it } from 'vitest'
import { describeAtViewports, expectNoTechnicalWords, scan, textOf } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'
import { backOnlineUntilRegistered, pesos } from './till'

const SHOTS = '/work/shots/h-a'

describeAtViewports(
  'offline scan of an uncached bill at %s',
  { openShift: true },
  (session, viewport) => {
    const shot = async (name: string) => {
      mkdirSync(SHOTS, { recursive: true })
      await session.page.screenshot({ path: `${SHOTS}/unverified-${viewport.width}-${name}.png` })
      await session.screenshot(`unverified-${viewport.width}-${name}`)
    }

    it('takes it "sin verificar", then verifies and registers it once back online', async () => {
      const { page, dataset, harness } = session
      const simulator = harness.simulator
      if (!simulator) throw new Error('needs the embedded simulator')
      // Never looked up in this session: nothing about it is cached.
      const bill = findBill(dataset, { maxAmount: OFFLINE_CAP })

      simulator.setFaults({ refuseConnections: true })
      await simulator.settled()
      // The scan's own lookup finds Tigo unreachable: the barcode alone then opens the bill.
      await scan(page, bill.barcodes.human)
      const typed = page.getByTestId('typed-customer')
      await typed.waitFor({ timeout: 30_000 })
      await expect
        .poll(() => textOf(page.getByTestId('connection')), { timeout: 30_000 })
        .toBe('Sin conexión')
      const line = page.getByTestId('basket-line')
      expect(await textOf(line)).toContain(bill.referencePayment)
      expect(await textOf(line)).toContain('Sin verificar')
      expect(await textOf(page.getByTestId('pay-total'))).toContain(
        bill.amount.toLocaleString('es-CO')
      )
      await shot('1-scanned')
      await expectNoTechnicalWords(page, 'unverified scan')

      await typed.getByLabel('Tipo de documento').selectOption(bill.idType)
      await typed.getByLabel('Número de documento').fill(bill.identification)
      await typed.getByRole('button', { name: 'Usar este cliente' }).click()
      await typed.waitFor({ state: 'detached' })
      await page.getByTestId('tendered').fill(pesos(bill.amount))
      await page.keyboard.press('Enter')
      await page.getByTestId('receipt').waitFor()
      expect(await textOf(page.getByTestId('receipt-sync'))).toBe('PENDIENTE DE CONFIRMACIÓN')
      expect(await textOf(page.getByTestId('receipt-unverified'))).toBe('Sin verificar')
      expect(await textOf(page.getByTestId('receipt'))).toContain(bill.identification)
      await shot('2-pending-receipt')
      await expectNoTechnicalWords(page, 'unverified receipt')

      await backOnlineUntilRegistered(page, simulator)
      // Checked with Tigo: the receipt now shows Tigo's bill number, no longer unverified.
      expect(await page.getByTestId('receipt-unverified').count()).toBe(0)
      expect(await textOf(page.getByTestId('receipt'))).toContain(bill.billNo)
      await shot('3-registered')
      expect(simulator.registrationsByBill()[bill.billNo]).toBe(1)
    })
  }
)
