/**
 * A cashier's day under the till's money rules (issue 14): refused a payment with no shift open,
 * one key to open it; then cash, card (offline, so one stays unconfirmed) and cheque payments,
 * cash in and out, a BLIND count by denomination with a shortage, the reason it requires, a
 * supervisor's approval above the threshold, the confirmation, and the report: on screen, printed
 * (pdftotext) and in the CSV export.
 */
import { existsSync, readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { expect, it } from 'vitest'
import { DENOMINATIONS } from '@shared/ipc/channels/shifts'
import type { CashCount } from '@shared/ipc/channels/shifts'
import { approveAsSupervisor, DEMO_CASHIER, signIn, SUPERVISOR, textOf } from './fixture'
import { findBills, OFFLINE_CAP, type BillSummary } from '@support/dataset'
import {
  CARD_APPROVAL,
  CHEQUE,
  describePrinting,
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
/** Above the default supervisor threshold ($ 10.000): the closing needs a supervisor. */
const SHORT_BY = 12_000

/** What the cheque and card payments record of their own (till.ts fills them in). */
const METHOD_REFERENCES = [CHEQUE.bank, CHEQUE.checkNumber, CARD_APPROVAL.approvalCode]

/** The fewest bills and coins for `pesos` (a multiple of 50, the smallest coin). */
function piecesFor(pesos: number): CashCount {
  const count: CashCount = {}
  let left = pesos
  for (const d of DENOMINATIONS) {
    const n = Math.floor(left / d.value)
    if (n > 0) count[d.key] = n
    left -= n * d.value
  }
  if (left !== 0) throw new Error(`${pesos} is not a multiple of 50`)
  return count
}

/** Squeezes the spaces of a cell's text, so "Faltante $ 12.000" reads the same in every font. */
const squeeze = (text: string) => text.replace(/\s+/g, ' ')

async function signInAsCashier(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click()
  await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
  await page.locator('[data-session="open"]').waitFor()
}

// The supervisor signs in first (choosing a PIN), so it can approve later; then the cashier.
describePrinting('shift and closing', { as: 'supervisor' }, (session) => {
  it('refuses a cashier a payment with no shift open, with one key to open it', async () => {
    const { page, dataset } = session
    await signInAsCashier(page)
    const [bill] = findBills(dataset, 1, { maxAmount: OFFLINE_CAP }) as [BillSummary]
    await openContract(page, bill)
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    await page.keyboard.press('F4')
    await page.getByTestId('tendered').fill(pesos(bill.amount))
    await page.keyboard.press('Enter')
    await page.getByText(/Para cobrar hay que abrir un turno en la caja CAJA-01/).waitFor()
    expect(await page.getByTestId('receipt').count()).toBe(0)
    const openNow = page.getByTestId('open-shift-now')
    expect(await openNow.getAttribute('aria-keyshortcuts')).toBe('F7')
    await session.screenshot('closing-0-no-shift')
    await page.keyboard.press('F7')
    await page.getByTestId('opening-float').waitFor()
    // The refused payment left nothing behind.
    expect(session.harness.services.outbox.list({})).toEqual([])
  })

  it('opens, takes cash, card and cheque, counts blind with a shortage, needs a reason and a supervisor, and reports', async () => {
    const { page, dataset, harness } = session
    const simulator = harness.simulator
    if (!simulator) throw new Error('needs the embedded simulator')
    // The card payment is taken offline: under the cap, it needs no supervisor.
    const [cash1, cash2, card, cheque] = findBills(dataset, 4, { maxAmount: OFFLINE_CAP }) as [
      BillSummary,
      BillSummary,
      BillSummary,
      BillSummary
    ]

    await page.getByTestId('opening-float').fill(pesos(FLOAT))
    await page.getByRole('button', { name: 'Abrir turno' }).click()
    await page.getByTestId('shift-summary').waitFor()
    // Blind: the running shift shows no expected amount for the drawer.
    expect(await textOf(page.getByTestId('shift-summary'))).not.toMatch(/esperado/i)
    await session.screenshot('closing-1-opened')

    for (const bill of [cash1, cash2]) {
      await openContract(page, bill)
      await payInCash(page, [bill])
      await expect
        .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
        .toBe('REGISTRADO EN TIGO')
    }
    await openContract(page, cheque)
    await payInCash(page, [cheque], 'Cheque')
    await openContract(page, card)
    simulator.setFaults({ refuseConnections: true })
    await simulator.settled()
    try {
      await payInCash(page, [card], 'Tarjeta débito (datáfono)')
      expect(await textOf(page.getByTestId('receipt-sync'))).toBe('PENDIENTE DE CONFIRMACIÓN')
    } finally {
      simulator.setFaults({ refuseConnections: false })
      await simulator.settled()
    }

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

    // The blind count: bills and coins, a total per other method, nothing expected shown.
    const blind = page.getByTestId('blind-count')
    await blind.waitFor()
    const cashTaken = cash1.amount + cash2.amount
    const expectedCash = FLOAT + cashTaken + CASH_IN - CASH_OUT
    expect(await textOf(page.locator('.closing-form'))).not.toContain(pesos(expectedCash))
    const target = expectedCash - SHORT_BY
    const drawer = piecesFor(target - (target % 50))
    for (const [key, pieces] of Object.entries(drawer)) {
      await page.getByTestId(`count-${key}`).fill(String(pieces))
    }
    const counted = Object.entries(drawer).reduce(
      (sum, [key, n]) => sum + n * DENOMINATIONS.find((d) => d.key === key)!.value,
      0
    )
    const shortage = expectedCash - counted
    expect(shortage).toBeGreaterThan(10_000)
    expect(await textOf(page.getByTestId('drawer-total'))).toContain(pesos(counted))
    await page.getByTestId('counted-debit_card').fill(pesos(card.amount))
    await page.getByTestId('counted-check').fill(pesos(cheque.amount))
    await page.locator('.closing-form').scrollIntoViewIfNeeded()
    await session.screenshot('closing-2-blind-count')

    // Only now: expected against counted. The cash line is the drawer, not all methods.
    await page.getByTestId('closing-review').click()
    const cashLine = page.getByTestId('closing-line-cash')
    await cashLine.waitFor()
    expect(await textOf(cashLine)).toContain('Efectivo en caja')
    expect(await textOf(cashLine)).toContain(pesos(expectedCash))
    expect(squeeze(await textOf(cashLine))).toContain(`Faltante $ ${pesos(shortage)}`)
    expect(await textOf(page.getByTestId('closing-line-debit_card'))).toContain('Cuadra')
    expect(await textOf(page.getByTestId('closing-line-check'))).toContain('Cuadra')
    expect(await textOf(page.getByTestId('unsettled'))).toContain(card.billNo)

    // A difference needs a written reason…
    await page.getByRole('button', { name: 'Cerrar turno', exact: true }).click()
    await page.getByText('Escriba el motivo de la diferencia.').waitFor()
    expect(await page.getByTestId('closing-confirm').count()).toBe(0)
    await page.getByTestId('difference-reason').fill('Se dio mal un cambio')
    // …and, above the threshold, a supervisor's PIN.
    await page.getByRole('button', { name: 'Cerrar turno', exact: true }).click()
    expect(await page.getByTestId('closing-confirm').count()).toBe(0)
    expect(squeeze(await textOf(page.getByTestId('closing-approval')))).toContain(
      `La diferencia de $ ${pesos(shortage)} supera $ 10.000`
    )
    await page.getByTestId('closing-approval').scrollIntoViewIfNeeded()
    await session.screenshot('closing-3-needs-approval')
    await page.getByTestId('closing-request-approval').click()
    await approveAsSupervisor(page)
    await page.getByTestId('closing-approved').waitFor()
    expect(await textOf(page.getByTestId('closing-approved'))).toBe(
      `Diferencia autorizada por ${SUPERVISOR.name}`
    )

    // Closing asks first.
    await page.getByRole('button', { name: 'Cerrar turno', exact: true }).click()
    const confirm = page.getByTestId('closing-confirm')
    await confirm.waitFor()
    await session.screenshot('closing-4-confirm')
    await confirm.getByRole('button', { name: 'Cancelar' }).click()
    expect(await page.getByTestId('closing-report').count()).toBe(0)
    await page.getByRole('button', { name: 'Cerrar turno', exact: true }).click()
    await confirm.getByRole('button', { name: 'Sí, cerrar el turno' }).click()

    const report = page.getByTestId('closing-report')
    await report.waitFor()
    // The report stays on screen (scrolled into view within the screen, focused) to print,
    // and the status bar stays where it is.
    const heading = report.getByRole('heading').first()
    await expect
      .poll(() => heading.evaluate((node) => node === node.ownerDocument.activeElement))
      .toBe(true)
    const main = await page.locator('main').boundingBox()
    const title = await heading.boundingBox()
    expect(main && title && title.y >= main.y && title.y < main.y + main.height).toBe(true)
    expect((await page.getByTestId('status-bar').boundingBox())?.y).toBeGreaterThanOrEqual(0)
    const reportCash = await textOf(report.getByTestId('report-line-cash'))
    expect(reportCash).toContain(pesos(expectedCash))
    expect(reportCash).toContain(pesos(counted))
    expect(squeeze(reportCash)).toContain(`Faltante $ ${pesos(shortage)}`)
    const totals = await textOf(report.getByTestId('report-totals'))
    expect(totals).toContain(pesos(cashTaken + card.amount + cheque.amount))
    expect(await textOf(report.getByTestId('report-reason'))).toContain('Se dio mal un cambio')
    expect(await textOf(report.getByTestId('report-approved'))).toContain(SUPERVISOR.name)
    // Each method's own reference, to match the report against the cheques and the slips.
    const references = squeeze(await textOf(report.getByTestId('report-references')))
    for (const reference of METHOD_REFERENCES) expect(references).toContain(reference)
    await session.screenshot('closing-5-report')

    // What outside checks read: the cash line's expected and difference keep their meaning.
    const stored = harness.services.db
      .prepare('SELECT report FROM shifts ORDER BY id DESC LIMIT 1')
      .get() as { report: string }
    const cash = (
      JSON.parse(stored.report) as { lines: { method: string; expected: number }[] }
    ).lines.find((line) => line.method === 'cash')
    expect(cash).toMatchObject({ expected: expectedCash, difference: -shortage })

    await report.getByRole('button', { name: 'Imprimir' }).click()
    const file = await printedFile(page, report)
    expect(existsSync(file)).toBe(true)
    const text = pdfText(file)
    expect(text).toContain('CIERRE DE CAJA')
    expect(text).toContain(pesos(FLOAT))
    expect(text).toContain(pesos(CASH_IN))
    expect(text).toContain(pesos(CASH_OUT))
    expect(text).toContain(pesos(expectedCash))
    expect(text).toContain(pesos(counted))
    expect(text).toContain(pesos(shortage))
    expect(text).toContain('Se dio mal un cambio')
    expect(text).toContain(card.billNo)
    for (const reference of METHOD_REFERENCES) expect(text).toContain(reference)
    renderPdf(file, 'closing-pdf')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByRole('button', { name: 'Exportar CSV' }).click()
    ])
    expect(download.suggestedFilename()).toMatch(/^cierre-\d+\.csv$/)
    const csv = readFileSync(await download.path(), 'utf8')
    expect(csv).toContain(String(expectedCash))
    expect(csv).toContain(String(counted))
    expect(csv).toContain(card.billNo)

    const history = page.getByTestId('shift-history')
    await history.waitFor()
    expect(await history.locator('tbody tr').count()).toBe(1)
    expect(await textOf(history)).toContain('Cajero Demo')
    await page.getByTestId('opening-float').waitFor()
  })
})
