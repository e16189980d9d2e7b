import { describe, expect, it } from 'vitest'
import { missingPrerequisite, useCashier, searchCustomer, textOf } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'

describe.skipIf(missingPrerequisite !== undefined)('online payments: validate and checkout', () => {
  const session = useCashier()

  it('validates a payment by signature in words a cashier reads', async () => {
    const { page, dataset } = session
    const signed = dataset.signatures[0]
    if (!signed) throw new Error('dataset has no signature')
    await page.keyboard.press('F8')
    await page.getByTestId('signature').fill(signed.signature)
    await page.keyboard.press('Enter')
    const result = page.getByTestId('validation-result')
    await result.waitFor()
    const text = await textOf(result)
    expect(text).toContain('Estado del pago')
    expect(text).toContain(signed.state)
    expect(text).toContain('Valor pagado')
    await session.screenshot('validate-1-signature')
  })

  it('validates a payment by coupon type and number, and reports an unknown coupon', async () => {
    const { page, dataset } = session
    const coupon = dataset.coupons[0]
    if (!coupon) throw new Error('dataset has no coupon')
    await page.getByTestId('coupon-type').fill(coupon.couponId)
    await page.getByTestId('coupon-number').fill(coupon.id)
    await page.getByTestId('coupon-number').press('Enter')
    await expect
      .poll(() => textOf(page.getByRole('heading', { level: 2 }).last()))
      .toBe(`Cupón ${coupon.couponId} ${coupon.id}`)
    expect(await textOf(page.getByTestId('validation-result'))).toContain(coupon.state)

    await page.getByTestId('coupon-number').fill('000000000')
    await page.getByTestId('coupon-number').press('Enter')
    await page.getByRole('alert').first().waitFor()
    expect(await page.getByTestId('validation-result').count()).toBe(0)
    await session.screenshot('validate-2-unknown-coupon')
  })

  it('offers the coupon types as a pick-list and takes one typed in lower case', async () => {
    const { page, dataset } = session
    const coupon = dataset.coupons[0]
    if (!coupon) throw new Error('dataset has no coupon')
    await page.keyboard.press('F8')
    const options = page.getByTestId('coupon-types').locator('option')
    expect(await options.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('value')))).toEqual(
      ['CUPON', 'PSE', 'EFECTY', 'BALOTO']
    )
    expect(await page.getByTestId('coupon-type').getAttribute('list')).toBe('coupon-types')

    // Not a type Tigo knows: refused here, in Spanish, naming the list.
    await page.getByTestId('coupon-type').fill('cupones')
    await page.getByTestId('coupon-number').fill(coupon.id)
    await page.getByTestId('coupon-number').press('Enter')
    const typeField = page.locator('.field', { has: page.getByTestId('coupon-type') })
    expect(await textOf(typeField.locator('.field-error'))).toBe(
      'Elija un tipo de la lista: CUPON, PSE, EFECTY, BALOTO.'
    )

    await page.getByTestId('coupon-type').fill(coupon.couponId.toLowerCase())
    await page.getByTestId('coupon-number').press('Enter')
    const result = page.getByTestId('validation-result')
    await result.waitFor()
    expect(await textOf(page.getByRole('heading', { level: 2 }).last())).toBe(
      `Cupón ${coupon.couponId} ${coupon.id}`
    )
    const state = page.getByTestId('validation-state')
    expect(await textOf(state)).toContain(coupon.state)
    // Coloured by what it means (APROBADA, PENDIENTE, RECHAZADA), never left plain.
    expect(await state.getAttribute('data-tone')).toMatch(/^(ok|waiting|bad)$/)
    // The card shows a few facts; the rest is folded.
    const more = result.locator('details.validation-more')
    if ((await more.count()) > 0) expect(await more.getAttribute('open')).toBeNull()
    await session.screenshot('validate-3-coupon-card')
  })

  it('creates a checkout, shows its URL as a QR code and validates it by its signature', async () => {
    const { page, dataset, harness } = session
    const bill = findBill(dataset, { idType: 'NIT', maxAmount: OFFLINE_CAP })
    await searchCustomer(page, bill.idType, bill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    await page.keyboard.press('F9')
    await page.getByRole('button', { name: /Generar enlace de pago/ }).click()

    const qr = page.getByTestId('qr')
    await qr.waitFor()
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    const url = await textOf(page.getByTestId('checkout-url'))
    expect(url).toMatch(/^https?:\/\//)
    const signature = await textOf(page.getByTestId('checkout-signature'))
    await session.screenshot('checkout-1-qr')

    // The customer pays on their phone: the simulator plays the gateway.
    const approved = await fetch(
      `${harness.simulator?.adminUrl}/__admin/checkouts/${encodeURIComponent(signature)}/approve`,
      { method: 'POST' }
    )
    expect(approved.ok).toBe(true)

    await page.keyboard.press('F8')
    expect(await page.getByTestId('signature').inputValue()).toBe(signature)
    await page.getByTestId('signature').press('Enter')
    await page.getByTestId('validation-result').waitFor()
    expect(await textOf(page.getByTestId('validation-result'))).toContain('Estado del pago')
    await session.screenshot('checkout-2-validated')
  })
})
