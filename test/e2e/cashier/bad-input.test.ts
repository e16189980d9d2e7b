import { describe, expect, it } from 'vitest'
import { missingPrerequisite, useCashier, searchCustomer, textOf } from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'

describe.skipIf(missingPrerequisite !== undefined)('bad input', () => {
  // The settings test saves: a supervisor's call (a cashier gets `forbidden`).
  const session = useCashier({ as: 'supervisor', openShift: true })

  it('checks the NIT check digit as it is typed and refuses letters in a contract', async () => {
    const { page, dataset } = session
    const customer = dataset.customers.find((candidate) => candidate.idType === 'NIT')
    if (!customer) throw new Error('dataset has no NIT customer')
    const [base, digit] = customer.displayId.split('-')
    const wrongDigit = (Number(digit) + 1) % 10
    const identification = page.getByTestId('identification')

    await identification.fill(`${base}-${wrongDigit}`)
    expect(await identification.getAttribute('aria-invalid')).toBe('true')
    expect(await textOf(page.getByRole('alert').first())).toContain(`debería ser ${digit}`)
    await session.screenshot('bad-1-nit-check-digit')

    await identification.fill(customer.displayId)
    expect(await identification.getAttribute('aria-invalid')).toBeNull()

    await page.getByTestId('contract-id').fill('12AB')
    await page.getByTestId('contract-id').press('Enter')
    expect(await textOf(page.getByRole('alert').first())).toBe(
      'El número de contrato lleva solo dígitos.'
    )
  })

  it('refuses cash that does not cover the total and amounts it cannot read', async () => {
    const { page, dataset } = session
    const bill = findBill(dataset, { maxAmount: OFFLINE_CAP })
    await searchCustomer(page, bill.idType, bill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    await page.keyboard.press('F4')

    const tendered = page.getByTestId('tendered')
    await tendered.fill(String(bill.amount - 1))
    await tendered.press('Enter')
    expect(await textOf(page.getByRole('alert').first())).toBe(
      'El valor recibido es menor que el total a pagar.'
    )
    await tendered.fill('12,345,67')
    await tendered.press('Enter')
    expect(await textOf(page.getByRole('alert').first())).toMatch(/sin centavos/)
    await session.screenshot('bad-2-tendered')
    expect(await page.getByTestId('receipt').count()).toBe(0)
    expect(session.harness.simulator?.registrationsByBill()[bill.billNo]).toBeUndefined()
  })

  it('shows an out-of-range setting next to its field, with the limits', async () => {
    const { page } = session
    await page.keyboard.press('F10')
    const idle = page.getByTestId('settings-idleLockMinutes')
    await idle.fill('0')
    await idle.press('Enter')
    const field = page.locator('.field', { has: idle })
    await field.locator('.field-error').waitFor()
    expect(await textOf(field.locator('.field-error'))).toContain(
      'Bloqueo por inactividad (minutos)'
    )
    expect(await idle.getAttribute('aria-invalid')).toBe('true')

    await page.getByTestId('settings-maxPendingTotal').fill('mucho')
    await page.getByTestId('settings-maxPendingTotal').press('Enter')
    const totalField = page.locator('.field', { has: page.getByTestId('settings-maxPendingTotal') })
    expect(await textOf(totalField.locator('.field-error'))).toBe('Escriba un número entero.')
    await session.screenshot('bad-3-settings')
  })

  it('never shows the client secret back, only that one is set', async () => {
    const { page } = session
    await page.keyboard.press('F10')
    const secret = page.getByTestId('settings-clientSecret')
    expect(await secret.getAttribute('type')).toBe('password')
    expect(await secret.inputValue()).toBe('')
  })
})
