/**
 * The waiting-total cap has a way past it (issue 14): a payment that would take the pesos waiting
 * for Tigo above `maxPendingTotal` is refused, and a supervisor's PIN lets it through, audited.
 */
import { describe, expect, it } from 'vitest'
import {
  approveAsSupervisor,
  DEMO_CASHIER,
  missingPrerequisite,
  openShift,
  signIn,
  SUPERVISOR,
  textOf,
  useCashier
} from './fixture'
import { findBill, OFFLINE_CAP } from '@support/dataset'
import { fillCardApproval, openContract } from './till'

describe.skipIf(missingPrerequisite !== undefined)('caps', () => {
  // The supervisor chooses a PIN first, so it can approve later.
  const session = useCashier({ as: 'supervisor' })

  it('lets a supervisor approve a payment over the waiting-total cap', async () => {
    const { page, dataset, harness } = session
    harness.services.settings.update({ caps: { maxPendingTotal: 1_000 } })
    await page.getByTestId('sign-out').click()
    await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
    await page.locator('[data-session="open"]').waitFor()
    await openShift(page)

    const bill = findBill(dataset, { maxAmount: OFFLINE_CAP })
    await openContract(page, bill)
    await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
    await page.keyboard.press('F4')
    await page.getByLabel('Tarjeta débito (datáfono)').check()
    await fillCardApproval(page)
    await page.keyboard.press('Enter')
    const refusal = page.getByText(/se superaría el máximo/)
    await refusal.waitFor()
    // Money is written with a no-break space after the sign.
    expect((await textOf(refusal)).replace(/\s/g, ' ')).toContain('máximo de $ 1.000')
    expect(await page.getByTestId('receipt').count()).toBe(0)

    await page.getByTestId('request-approval').click()
    const dialog = page.getByTestId('supervisor-approval')
    expect(await textOf(dialog)).toContain('máximo de pagos por enviar')
    await approveAsSupervisor(page, () => session.screenshot('caps-1-pending-total-approval'))

    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await textOf(receipt)).toContain(bill.billNo)
    expect(await textOf(page.getByTestId('receipt-approved-by'))).toBe(
      `Autorizado por ${SUPERVISOR.name}`
    )
    const audited = harness.services.audit.list({ action: 'payment.pending_total_override' })
    expect(audited).toHaveLength(1)
    expect(audited[0]?.details).toMatchObject({ cap: 1_000 })
    const approved = harness.services.audit
      .list({ action: 'auth.approved' })
      .map((entry) => (entry.details as { action: string }).action)
    expect(approved).toContain('payment.over_pending_total')
  })
})
