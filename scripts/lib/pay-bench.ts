/**
 * The pay flow as a cashier meets it, timed in the harness with Chromium: the simulator in its
 * own process (Tigo is remote), the harness pointed at it, and per repetition a fresh page that
 * scans a customer's first bill (first scan → pay screen), scans more of their bills (later
 * scans), tenders cash and confirms (confirm → receipt). Times are taken inside the page, from
 * the scanner's keystrokes or the click to the next frame after the awaited element appears, so
 * the browser automation's own round trips are not counted.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { DEMO_CASHIER } from '@main/users/seed'
import { SIMULATOR_CREDENTIALS } from '@main/tigo/settings'
import { BILLING_PREFIX } from '@simulator/faults'
import { startChildService, type ChildService } from './child-service'

export interface PayBenchOptions {
  repetitions: number
  /** Scans after the first, per repetition. */
  laterScans: number
  chromiumPath: string
  log?: (message: string) => void
}

export interface PayBenchResult {
  firstScanMs: number[]
  laterScanMs: number[]
  confirmMs: number[]
}

interface UnpaidBill {
  billNo: string
  identification: string
  idType: string
  amount: number
  barcodes: { human: string }
}

/**
 * Installed in every page: the scanner's burst of keydown events, sent in one synchronous loop
 * (as the e2e tests do), and a stopwatch that stops at the first frame after `done()` holds.
 */
const IN_PAGE = `
window.__payBench = (() => {
  const STEP_TIMEOUT_MS = 30000
  // What the page shows when a step never ends, for the error.
  const state = () => JSON.stringify({
    screen: document.querySelector('main')?.getAttribute('data-screen'),
    lines: lines(),
    notice: document.querySelector('[data-testid="notice"]')?.textContent,
    alert: [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent).join(' | ')
  })
  const until = (done) => new Promise((resolve, reject) => {
    if (done()) return resolve()
    const observer = new MutationObserver(() => {
      if (!done()) return
      observer.disconnect()
      clearTimeout(timer)
      resolve()
    })
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error('step not done after ' + STEP_TIMEOUT_MS + ' ms: ' + state()))
    }, STEP_TIMEOUT_MS)
    observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true })
  })
  const timed = async (start, done) => {
    const started = performance.now()
    start()
    await until(done)
    await new Promise((resolve) => requestAnimationFrame(() => resolve()))
    return performance.now() - started
  }
  const lines = () => document.querySelectorAll('[data-testid="basket-line"]').length
  return {
    scan: (raw, expectedLines) => timed(() => {
      const target = document.activeElement || document.body
      const send = (key, ctrlKey) => target.dispatchEvent(
        new KeyboardEvent('keydown', { key, ctrlKey: !!ctrlKey, bubbles: true, cancelable: true }))
      for (const char of raw) char === '\\u001d' ? send(']', true) : send(char)
      send('Enter')
    }, () => !!document.querySelector('main[data-screen="pay"]') && lines() >= expectedLines),
    confirm: () => timed(() => {
      const button = [...document.querySelectorAll('button')]
        .find((b) => /Confirmar pago/.test(b.textContent || ''))
      if (!button) throw new Error('no Confirmar pago button')
      button.click()
    }, () => !!document.querySelector('[data-testid="receipt"]'))
  }
})()
`

/**
 * The most a repetition pays: under the till's cap on what may wait to be sent (a payment is
 * pending until the engine has sent it), so no repetition stops for a supervisor.
 */
const MAX_PAYMENT = 15_000_000

/** Customers with `count` unpaid bills each, from the simulator's dataset summary. */
async function customersWithBills(
  adminUrl: string,
  customers: number,
  count: number
): Promise<UnpaidBill[][]> {
  const response = await fetch(`${adminUrl}/__admin/dataset`)
  if (!response.ok) throw new Error(`dataset: HTTP ${response.status}`)
  const dataset = (await response.json()) as { unpaidBills: UnpaidBill[] }
  const byCustomer = new Map<string, UnpaidBill[]>()
  const picked: UnpaidBill[][] = []
  for (const bill of dataset.unpaidBills) {
    const bills = [...(byCustomer.get(bill.identification) ?? []), bill]
    if (bills.reduce((sum, b) => sum + b.amount, 0) > MAX_PAYMENT) continue
    byCustomer.set(bill.identification, bills)
    if (bills.length !== count) continue
    picked.push(bills)
    if (picked.length === customers) return picked
  }
  throw new Error(`the dataset has fewer than ${customers} customers with ${count} unpaid bills`)
}

function pesos(value: number): string {
  return value.toLocaleString('es-CO')
}

async function signedIn(page: Page, url: string, firstTime: boolean): Promise<void> {
  await page.goto(url)
  const form = page.getByTestId('sign-in-form')
  const open = page.locator('[data-session="open"]')
  await form.or(open).first().waitFor()
  if (await form.isVisible()) {
    await form.getByRole('radio', { name: DEMO_CASHIER.name, exact: true }).click()
    const pin = form.getByLabel('PIN', { exact: true })
    await pin.fill(DEMO_CASHIER.pin)
    await pin.press('Enter')
    await open.waitFor()
  }
  if (firstTime) {
    // No payment without a shift: opened once, it stays open for the till.
    await page.keyboard.press('F7')
    await page.getByTestId('opening-float').fill('0')
    await page.getByRole('button', { name: 'Abrir turno' }).click()
    await page.getByTestId('shift-summary').waitFor()
    await page.keyboard.press('F2')
  }
  await page.locator('main[data-screen="search"]').waitFor()
}

async function oneCustomer(page: Page, bills: readonly UnpaidBill[], result: PayBenchResult) {
  const [first, ...later] = bills
  if (!first) throw new Error('no bill to scan')
  const scan = (raw: string, lines: number) =>
    page.evaluate(`window.__payBench.scan(${JSON.stringify(raw)}, ${lines})`) as Promise<number>
  result.firstScanMs.push(await scan(first.barcodes.human, 1))
  // Found by its barcode: the customer's id type is the cashier's to confirm, once.
  const confirmForm = page.getByTestId('id-type-confirm')
  await confirmForm.getByLabel('Tipo de documento').selectOption(first.idType)
  await confirmForm.getByRole('button', { name: 'Confirmar tipo de documento' }).click()
  await confirmForm.waitFor({ state: 'detached' })
  for (const [index, bill] of later.entries()) {
    result.laterScanMs.push(await scan(bill.barcodes.human, index + 2))
  }
  const total = bills.reduce((sum, bill) => sum + bill.amount, 0)
  await page.getByTestId('tendered').fill(pesos(total))
  result.confirmMs.push((await page.evaluate('window.__payBench.confirm()')) as number)
  const receipt = await page.getByTestId('receipt').textContent()
  if (!receipt?.includes(first.billNo)) throw new Error('the receipt does not show the bill')
}

export async function runPayBench(options: PayBenchOptions): Promise<PayBenchResult> {
  const log = options.log ?? (() => undefined)
  const dataDir = mkdtempSync(join(tmpdir(), 'caja-bench-pay-'))
  const services: ChildService[] = []
  let browser: Browser | undefined
  try {
    const simulator = await startChildService(
      'electron/simulator/cli.ts',
      /listening on (http:\/\/\S+)/,
      { PORT: '0' }
    )
    services.push(simulator)
    const simUrl = simulator.announced
    const harness = await startChildService('test/harness/cli.ts', /harness at (http:\/\/\S+)/, {
      PORT: '0',
      CASHIER_DATA_DIR: dataDir,
      CAJA_DEMO_USERS: '1',
      TIGO_API_BASE_URL: `${simUrl}${BILLING_PREFIX}`,
      TIGO_CLIENT_ID: SIMULATOR_CREDENTIALS.clientId,
      TIGO_CLIENT_SECRET: SIMULATOR_CREDENTIALS.clientSecret
    })
    services.push(harness)
    log(`simulator ${simUrl}, harness ${harness.announced}`)
    const customers = await customersWithBills(simUrl, options.repetitions, options.laterScans + 1)

    browser = await chromium.launch({
      executablePath: options.chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
    })
    const result: PayBenchResult = { firstScanMs: [], laterScanMs: [], confirmMs: [] }
    for (const [rep, bills] of customers.entries()) {
      // A fresh page each time: the first scan meets a renderer that has scanned nothing yet.
      const context = await browser.newContext({
        viewport: { width: 1366, height: 768 },
        locale: 'es-CO',
        timezoneId: 'America/Bogota'
      })
      try {
        const page = await context.newPage()
        await page.addInitScript(IN_PAGE)
        await signedIn(page, harness.announced, rep === 0)
        await oneCustomer(page, bills, result)
      } finally {
        await context.close()
      }
      log(
        `repetition ${rep + 1}/${customers.length}: first scan ${Math.round(result.firstScanMs.at(-1) ?? 0)} ms`
      )
    }
    return result
  } finally {
    await browser?.close()
    for (const service of services.reverse()) await service.stop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}
