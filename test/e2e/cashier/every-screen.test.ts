/**
 * Every screen, at both cashier monitors, as a supervisor and as a cashier (issue 14): axe-core
 * finds no critical or serious violation, the focus lands on the screen's first field, and the
 * screens with the most engine- and audit-made text (outbox with an uncertain and an unsent
 * payment, audit with a supervisor's approval over a cap, a closed shift) read without
 * technical words. Each screen is saved as `a11y-<viewport>-<screen>.png` for a person to look at.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  approveAsSupervisor,
  changePin,
  DEMO_CASHIER,
  expectNoTechnicalWords,
  FIRST_SUPERVISOR_PIN,
  missingPrerequisite,
  searchCustomer,
  signIn,
  SUPERVISOR,
  textOf,
  useCashier,
  VIEWPORTS
} from './fixture'
import { findBills, OFFLINE_CAP, type BillSummary } from '@support/dataset'
import { expectAccessible, expectFocusOnFirstField } from './a11y'
import { openContract, payInCash, pesos, submitPayment } from './till'

/** Sets the simulator's faults through its admin API, as an operator would. */
async function setFaults(adminUrl: string, faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${adminUrl}/__admin/faults`, {
    method: 'POST',
    // A fresh connection each time: a kept-alive one the server has since closed fails.
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(faults)
  })
  if (!response.ok) throw new Error(`POST /__admin/faults answered ${response.status}`)
}

/**
 * Whether every "Restablecer PIN" button of the users list is on top at its centre and near its
 * four corners: nothing, such as the new-user panel, lies over any part of it.
 */
async function resetButtonsUncovered(page: Page): Promise<boolean[]> {
  const buttons = page.getByTestId('users-table').getByRole('button', { name: 'Restablecer PIN' })
  return buttons.evaluateAll((nodes) => {
    const { document } = globalThis as unknown as {
      document: { elementFromPoint(x: number, y: number): unknown }
    }
    return nodes.map((node) => {
      const r = node.getBoundingClientRect()
      // Inside the rounded corners, which hit-testing leaves to what is under them.
      const points: Array<[number, number]> = [
        [r.x + r.width / 2, r.y + r.height / 2],
        [r.left + r.width * 0.1, r.top + r.height * 0.25],
        [r.right - r.width * 0.1, r.top + r.height * 0.25],
        [r.left + r.width * 0.1, r.bottom - r.height * 0.25],
        [r.right - r.width * 0.1, r.bottom - r.height * 0.25]
      ]
      return points.every(([x, y]) => {
        const top = document.elementFromPoint(x, y)
        return top === node || node.contains(top as typeof node)
      })
    })
  })
}

/**
 * The raw text behind an engine note (codes, network errors) is a supervisor's: the "Detalles
 * técnicos" toggle is on the unsent payment's note for the supervisor signed in, and absent from
 * the same note for a cashier. Signs the cashier in and out, and leaves the supervisor on the
 * outbox again.
 */
async function expectTechnicalToggleOnlyForSupervisors(
  page: Page,
  unsent: BillSummary
): Promise<void> {
  const note = () =>
    page.getByTestId('outbox-item').filter({ hasText: unsent.billNo }).locator('.outbox-note')
  await note().first().waitFor({ timeout: 30_000 })
  expect(await note().getByText('Detalles técnicos').first().isVisible()).toBe(true)
  await page.getByTestId('sign-out').click()
  await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
  await page.keyboard.press('F6')
  // The note is there, in words, without the toggle.
  await note().first().waitFor({ timeout: 30_000 })
  expect(await note().first().innerText()).not.toBe('')
  expect(await note().getByText('Detalles técnicos').count()).toBe(0)
  expect(await note().locator('details').count()).toBe(0)
  await page.getByTestId('sign-out').click()
  await signIn(page, SUPERVISOR.name, SUPERVISOR.pin)
  await page.keyboard.press('F6')
  await note().first().waitFor({ timeout: 30_000 })
}

for (const [size, viewport] of Object.entries(VIEWPORTS)) {
  describe.skipIf(missingPrerequisite !== undefined)(`every screen at ${size}`, () => {
    const session = useCashier({ as: 'nobody', viewport })
    let bills: BillSummary[] = []

    /** Screenshot, axe-core and the focus on the first field, in that order. */
    async function check(screen: string, scope = 'main', focus = true): Promise<void> {
      const { page } = session
      if (focus) {
        // The screen may still be loading what its first field belongs to: wait for it, then
        // fail with the check's own words.
        const problem = () =>
          expectFocusOnFirstField(page, screen, scope).then(
            () => '',
            (error: Error) => error.message
          )
        await expect
          .poll(problem)
          .toBe('')
          .catch(() => undefined)
        await expectFocusOnFirstField(page, screen, scope)
      }
      await session.screenshot(`a11y-${size}-${screen}`)
      // The shell never scrolls as a page: only the screen does, under the status bar.
      expect(
        await page.evaluate(() => (globalThis as unknown as { scrollY: number }).scrollY)
      ).toBe(0)
      await expectAccessible(page, screen)
    }

    it('signs in and changes the first PIN', async () => {
      const { page, dataset } = session
      bills = findBills(dataset, 5, { maxAmount: OFFLINE_CAP })
      await page.getByTestId('sign-in-form').waitFor()
      await check('sign-in', '.session-screen')
      await signIn(page, SUPERVISOR.name, FIRST_SUPERVISOR_PIN)
      await page.getByTestId('change-pin-form').waitFor()
      await check('change-pin', '.session-screen')
      await changePin(page, FIRST_SUPERVISOR_PIN, SUPERVISOR.pin)
      await page.locator('[data-session="open"]').waitFor()
      await check('search-first')
    })

    it('opens a shift, finds a customer, pays and shows the receipt and the payment link', async () => {
      const { page } = session
      const [bill, linked] = bills as [BillSummary, BillSummary]
      await page.keyboard.press('F7')
      await page.getByTestId('opening-float').waitFor()
      await check('shift-open')
      await page.getByTestId('opening-float').fill(pesos(0))
      await page.getByRole('button', { name: 'Abrir turno' }).click()
      await page.getByTestId('shift-summary').waitFor()

      await page.keyboard.press('F2')
      await page.locator('main[data-screen="search"]').waitFor()
      await check('search')
      await searchCustomer(page, bill.idType, bill.identification)
      await check('customer')
      await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
      await page.getByLabel(`Pagar la factura ${bill.billNo}`).waitFor({ timeout: 30_000 })
      await check('customer-bills', 'main', false)
      await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
      await page.keyboard.press('F4')
      await page.locator('.pay-screen').waitFor()
      await check('pay')
      await page.getByTestId('tendered').fill(pesos(bill.amount))
      await page.keyboard.press('Enter')
      await page.getByTestId('receipt').waitFor()
      await expect
        .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
        .toBe('REGISTRADO EN TIGO')
      await check('receipt')
      await expectNoTechnicalWords(page, 'receipt')

      await openContract(page, linked)
      await page.getByLabel(`Pagar la factura ${linked.billNo}`).check()
      await page.keyboard.press('F9')
      await page.locator('main[data-screen="checkout"]').waitFor()
      await check('checkout')
    })

    it('shows an uncertain and an unsent payment in the outbox in plain words', async () => {
      const { page, harness } = session
      const simulator = harness.simulator
      if (!simulator) throw new Error('needs the embedded simulator')
      const adminUrl = simulator.adminUrl
      const [, , uncertain, unsent] = bills as [BillSummary, BillSummary, BillSummary, BillSummary]

      // Both customers looked up while Tigo answers, so the second is in the offline cache.
      await openContract(page, unsent)
      await openContract(page, uncertain)
      // Tigo books the payment and the answer is lost: the till cannot know.
      await setFaults(adminUrl, { dropAfterCommitRate: 1, paths: 'payments/register$' })
      await payInCash(page, [uncertain], 'Tarjeta débito (datáfono)')
      // Tigo down: the payment waits, not sent.
      await setFaults(adminUrl, { dropAfterCommitRate: 0, paths: null })
      // The admin API shares the closed listener: this one fault is set in-process.
      simulator.setFaults({ refuseConnections: true })
      await simulator.settled()
      try {
        await openContract(page, unsent)
        await payInCash(page, [unsent], 'Tarjeta débito (datáfono)')
        await page.keyboard.press('F6')
        for (const bill of [uncertain, unsent]) {
          await page.getByTestId('outbox-item').filter({ hasText: bill.billNo }).waitFor()
        }
        await check('outbox')
        await expectTechnicalToggleOnlyForSupervisors(page, unsent)
      } finally {
        simulator.setFaults({ refuseConnections: false })
        await simulator.settled()
      }
      for (const bill of [uncertain, unsent]) {
        const item = page.getByTestId('outbox-item').filter({ hasText: bill.billNo })
        await item.getByRole('button', { name: 'Ver intentos' }).click()
        await item
          .getByText(/Resultado/)
          .first()
          .waitFor({ timeout: 30_000 })
      }
      await check('outbox-attempts', 'main', false)
      await expectNoTechnicalWords(page, 'outbox')
    })

    it('audits a supervisor approval over the waiting-total cap in plain words', async () => {
      const { page, harness } = session
      const [, , , , over] = bills as [
        BillSummary,
        BillSummary,
        BillSummary,
        BillSummary,
        BillSummary
      ]
      harness.services.settings.update({ caps: { maxPendingTotal: 1_000 } })
      await openContract(page, over)
      await submitPayment(page, [over], 'Tarjeta débito (datáfono)')
      await page.getByTestId('request-approval').click()
      const dialog = page.getByTestId('supervisor-approval')
      await dialog.waitFor()
      await check('approval', '[data-testid="supervisor-approval"]')
      await approveAsSupervisor(page)
      await page.getByTestId('receipt').waitFor()

      // A lock and a wrong PIN: entries whose reasons are codes (manual, wrong_pin).
      await page.keyboard.press('Control+l')
      const unlock = page.getByTestId('unlock-form')
      await unlock.getByLabel('PIN', { exact: true }).fill('9753')
      await unlock.getByLabel('PIN', { exact: true }).press('Enter')
      await unlock.getByText(/PIN incorrecto/).waitFor()
      await unlock.getByLabel('PIN', { exact: true }).fill(SUPERVISOR.pin)
      await unlock.getByLabel('PIN', { exact: true }).press('Enter')
      await page.getByTestId('lock-screen').waitFor({ state: 'detached' })

      await page.keyboard.press('F11')
      await page.locator('main[data-screen="audit"]').waitFor()
      const entries = page.getByTestId('audit-entries')
      await entries.getByText('Intento fallido de Supervisor (PIN equivocado).').waitFor()
      await entries.getByText('Se bloqueó la pantalla (a pedido de quien la usaba).').waitFor()
      await page.getByTestId('audit-entries').getByRole('row').nth(1).waitFor()
      expect(
        harness.services.audit.list({ action: 'payment.pending_total_override' })
      ).toHaveLength(1)
      await check('audit')
      await expectNoTechnicalWords(page, 'audit')
    })

    it('validates, imports, sets and lists users without covering a button', async () => {
      const { page, dataset } = session
      await page.keyboard.press('F8')
      await page.locator('main[data-screen="validate"]').waitFor()
      await check('validate')
      await page.keyboard.press('F3')
      await page.locator('main[data-screen="batch"]').waitFor()
      await check('batch')
      // A file with one good row and one of an unknown bill: the preview table with both.
      const [paid] = bills as [BillSummary]
      const csv = [
        'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago;referencia_externa',
        `${paid.idType};${paid.identification};${paid.contractId};${paid.billNo};${paid.amount};efectivo;${dataset.today} 09:00;A11Y-1`,
        `${paid.idType};${paid.identification};${paid.contractId};0000000;1000;efectivo;${dataset.today} 09:00;A11Y-2`
      ].join('\n')
      await page.getByTestId('batch-file').setInputFiles({
        name: 'a11y.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'utf8')
      })
      await page.getByTestId('batch-row').first().waitFor({ timeout: 30_000 })
      await check('batch-preview', 'main', false)
      await expectNoTechnicalWords(page, 'batch preview')
      await page.keyboard.press('F10')
      await page.locator('main[data-screen="settings"]').waitFor()
      await check('settings-supervisor')
      await page.keyboard.press('F12')
      await page.getByTestId('user-row').first().waitFor()
      await check('users')
      const rows = await page.getByTestId('user-row').count()
      // Polled: the list may still be drawing its last row.
      await expect
        .poll(() => resetButtonsUncovered(page))
        .toEqual(Array.from({ length: rows }, () => true))
      const reset = page
        .getByTestId('user-row')
        .first()
        .getByRole('button', { name: 'Restablecer PIN' })
      expect(await reset.isVisible()).toBe(true)
      // A real click (Playwright refuses one on a covered button) opens the row's PIN form.
      await reset.click({ timeout: 5_000 })
      await page.getByTestId('user-row').first().locator('form').waitFor()
    })

    it('closes the shift and shows the report in plain words', async () => {
      const { page } = session
      await page.keyboard.press('F7')
      await page.getByTestId('blind-count').waitFor()
      await check('shift-running')
      await page.getByTestId('closing-review').click()
      await page.getByTestId('closing-line-cash').waitFor()
      await page.getByTestId('difference-reason').fill('Conteo de prueba')
      await page.getByRole('button', { name: 'Cerrar turno', exact: true }).click()
      const approval = page.getByTestId('closing-request-approval')
      if ((await approval.count()) > 0) {
        await approval.click()
        await approveAsSupervisor(page)
        await page.getByTestId('closing-approved').waitFor()
        await page.getByRole('button', { name: 'Cerrar turno', exact: true }).click()
      }
      await page
        .getByTestId('closing-confirm')
        .getByRole('button', { name: 'Sí, cerrar el turno' })
        .click()
      await page.getByTestId('closing-report').waitFor()
      await check('closing-report', 'main', false)
      await expectNoTechnicalWords(page, 'closing report')
      await page.keyboard.press('F2')
      await page.keyboard.press('F7')
      await page.getByTestId('shift-history').waitFor()
      await check('shift-closed')
      await expectNoTechnicalWords(page, 'closed shift')
    })

    it('shows a cashier only the cashier settings, and the lock', async () => {
      const { page } = session
      await page.getByTestId('sign-out').click()
      await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
      await page.locator('[data-session="open"]').waitFor()
      await page.keyboard.press('F10')
      await page.locator('main[data-screen="settings"]').waitFor()
      await check('settings-cashier')
      await page.keyboard.press('Control+l')
      await page.getByTestId('lock-screen').waitFor()
      await check('lock', '[data-testid="lock-screen"]')
    })
  })
}
