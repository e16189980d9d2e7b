/**
 * The pay screen on the two cashier monitors (1366×768, 1024×768): everything the cashier needs
 * to take the money is inside the window without scrolling, the shell leaves room for it, and a
 * basket fills by scanning. Screenshots: test-results/screens/pay-<width>-*.png.
 */
import type { Locator, Page } from 'playwright-core'
import { expect, it } from 'vitest'
import {
  confirmIdType,
  describeAtViewports,
  scan,
  searchCustomer,
  textOf,
  VIEWPORTS
} from './fixture'
import {
  findBill,
  findCustomerBills,
  OFFLINE_CAP,
  type BillSummary,
  type DatasetSummary
} from '@support/dataset'
import { fillCardApproval, pesos } from './till'

/** Fails with the element's name when any part of it lies outside the window. */
async function expectInView(page: Page, name: string, locator: Locator): Promise<void> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  if (!box || !size) throw new Error(`${name}: not rendered`)
  const where = `${name} at ${JSON.stringify(box)} in ${size.width}×${size.height}`
  expect(box.y, where).toBeGreaterThanOrEqual(0)
  expect(box.x, where).toBeGreaterThanOrEqual(0)
  expect(box.y + box.height, where).toBeLessThanOrEqual(size.height)
  expect(box.x + box.width, where).toBeLessThanOrEqual(size.width)
}

async function expectPayScreenInView(page: Page): Promise<void> {
  await expectInView(page, 'basket', page.getByTestId('basket'))
  await expectInView(page, 'total', page.getByTestId('pay-total'))
  await expectInView(page, 'method', page.getByRole('group', { name: 'Medio de pago' }))
  await expectInView(page, 'tendered', page.getByLabel('Recibido en efectivo', { exact: true }))
  await expectInView(page, 'change', page.getByTestId('change'))
  // The exact names checks outside the project use: the key badge is not part of the name.
  const confirm = page.getByRole('button', { name: 'Confirmar pago', exact: true })
  expect(await confirm.isVisible()).toBe(true)
  await expectInView(page, 'confirm', confirm)
  await expectInView(page, 'quick cash', page.getByRole('group', { name: 'Valores rápidos' }))
  // Nothing to scroll: the screen area holds its content.
  const overflow = await page
    .locator('main.screen')
    .evaluate((el) => el.scrollHeight - el.clientHeight)
  expect(overflow).toBeLessThanOrEqual(0)
}

describeAtViewports('pay screen at %s', { openShift: true }, (session, viewport) => {
  const tag = `pay-${viewport.width}`

  it('keeps the banner, status bar and nav within 120 px, each on one row', async () => {
    const { page } = session
    const shell = await page.locator('.status-area').boundingBox()
    const nav = await page.locator('.nav-bar').boundingBox()
    if (!shell || !nav) throw new Error('shell not rendered')
    if (viewport.width >= VIEWPORTS.wide.width) {
      expect(nav.y + nav.height).toBeLessThanOrEqual(120)
    }
    const navButtons = page.locator('.nav-bar .nav-button')
    const tops = new Set<number>()
    for (const box of await Promise.all(
      (await navButtons.all()).map((button) => button.boundingBox())
    )) {
      if (box) tops.add(Math.round(box.y))
    }
    expect(tops.size).toBe(1)
    await expectInView(page, 'back', page.getByRole('button', { name: /Volver/ }))
    const bar = await page.getByTestId('status-bar').boundingBox()
    expect(bar?.height ?? 0).toBeLessThanOrEqual(44)
  })

  it('obeys the F-keys while the focus is in a select', async () => {
    const { page } = session
    await page.keyboard.press('F2')
    const idType = page.getByLabel('Tipo de documento')
    await idType.focus()
    await page.keyboard.press('F6')
    await page.locator('.outbox-screen').waitFor()
    await page.keyboard.press('F2')
    await page.locator('.search-screen').waitFor()
    // F4 is also the key that opens a select's list: here it opens the pay screen.
    await idType.focus()
    await page.keyboard.press('F4')
    await page.locator('main[data-screen="pay"]').waitFor()
    await page.keyboard.press('F2')
  })

  it('shows every column of a contract\'s bills, "Ver pagos" included', async () => {
    const { page, dataset } = session
    const paid = searchedCustomerBill(dataset)
    await searchCustomer(page, paid.idType, paid.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${paid.contractId}`) }).click()
    const showPayments = page.getByRole('button', { name: 'Ver pagos' }).first()
    await showPayments.waitFor({ timeout: 30_000 })
    await expectInView(page, 'Ver pagos', showPayments)
    await expectInView(page, 'state column', page.getByRole('columnheader', { name: 'Estado' }))
    await session.screenshot(`${tag}-0-customer`)
  })

  it('scan, scan: both bills in the basket, focus on the amount received, all in view', async () => {
    const { page, dataset } = session
    // A customer never searched here: found by its barcode, its id type is still unconfirmed.
    const [first, second] = findCustomerBills(dataset, 2, {
      maxAmount: OFFLINE_CAP / 2,
      exclude: [searchedCustomerBill(dataset).identification]
    }) as [BillSummary, BillSummary]
    await scan(page, first.barcodes.human)
    await page.locator('.pay-screen').waitFor()
    // Found by its barcode: the customer's id type is the cashier's to confirm, once; the
    // focus waits there.
    const idType = page.getByTestId('id-type-confirm').getByLabel('Tipo de documento')
    await expect
      .poll(() => idType.evaluate((el) => el === el.ownerDocument.activeElement))
      .toBe(true)
    await confirmIdType(page, first.idType)
    await scan(page, second.barcodes.human)
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2)
    expect(await textOf(page.getByTestId('pay-total'))).toContain(
      pesos(first.amount + second.amount)
    )
    expect(
      await page.getByTestId('tendered').evaluate((el) => el === el.ownerDocument.activeElement)
    ).toBe(true)
    await expectPayScreenInView(page)
    await session.screenshot(`${tag}-1-basket`)

    // A short tender: its error is announced and in view.
    await page.keyboard.type(String(first.amount))
    expect(await page.getByTestId('tendered').inputValue()).toBe(pesos(first.amount))
    await page.keyboard.press('Enter')
    const alert = page.getByRole('alert').first()
    expect(await textOf(alert)).toBe('El valor recibido es menor que el total a pagar.')
    await expectInView(page, 'error', alert)
    await expectPayScreenInView(page)
    await session.screenshot(`${tag}-2-short-tender`)

    // "Valor exacto", then Enter pays (it does not press the key again).
    await page.getByRole('button', { name: 'Valor exacto' }).click()
    await page.keyboard.press('Enter')
    await page.getByTestId('receipt').waitFor()
    expect(await textOf(page.getByTestId('receipt'))).toContain(second.billNo)
    await expect
      .poll(() => session.harness.simulator?.registrationsByBill()[second.billNo], {
        timeout: 30_000
      })
      .toBe(1)
    expect(session.harness.simulator?.registrationsByBill()[first.billNo]).toBe(1)
  })

  it('opens the outbox on what is pending; registered payments are under their filter', async () => {
    const { page } = session
    const registered = Object.keys(session.harness.simulator?.registrationsByBill() ?? {})
    expect(registered.length).toBeGreaterThan(0)
    await page.keyboard.press('F6')
    await page.locator('.outbox-screen').waitFor()
    const state = page.getByLabel('Estado', { exact: true })
    expect(await state.inputValue()).toBe('open')
    await expect.poll(() => textOf(page.locator('.outbox-screen'))).toContain('No hay pagos')
    await state.selectOption('registered')
    await page.locator('.outbox-entry').filter({ hasText: registered[0] }).waitFor()
    // Days are typed and shown es-CO, whatever the browser's own date format.
    const from = page.getByTestId('outbox-from')
    expect(await from.getAttribute('placeholder')).toBe('dd/mm/aaaa')
    await from.fill('31/02/2026')
    expect(await textOf(page.getByRole('alert').first())).toMatch(/día\/mes\/año/)
    await from.fill('')
    await session.screenshot(`${tag}-4-outbox`)
    await page.keyboard.press('F2')
  })

  it('removes a line with Supr and asks before mixing customers', async () => {
    const { page, dataset } = session
    const [first, second] = findCustomerBills(dataset, 2, {
      maxAmount: OFFLINE_CAP / 2,
      exclude: [...paidIn(session.harness.simulator?.registrationsByBill())]
    }) as [BillSummary, BillSummary]
    await scan(page, first.barcodes.human)
    await page.locator('.pay-screen').waitFor()
    await scan(page, second.barcodes.human)
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(2)
    await page.getByLabel(new RegExp(first.billNo)).focus()
    await page.keyboard.press('Delete')
    await expect.poll(() => page.getByTestId('basket-line').count()).toBe(1)
    expect(await textOf(page.getByTestId('pay-total'))).toContain(pesos(second.amount))

    // A customer this session never paid for, so its id type was never confirmed.
    const paid = paidIn(session.harness.simulator?.registrationsByBill())
    const paidCustomers = dataset.unpaidBills
      .filter((bill) => paid.includes(bill.billNo))
      .map((bill) => bill.identification)
    const other = findBill(dataset, {
      maxAmount: OFFLINE_CAP,
      exclude: [
        first.identification,
        searchedCustomerBill(dataset).identification,
        ...paidCustomers,
        ...paid
      ]
    })
    await scan(page, other.barcodes.human)
    const dialog = page.getByTestId('switch-customer')
    await dialog.waitFor()
    await session.screenshot(`${tag}-3-other-customer`)
    // The dialog has the focus, and Esc keeps this payment as "Terminar este pago" does.
    const finish = dialog.getByRole('button', { name: /Terminar este pago/ })
    await expect
      .poll(() => finish.evaluate((node) => node === node.ownerDocument.activeElement))
      .toBe(true)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(await page.locator('.pay-screen').count()).toBe(1)
    expect(await page.getByTestId('basket-line').count()).toBe(1)

    await scan(page, other.barcodes.human)
    await dialog.getByRole('button', { name: /Empezar un pago nuevo/ }).click()
    await expect.poll(() => textOf(page.getByTestId('basket'))).toContain(other.billNo)
    expect(await page.getByTestId('basket-line').count()).toBe(1)
    expect(await page.getByTestId('tendered').inputValue()).toBe('')
    // A customer never confirmed: its id type form is on the screen, and everything still fits.
    await page.getByTestId('id-type-confirm').waitFor()
    await expectPayScreenInView(page)
    await session.screenshot(`${tag}-5-confirm-id-type`)

    // Quick cash: the next $ 50.000 above the total, then Enter pays; the receipt gives the change.
    await confirmIdType(page, other.idType)
    const round = (Math.floor(other.amount / 50_000) + 1) * 50_000
    const key = page
      .getByRole('group', { name: 'Valores rápidos' })
      .getByRole('button', { name: new RegExp(`^${moneyPattern(round)}$`) })
    await key.click()
    expect(await page.getByTestId('tendered').inputValue()).toBe(pesos(round))
    await session.screenshot(`${tag}-6-quick-cash`)
    await page.keyboard.press('Enter')
    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await textOf(receipt)).toMatch(
      new RegExp(`Cambio\\s*${moneyPattern(round - other.amount)}`)
    )
  })
})

describeAtViewports('card payment at %s', { openShift: true }, (session, viewport) => {
  const tag = `card-${viewport.width}`

  it('asks for the approval code, prints it and sends it to Tigo', async () => {
    const { page, dataset } = session
    const bill = findBill(dataset, { maxAmount: OFFLINE_CAP })
    await scan(page, bill.barcodes.human)
    await page.locator('.pay-screen').waitFor()
    await confirmIdType(page, bill.idType)
    await page.getByLabel('Tarjeta crédito (datáfono)').check()
    const approval = page.getByLabel('Código de aprobación', { exact: true })
    await approval.fill('12')
    await approval.press('Enter')
    const alert = page.getByRole('alert').first()
    expect(await textOf(alert)).toBe(
      'El código de aprobación lleva de 4 a 12 letras o dígitos, como lo imprime el datáfono.'
    )
    await expectInView(page, 'error', alert)
    await expectInView(
      page,
      'confirm',
      page.getByRole('button', { name: 'Confirmar pago', exact: true })
    )
    await session.screenshot(`${tag}-1-approval-error`)

    await fillCardApproval(page, { approvalCode: 'a1b2c3', cardLast4: '4242' })
    await session.screenshot(`${tag}-2-approval`)
    await page.getByLabel('Últimos 4 dígitos', { exact: true }).press('Enter')
    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await textOf(page.getByTestId('receipt-approvalCode'))).toBe('A1B2C3')
    expect(await textOf(page.getByTestId('receipt-cardLast4'))).toBe('**** 4242')
    await expect
      .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 30_000 })
      .toBe('REGISTRADO EN TIGO')
    await session.screenshot(`${tag}-3-receipt`)
    const sent = session.harness.simulator
      ?.ledger()
      .find((entry) => entry.bills.some((sentBill) => sentBill.billNo === bill.billNo))
    expect(sent?.paymentData).toMatchObject({
      method: 'credit_card',
      approvalCode: 'A1B2C3',
      cardLast4: '4242'
    })
  })
})

/** The customer the column test searches by id type (so its id type is known afterwards). */
function searchedCustomerBill(dataset: DatasetSummary): BillSummary {
  const paid = dataset.paidBills.find(
    (bill) => bill.contractId !== dataset.largeCustomer.contractId
  )
  if (!paid) throw new Error(`no paid bill outside the large contract on ${dataset.today}`)
  return paid
}

/** "$ 12.345" as a pattern, whatever space the money element puts after the sign. */
function moneyPattern(value: number): string {
  return `\\$\\s${pesos(value).replace(/\./g, '\\.')}`
}

function paidIn(registrations: Record<string, number> | undefined): string[] {
  return Object.keys(registrations ?? {})
}
