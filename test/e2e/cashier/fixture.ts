/**
 * One cashier session for a browser test: the harness (real services, embedded simulator, temp
 * data dir, demo users) on 127.0.0.1 port 0, Debian's Chromium through playwright-core, and the
 * simulator's dataset summary so tests pick real customers and bills instead of hard-coding them.
 * `openCashier()` signs in as the demo cashier before handing the page over.
 */
import { existsSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Locator, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe } from 'vitest'
import { startHarness, type Harness } from '../../harness/server'
import { CHROMIUM } from '@support/chromium'
import { fetchDataset, type DatasetSummary } from '@support/dataset'
import { CSV_COLUMN_NAMES, technicalTokens } from '@support/technical-tokens'

const SCREENS_DIR = resolve('test-results/screens')

export type { BillSummary, DatasetSummary } from '@support/dataset'

export interface CashierSession {
  page: Page
  harness: Harness
  dataset: DatasetSummary
  /** Saves `test-results/screens/<name>.png`. */
  screenshot(name: string): Promise<void>
  close(): Promise<void>
}

/** Seeded with `demoUsers: true` (electron/main/users/seed.ts). */
export const DEMO_CASHIER = Object.freeze({ name: 'Cajero Demo', pin: '1234' })
/** The first supervisor signs in with 0000 and must pick a new PIN: `SUPERVISOR.pin`. */
export const FIRST_SUPERVISOR_PIN = '0000'
export const SUPERVISOR = Object.freeze({ name: 'Supervisor', pin: '2580' })

export type SignInAs = 'cashier' | 'supervisor' | 'nobody'

export interface OpenCashierOptions {
  /** Default 'cashier' (the demo cashier); 'nobody' leaves the sign-in screen open. */
  as?: SignInAs
  /** Main's clock, for tests that move time forward (the idle lock). */
  clock?: () => number
  /**
   * Opens a shift (float 0) after signing in, through the shift screen: no payment is taken
   * without one (issue 14). Default false.
   */
  openShift?: boolean
  /** The browser window; default 1366×768, the commonest cashier monitor. */
  viewport?: { width: number; height: number }
}

/** The two cashier monitors the screens must fit without scrolling. */
export const VIEWPORTS = Object.freeze({
  wide: Object.freeze({ width: 1366, height: 768 }),
  narrow: Object.freeze({ width: 1024, height: 768 })
})

export const missingPrerequisite = !existsSync(CHROMIUM)
  ? `Chromium not found at ${CHROMIUM}`
  : !existsSync(resolve('out/renderer/index.html'))
    ? 'out/renderer missing: run npx electron-vite build first'
    : undefined

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined }

export async function openCashier(options: OpenCashierOptions = {}): Promise<CashierSession> {
  const harness = await startHarness({
    port: 0,
    env: {},
    log: quietLog,
    demoUsers: true,
    ...(options.clock ? { clock: options.clock } : {})
  })
  let browser: Browser | undefined
  try {
    const adminUrl = harness.simulator?.adminUrl
    if (!adminUrl) throw new Error('the e2e tests need the embedded simulator')
    const dataset = await fetchDataset(adminUrl)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    })
    const context = await browser.newContext({
      viewport: options.viewport ?? VIEWPORTS.wide,
      locale: 'es-CO',
      timezoneId: 'America/Bogota'
    })
    const page = await context.newPage()
    await page.goto(harness.url)
    await page.getByTestId('connection').waitFor()
    const as = options.as ?? 'cashier'
    if (as === 'cashier') await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
    if (as === 'supervisor') await signInSupervisor(page)
    if (as !== 'nobody') await page.locator('[data-session="open"]').waitFor()
    if (options.openShift && as !== 'nobody') await openShift(page)
    mkdirSync(SCREENS_DIR, { recursive: true })
    const openBrowser = browser
    return {
      page,
      harness,
      dataset,
      screenshot: async (name) => {
        await page.screenshot({ path: join(SCREENS_DIR, `${name}.png`) })
        // Every screen a test looks at is also read for technical words (issue 14); the picture
        // is saved first so a failure can be seen.
        await expectNoTechnicalWords(page, name)
      },
      close: async () => {
        await openBrowser.close()
        await harness.close()
      }
    }
  } catch (error) {
    await browser?.close()
    await harness.close()
    throw error
  }
}

/**
 * One session for a whole `describe`: opens it in `beforeAll`, closes it in `afterAll`. The
 * returned object reads through to the open session, so tests use it like `openCashier()`'s.
 */
export function useCashier(options: OpenCashierOptions = {}): Omit<CashierSession, 'close'> {
  let current: CashierSession | undefined
  beforeAll(async () => {
    current = await openCashier(options)
  })
  afterAll(async () => {
    await current?.close()
  })
  const open = (): CashierSession => {
    if (!current) throw new Error('the cashier session is not open (did beforeAll fail?)')
    return current
  }
  return {
    get page() {
      return open().page
    },
    get harness() {
      return open().harness
    },
    get dataset() {
      return open().dataset
    },
    screenshot: (name) => open().screenshot(name)
  }
}

/** What a suite's tests read: the open session (it closes after the suite). */
export type SuiteSession = Omit<CashierSession, 'close'>
export type Viewport = (typeof VIEWPORTS)[keyof typeof VIEWPORTS]

/**
 * A suite on one cashier session, skipped where Chromium is missing, or `alsoMissing` (another
 * prerequisite's reason, e.g. no pdftotext) is set.
 */
export function describeCashier(
  name: string,
  options: OpenCashierOptions,
  body: (session: SuiteSession) => void,
  alsoMissing?: string
): void {
  describe.skipIf(missingPrerequisite !== undefined || alsoMissing !== undefined)(name, () =>
    body(useCashier(options))
  )
}

/** The same suite at both cashier monitors, one session each; `%s` in the name says which. */
export function describeAtViewports(
  name: string,
  options: Omit<OpenCashierOptions, 'viewport'>,
  body: (session: SuiteSession, viewport: Viewport) => void,
  alsoMissing?: string
): void {
  describe.skipIf(missingPrerequisite !== undefined || alsoMissing !== undefined).each([
    ['wide', VIEWPORTS.wide],
    ['narrow', VIEWPORTS.narrow]
  ] as const)(name, (_label, viewport) => body(useCashier({ ...options, viewport }), viewport))
}

/**
 * The supervisor types name and PIN into the open approval dialog and sends it with Enter;
 * `beforeSending` runs with the fields filled (a screenshot, say).
 */
export async function approveAsSupervisor(
  page: Page,
  beforeSending?: () => Promise<unknown>
): Promise<void> {
  const dialog = page.getByTestId('supervisor-approval')
  await dialog.getByLabel('Nombre del supervisor').fill(SUPERVISOR.name)
  await dialog.getByLabel('PIN del supervisor').fill(SUPERVISOR.pin)
  await beforeSending?.()
  await dialog.getByLabel('PIN del supervisor').press('Enter')
}

/**
 * Signs in through the sign-in screen (or the lock screen's "Otro usuario" form) and waits until
 * that form is gone. Written first for the other e2e suites: use it, not your own clicks, so a
 * change to the sign-in screen is fixed in one place. It does not handle the PIN change a first
 * sign-in may demand (see `signInSupervisor`).
 */
export async function signIn(page: Page, name: string, pin: string): Promise<void> {
  const form = page.getByTestId('sign-in-form')
  await form.waitFor()
  await pickUser(page, name)
  const pinField = form.getByLabel('PIN', { exact: true })
  await pinField.fill(pin)
  await pinField.press('Enter')
  await form.waitFor({ state: 'detached' })
}

/** Picks the user from the sign-in form's list (a click): the PIN field then has the focus. */
export async function pickUser(page: Page, name: string): Promise<void> {
  const form = page.getByTestId('sign-in-form')
  await form.getByRole('radio', { name, exact: true }).click()
}

/** Changes the PIN on the change-PIN screen (shown when `mustChangePin`). */
export async function changePin(page: Page, currentPin: string, newPin: string): Promise<void> {
  const form = page.getByTestId('change-pin-form')
  await form.waitFor()
  await form.getByLabel('PIN actual', { exact: true }).fill(currentPin)
  await form.getByLabel('PIN nuevo', { exact: true }).fill(newPin)
  const repeat = form.getByLabel('Repita el PIN nuevo', { exact: true })
  await repeat.fill(newPin)
  await repeat.press('Enter')
  await form.waitFor({ state: 'detached' })
}

/**
 * Signs in as the seeded supervisor: the first time with 0000 and the forced PIN change to
 * `SUPERVISOR.pin`, later with that PIN.
 */
export async function signInSupervisor(page: Page, firstTime = true): Promise<void> {
  if (!firstTime) return signIn(page, SUPERVISOR.name, SUPERVISOR.pin)
  await signIn(page, SUPERVISOR.name, FIRST_SUPERVISOR_PIN)
  await changePin(page, FIRST_SUPERVISOR_PIN, SUPERVISOR.pin)
}

/**
 * Plays a keyboard-wedge scanner: one burst of keydown events (GS as Ctrl+]), then Enter, sent
 * from inside the page in one synchronous loop so the gaps stay far below the detector's limit
 * however busy the machine is (CDP round trips per key would make the test timing-dependent).
 */
export async function scan(page: Page, raw: string): Promise<void> {
  await page.evaluate((text) => {
    // This runs in the page; the test project compiles without DOM types, so name what we use.
    interface Target {
      dispatchEvent(event: unknown): boolean
    }
    const { document, KeyboardEvent } = globalThis as unknown as {
      document: { activeElement: Target | null; body: Target }
      KeyboardEvent: new (type: string, init: Record<string, unknown>) => unknown
    }
    const target = document.activeElement ?? document.body
    const send = (key: string, ctrlKey = false) =>
      target.dispatchEvent(
        new KeyboardEvent('keydown', { key, ctrlKey, bubbles: true, cancelable: true })
      )
    for (const char of text) {
      if (char === '\u001d') send(']', true)
      else send(char)
    }
    send('Enter')
  }, raw)
}

/**
 * Opens a shift for whoever is signed in, through the shift screen (F7), with the float given in
 * pesos, then goes back to the search screen. No payment is taken without an open shift.
 */
export async function openShift(page: Page, openingFloat = 0): Promise<void> {
  await page.keyboard.press('F7')
  await page.getByRole('heading', { name: 'Turno y cierre de caja' }).waitFor()
  await page.getByTestId('opening-float').fill(openingFloat.toLocaleString('es-CO'))
  await page.getByRole('button', { name: 'Abrir turno' }).click()
  await page.getByTestId('shift-summary').waitFor()
  await page.keyboard.press('F2')
  await page.locator('main[data-screen="search"]').waitFor()
}

/**
 * A customer found by a scan or a contract number is paid only once the cashier confirms its id
 * type (the contract answer does not carry it): confirms `idType` on the screen's form.
 */
export async function confirmIdType(page: Page, idType: string): Promise<void> {
  const form = page.getByTestId('id-type-confirm')
  await form.waitFor()
  await form.getByLabel('Tipo de documento').selectOption(idType)
  await form.getByRole('button', { name: 'Confirmar tipo de documento' }).click()
  await form.waitFor({ state: 'detached' })
}

/** Opens a customer from the search screen by id type and number. */
export async function searchCustomer(page: Page, idType: string, identification: string) {
  await page.keyboard.press('F2')
  await page.getByLabel('Tipo de documento').selectOption(idType)
  await page.getByTestId('identification').fill(identification)
  await page.keyboard.press('Enter')
  await page.locator('.customer-screen').waitFor()
}

/** The element's visible text, trimmed ('' when it has none). */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim()
}

/**
 * Fails when the screen shows a technical token (ECONNREFUSED, UND_ERR, HTTP, undefined, NaN,
 * "(s)", raw snake_case codes, UUIDs, the outbox's old English notes): every Spanish screen a test reaches can be checked (issue 14).
 */
export async function expectNoTechnicalWords(page: Page, screen: string): Promise<void> {
  // The batch screen documents the CSV header, whose column names are snake_case by contract.
  const onBatch = (await page.locator('main[data-screen="batch"]').count()) > 0
  const allowed = onBatch ? CSV_COLUMN_NAMES : undefined
  const found = technicalTokens(await page.locator('body').innerText(), allowed)
  if (found.length > 0) {
    throw new Error(`technical words on the ${screen} screen: ${found.join(', ')}`)
  }
}
