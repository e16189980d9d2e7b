/**
 * Settings by role (issue 14): a supervisor edits every field, all labelled in Spanish, each cap
 * with its own hint; a cashier sees only what concerns the till, read-only, and none of the
 * supervisor-only fields (Tigo's API, the client secret, the caps).
 */
import { describe, expect, it } from 'vitest'
import { DEMO_CASHIER, missingPrerequisite, signIn, textOf, useCashier } from './fixture'

/** English left on the Spanish settings screen before issue 14. */
const ENGLISH = ['Client ID', 'Client secret', 'URL base del API']

describe.skipIf(missingPrerequisite !== undefined)('settings by role', () => {
  const session = useCashier({ as: 'supervisor' })

  it('shows a supervisor every field in Spanish, with the right hint under each cap', async () => {
    const { page } = session
    await page.keyboard.press('F10')
    const form = page.locator('.settings-form')
    await form.waitFor()
    const text = await textOf(form)
    for (const english of ENGLISH) expect(text).not.toContain(english)
    expect(text).toContain('Identificador de cliente de la API')
    const pending = page.locator('.field', { has: page.getByTestId('settings-maxPendingTotal') })
    expect(await page.getByTestId('settings-maxPendingTotal').inputValue()).toBe('20.000.000')
    expect(await textOf(pending.locator('.field-hint'))).toContain('20.000.000')
    const perPayment = page.locator('.field', {
      has: page.getByTestId('settings-maxPaymentAmount')
    })
    expect(await textOf(perPayment.locator('.field-hint'))).toContain('5.000.000')
    expect(await page.getByTestId('settings-closingApprovalAbove').inputValue()).toBe('10.000')
    await session.screenshot('settings-supervisor')
  })

  it('settings seen as a cashier: the till’s own, read-only, no supervisor-only field', async () => {
    const { page } = session
    await page.getByTestId('sign-out').click()
    await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
    await page.locator('[data-session="open"]').waitFor()
    await page.keyboard.press('F10')
    const view = page.getByTestId('cashier-settings')
    await view.waitFor()
    const text = await textOf(view)
    expect(text).toContain('Solo un supervisor puede cambiar la configuración')
    expect(text).toContain('CAJA-01')
    for (const english of ENGLISH) expect(text).not.toContain(english)
    for (const hidden of [
      'apiBaseUrl',
      'tokenUrl',
      'clientId',
      'clientSecret',
      'maxPaymentAmount',
      'maxPendingTotal',
      'closingApprovalAbove'
    ]) {
      expect(await page.getByTestId(`settings-${hidden}`).count(), hidden).toBe(0)
    }
    expect(
      await page
        .locator('main')
        .getByText(/URL|secret|token/i)
        .count()
    ).toBe(0)
    expect(await page.getByRole('button', { name: 'Guardar' }).count()).toBe(0)
    await session.screenshot('settings-cashier')
  })
})
