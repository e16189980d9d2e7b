/**
 * Sign-in, roles and the lock, through the real screens: the first supervisor is forced to pick a
 * PIN, sets the offline cap and the idle lock, creates a cashier; the demo cashier cannot reach
 * supervisor screens or calls, pays (the receipt names them), needs a supervisor's PIN above the
 * offline cap, and finds a half-typed search intact after the lock. One harness, steps in order.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { RPC_PATH, TOKEN_HEADER } from '@shared/ipc/http-transport'
import type { Harness } from '../../harness/server'
import { fillCardApproval } from './till'
import {
  approveAsSupervisor,
  type BillSummary,
  type CashierSession,
  changePin,
  DEMO_CASHIER,
  FIRST_SUPERVISOR_PIN,
  missingPrerequisite,
  openCashier,
  openShift,
  pickUser,
  searchCustomer,
  signIn,
  SUPERVISOR,
  textOf
} from './fixture'

const SECOND_CASHIER = { name: 'Ana Pérez', pin: '4826' }

/** A call straight to main, as the page's session: what a tampered renderer could send. */
async function rpc(harness: Harness, channel: string, input: unknown = {}) {
  const response = await fetch(`${harness.origin}${RPC_PATH}${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: harness.token },
    body: JSON.stringify(input)
  })
  return (await response.json()) as { ok: boolean; error?: { code: string } }
}

async function tapPin(page: Page, formTestId: string, pin: string): Promise<void> {
  const pad = page.getByTestId(formTestId).getByRole('group', { name: 'Teclado numérico' })
  for (const digit of pin) await pad.getByRole('button', { name: digit, exact: true }).click()
}

function navLabels(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Secciones' }).getByRole('button').allTextContents()
}

describe.skipIf(missingPrerequisite !== undefined)('sign-in, roles and the lock', () => {
  let session: CashierSession
  /** Two bills of one contract: the smaller under the offline cap set below, the larger over it. */
  let smallBill: BillSummary
  let largeBill: BillSummary
  let offlineCap: number
  /** Added to main's clock: the idle step moves time forward instead of waiting. */
  let skippedMs = 0

  beforeAll(async () => {
    session = await openCashier({ as: 'nobody', clock: () => Date.now() + skippedMs })
    const bills = session.dataset.unpaidBills.filter((bill) => bill.idType === 'NIT')
    const pair = bills
      .map((bill) => [
        bill,
        bills.find((o) => o.contractId === bill.contractId && o.amount > bill.amount + 1_000)
      ])
      .find((candidate): candidate is [BillSummary, BillSummary] => candidate[1] !== undefined)
    if (!pair)
      throw new Error('dataset has no NIT contract with two unpaid bills of different amounts')
    ;[smallBill, largeBill] = pair
    offlineCap = largeBill.amount - 1
  })

  afterAll(async () => {
    session?.harness.simulator?.setFaults({ refuseConnections: false })
    await session?.close()
  })

  it('opens on the sign-in screen and forces the first supervisor to choose a PIN', async () => {
    const { page } = session
    const form = page.getByTestId('sign-in-form')
    await form.waitFor()
    expect(await page.getByRole('navigation', { name: 'Secciones' }).count()).toBe(0)
    expect(await form.getByLabel('PIN', { exact: true }).getAttribute('type')).toBe('password')
    expect(await form.getByLabel('PIN', { exact: true }).getAttribute('inputmode')).toBe('numeric')

    await pickUser(page, SUPERVISOR.name)
    await form.getByLabel('PIN', { exact: true }).fill('0001')
    await form.getByLabel('PIN', { exact: true }).press('Enter')
    await form.getByRole('alert').waitFor()
    expect(await textOf(form.getByRole('alert'))).toMatch(/PIN incorrecto\. Quedan \d+ intentos/)
    await session.screenshot('session-1-sign-in-wrong-pin')

    await signIn(page, SUPERVISOR.name, FIRST_SUPERVISOR_PIN)
    const change = page.getByTestId('change-pin-form')
    await change.waitFor()
    // The renderer compares the two new PINs itself.
    await change.getByLabel('PIN actual', { exact: true }).fill(FIRST_SUPERVISOR_PIN)
    await change.getByLabel('PIN nuevo', { exact: true }).fill('3719')
    await change.getByLabel('Repita el PIN nuevo', { exact: true }).fill('3718')
    await change.getByLabel('Repita el PIN nuevo', { exact: true }).press('Enter')
    expect(await textOf(change.getByRole('alert'))).toBe('Los dos PIN nuevos no coinciden.')
    // Main refuses the obvious ones.
    await change.getByLabel('PIN nuevo', { exact: true }).fill('1111')
    await change.getByLabel('Repita el PIN nuevo', { exact: true }).fill('1111')
    await change.getByLabel('Repita el PIN nuevo', { exact: true }).press('Enter')
    await change.getByText(/muy fácil de adivinar/).waitFor()
    await session.screenshot('session-2-change-pin')
    await changePin(page, FIRST_SUPERVISOR_PIN, SUPERVISOR.pin)

    await page.locator('[data-session="open"]').waitFor()
    expect(await navLabels(page)).toContain('F12Usuarios')
    expect(await textOf(page.getByTestId('status-bar'))).toContain('Supervisor: Supervisor')
  })

  it('lets the supervisor set the offline cap and idle lock, and create a cashier', async () => {
    const { page, harness } = session
    await page.keyboard.press('F10')
    await page.getByTestId('settings-maxPaymentAmount').fill(offlineCap.toLocaleString('es-CO'))
    await page.getByTestId('settings-idleLockMinutes').fill('1')
    await page.getByTestId('settings-idleLockMinutes').press('Enter')
    await page.getByText('Configuración guardada.').waitFor()
    expect(harness.services.settings.get().caps.maxPaymentAmount).toBe(offlineCap)
    expect(harness.services.settings.get().idleLockMinutes).toBe(1)

    await page.keyboard.press('F12')
    const create = page.getByTestId('user-create')
    await create.waitFor()
    await create.getByLabel('Nombre', { exact: true }).fill(SECOND_CASHIER.name)
    await create.getByLabel('PIN inicial', { exact: true }).fill(SECOND_CASHIER.pin)
    await create.getByLabel('Debe cambiar el PIN al entrar').uncheck()
    await create.getByRole('button', { name: 'Crear usuario' }).click()
    const row = page.getByTestId('user-row').filter({ hasText: SECOND_CASHIER.name })
    await row.waitFor()
    expect(await textOf(row)).toContain('Cajero')
    expect(await page.getByTestId('user-row').count()).toBe(3)
    await session.screenshot('session-3-users')

    await page.getByTestId('sign-out').click()
    await page.getByTestId('sign-in-form').waitFor()
  })

  it('signs the cashier in with the PIN pad and keeps supervisor screens and calls from them', async () => {
    const { page, harness } = session
    const form = page.getByTestId('sign-in-form')
    // The user is picked from the list with the arrow keys; Enter goes on to the PIN.
    const users = form.getByRole('radio')
    expect(await users.count()).toBeGreaterThanOrEqual(2)
    await users.first().focus()
    const cashier = form.getByRole('radio', { name: DEMO_CASHIER.name, exact: true })
    for (let moves = 0; !(await cashier.isChecked()) && moves < 10; moves += 1) {
      await page.keyboard.press('ArrowDown')
    }
    expect(await cashier.isChecked()).toBe(true)
    await page.keyboard.press('Enter')
    expect(
      await form
        .getByLabel('PIN', { exact: true })
        .evaluate((node) => node === node.ownerDocument.activeElement)
    ).toBe(true)
    await session.screenshot('session-3-pick-user')
    await tapPin(page, 'sign-in-form', DEMO_CASHIER.pin)
    expect(await form.getByLabel('PIN', { exact: true }).inputValue()).toBe(DEMO_CASHIER.pin)
    await form.getByRole('button', { name: 'Entrar' }).click()
    await page.locator('[data-session="open"]').waitFor()
    expect(await textOf(page.getByTestId('status-bar'))).toContain(`Cajero: ${DEMO_CASHIER.name}`)

    expect((await navLabels(page)).join(' ')).not.toContain('Usuarios')
    await page.keyboard.press('F12')
    expect(await page.locator('main').getAttribute('data-screen')).toBe('search')
    expect((await rpc(harness, 'users:list')).error?.code).toBe('forbidden')
    expect((await rpc(harness, 'settings:set', { idleLockMinutes: 240 })).error?.code).toBe(
      'forbidden'
    )
    expect(harness.services.settings.get().idleLockMinutes).toBe(1)
    await session.screenshot('session-4-cashier')
  })

  it('puts the signed-in cashier on the receipt of a payment taken offline', async () => {
    const { page, harness } = session
    const simulator = harness.simulator
    if (!simulator) throw new Error('needs the embedded simulator')
    await openShift(page)
    // Online once, so the cache knows the customer and the contract's bills.
    await searchCustomer(page, 'NIT', smallBill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${smallBill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${smallBill.billNo}`).waitFor()

    simulator.setFaults({ refuseConnections: true })
    await simulator.settled()
    await page.getByLabel(`Pagar la factura ${smallBill.billNo}`).check()
    await page.keyboard.press('F4')
    await page.getByLabel('Tarjeta débito (datáfono)').check()
    await fillCardApproval(page)
    await page.keyboard.press('Enter')
    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await textOf(receipt)).toContain(`Cajero: ${DEMO_CASHIER.name}`)
    expect(await page.getByTestId('receipt-approved-by').count()).toBe(0)
    // Sending it fails, so the till now knows it is offline and applies the cap.
    await expect
      .poll(() => textOf(page.getByTestId('connection')), { timeout: 30_000 })
      .toBe('Sin conexión')
  })

  it('takes a payment above the offline cap only with a supervisor PIN', async () => {
    const { page } = session
    await searchCustomer(page, 'NIT', largeBill.identification)
    await page.getByRole('button', { name: new RegExp(`Contrato ${largeBill.contractId}`) }).click()
    await page.getByLabel(`Pagar la factura ${largeBill.billNo}`).check()
    await page.keyboard.press('F4')
    await page.getByLabel('Tarjeta débito (datáfono)').check()
    await fillCardApproval(page)
    await page.keyboard.press('Enter')
    await page.getByText(/Sin conexión, un pago no puede superar/).waitFor()
    expect(await page.getByTestId('receipt').count()).toBe(0)

    await page.getByTestId('request-approval').click()
    const dialog = page.getByTestId('supervisor-approval')
    await dialog.getByLabel('Nombre del supervisor').fill(DEMO_CASHIER.name)
    await tapPin(page, 'supervisor-approval', DEMO_CASHIER.pin)
    await dialog.getByRole('button', { name: 'Autorizar' }).click()
    await dialog.getByText(`${DEMO_CASHIER.name} no es supervisor`).waitFor()
    await approveAsSupervisor(page, () => session.screenshot('session-5-approval'))

    const receipt = page.getByTestId('receipt')
    await receipt.waitFor()
    expect(await textOf(receipt)).toContain(largeBill.billNo)
    expect(await textOf(receipt)).toContain(`Cajero: ${DEMO_CASHIER.name}`)
    expect(await textOf(page.getByTestId('receipt-approved-by'))).toBe(
      `Autorizado por ${SUPERVISOR.name}`
    )
    expect(await textOf(page.getByTestId('receipt-sync'))).toBe('PENDIENTE DE CONFIRMACIÓN')
    await session.screenshot('session-6-approved-receipt')
    session.harness.simulator?.setFaults({ refuseConnections: false })
  })

  it('locks over the screen, keeps the half-typed work for the same cashier, clears it for another', async () => {
    const { page, harness } = session
    await page.keyboard.press('F2')
    const identification = page.getByTestId('identification')
    await identification.fill('8300')

    // `idleLockMinutes` is 1 (set above): a minute and a bit without activity, then the check
    // main's idle timer runs.
    skippedMs += 61_000
    expect(harness.services.sessions.checkIdle()).toBe(true)
    const lock = page.getByTestId('lock-screen')
    await lock.waitFor()
    expect(await textOf(lock)).toContain(`${DEMO_CASHIER.name}, escriba su PIN`)
    await page.keyboard.press('F6')
    expect(await page.locator('main').getAttribute('data-screen')).toBe('search')
    // Under the lock the screens are inert: still there, but nothing in them takes the focus.
    expect(
      await identification.evaluate((node) => {
        ;(node as unknown as { focus(): void }).focus()
        return node === node.ownerDocument.activeElement
      })
    ).toBe(false)
    expect((await rpc(harness, 'outbox:list', {})).error?.code).toBe('session_locked')

    const unlock = page.getByTestId('unlock-form')
    await unlock.getByLabel('PIN', { exact: true }).fill('9753')
    await unlock.getByLabel('PIN', { exact: true }).press('Enter')
    await unlock.getByText(/PIN incorrecto/).waitFor()
    await session.screenshot('session-7-locked')
    await unlock.getByLabel('PIN', { exact: true }).fill(DEMO_CASHIER.pin)
    await unlock.getByLabel('PIN', { exact: true }).press('Enter')
    await lock.waitFor({ state: 'detached' })
    expect(await identification.inputValue()).toBe('8300')
    expect(await identification.evaluate((node) => node === node.ownerDocument.activeElement)).toBe(
      true
    )

    await page.keyboard.press('Control+l')
    await lock.waitFor()
    await lock.getByRole('button', { name: 'Otro usuario' }).click()
    await signIn(page, SECOND_CASHIER.name, SECOND_CASHIER.pin)
    await page.locator('[data-session="open"]').waitFor()
    expect(await textOf(page.getByTestId('status-bar'))).toContain(`Cajero: ${SECOND_CASHIER.name}`)
    expect(await page.getByTestId('identification').inputValue()).toBe('')
    await session.screenshot('session-8-other-user')
  })
})
