/**
 * Helpers for the printing, batch and closing e2e tests: paying bills through the UI, and reading
 * the PDFs the harness printer writes (`pdftotext -layout`, `pdftoppm -png`) as a person would.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import type { BillSummary } from './fixture'
import { describeAtViewports, describeCashier, searchCustomer, textOf } from './fixture'

export const missingPdfTools = ['pdftotext', 'pdftoppm'].find(
  (tool) => !existsSync(`/usr/bin/${tool}`)
)

/** A suite that reads the printed paper back: skipped where poppler's tools are missing. */
export const describePrinting: typeof describeCashier = (name, options, body) =>
  describeCashier(name, options, body, missingPdfTools)

/** The same at both cashier monitors. */
export const describePrintingAtViewports: typeof describeAtViewports = (name, options, body) =>
  describeAtViewports(name, options, body, missingPdfTools)

/** Pesos as the Spanish screens and papers write them: 85.000 */
export function pesos(value: number): string {
  return value.toLocaleString('es-CO')
}

/** The PDF's text with runs of spaces (and no-break spaces) folded to one. */
export function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/[ \t]+/g, ' ')
}

/** Renders the first page to `test-results/screens/<name>.png` for a person to look at. */
export function renderPdf(file: string, name: string): string {
  const prefix = join(resolve('test-results/screens'), name)
  execFileSync('pdftoppm', ['-r', '120', '-png', '-singlefile', file, prefix])
  return `${prefix}.png`
}

/** Looks the customer up and opens the contract, so its bills are in the offline cache. */
export async function openContract(page: Page, bill: BillSummary): Promise<void> {
  await searchCustomer(page, bill.idType, bill.identification)
  await page.getByRole('button', { name: new RegExp(`Contrato ${bill.contractId}`) }).click()
  await page.getByLabel(`Pagar la factura ${bill.billNo}`).waitFor({ timeout: 30_000 })
}

/** A datáfono approval as the slip prints it, for the card payments of the e2e tests. */
export const CARD_APPROVAL = Object.freeze({ approvalCode: 'A1B2C3', cardLast4: '4242' })

/** Fills the card fields of the pay screen (the card method already chosen). */
export async function fillCardApproval(
  page: Page,
  approval: { approvalCode: string; cardLast4: string } = CARD_APPROVAL
): Promise<void> {
  await page.getByLabel('Código de aprobación', { exact: true }).fill(approval.approvalCode)
  await page.getByLabel('Últimos 4 dígitos', { exact: true }).fill(approval.cardLast4)
}

/** A cheque and a transfer as the cashier copies them, for the e2e tests. */
export const CHEQUE = Object.freeze({ bank: 'Banco de Bogotá', checkNumber: '00012345' })
export const TRANSFER = Object.freeze({ bank: 'Bancolombia', transferReference: 'TRF-778899' })

/** Fills what the chosen method records of its own: card approval, cheque or transfer. */
export async function fillMethodReference(page: Page, methodLabel: string): Promise<void> {
  if (/Tarjeta/.test(methodLabel)) return fillCardApproval(page)
  const fields: Record<string, string> = /Cheque/.test(methodLabel)
    ? { bank: CHEQUE.bank, checkNumber: CHEQUE.checkNumber }
    : /Transferencia/.test(methodLabel)
      ? { bank: TRANSFER.bank, transferReference: TRANSFER.transferReference }
      : {}
  for (const [field, value] of Object.entries(fields)) {
    await page.getByTestId(`reference-${field}`).fill(value)
  }
}

/**
 * Ticks the bills on the open contract and confirms the payment: in cash with the exact amount,
 * or with the payment method whose label is given. Does not wait for what follows (a receipt, a
 * refusal over a cap).
 */
export async function submitPayment(
  page: Page,
  bills: readonly BillSummary[],
  methodLabel?: string
): Promise<void> {
  for (const bill of bills) await page.getByLabel(`Pagar la factura ${bill.billNo}`).check()
  await page.keyboard.press('F4')
  await page.locator('.pay-screen').waitFor()
  const total = bills.reduce((sum, bill) => sum + bill.amount, 0)
  if (methodLabel) {
    await page.getByLabel(methodLabel).check()
    await fillMethodReference(page, methodLabel)
  } else await page.getByTestId('tendered').fill(pesos(total))
  await page.keyboard.press('Enter')
}

/**
 * Ticks the bills on the open contract and pays them: in cash with the exact amount, or with the
 * payment method whose label is given (e.g. 'Tarjeta débito (datáfono)'). Returns the receipt.
 */
export async function payInCash(
  page: Page,
  bills: readonly BillSummary[],
  methodLabel?: string
): Promise<string> {
  await submitPayment(page, bills, methodLabel)
  await page.getByTestId('receipt').waitFor()
  return textOf(page.getByTestId('receipt'))
}

/** The file path out of the print result line ("PDF guardado en …"). */
export async function printedFile(page: Page, scope = page.getByTestId('receipt-print')) {
  const line = scope.getByTestId('print-result')
  await line.waitFor({ timeout: 60_000 })
  const text = await textOf(line)
  const match = /(\/\S+\.pdf)$/.exec(text)
  if (!match?.[1]) throw new Error(`no PDF path in "${text}"`)
  return match[1]
}

/**
 * Tigo back: lets the simulator answer again, asks for a sync and waits until the receipt on
 * screen says its payment is registered.
 */
export async function backOnlineUntilRegistered(
  page: Page,
  simulator: { setFaults(faults: { refuseConnections: boolean }): void; settled(): Promise<void> }
): Promise<void> {
  simulator.setFaults({ refuseConnections: false })
  await simulator.settled()
  await page.getByRole('button', { name: 'Sincronizar' }).click()
  await expect
    .poll(() => textOf(page.getByTestId('receipt-sync')), { timeout: 60_000 })
    .toBe('REGISTRADO EN TIGO')
}
