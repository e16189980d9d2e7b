/**
 * The real app in the real Electron, through Playwright's `_electron`. Runs where the Electron
 * binary is installed and a display exists (`npm run test:e2e:electron` builds out/ and the
 * Electron-ABI better-sqlite3, then runs this under xvfb-run). Elsewhere every test is reported
 * skipped, with the reason printed: a skipped test is never a passed one.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron } from 'playwright-core'
import type { ElectronApplication } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  electronBinaryPath,
  ensureElectronNative,
  projectRoot
} from '@scripts/lib/electron-env.mjs'
import { linuxSandboxState } from '@scripts/lib/linux-sandbox.mjs'
import { buildDataset } from '@simulator/dataset'
import type { Dataset } from '@simulator/dataset'
import { DEMO_CASHIER, searchCustomer, signIn } from '../cashier/fixture'

// `require('electron')` would try to download the binary; this only looks for it.
const executablePath = electronBinaryPath(projectRoot)
const needsDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
const sandboxBlocked =
  executablePath !== undefined && linuxSandboxState({ electronPath: executablePath }).blocked

const skipReason = !executablePath
  ? 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)'
  : needsDisplay
    ? 'no display: run under xvfb-run (npm run test:e2e:electron)'
    : sandboxBlocked
      ? "AppArmor blocks Chromium's sandbox here (see README, Ubuntu 24.04 and AppArmor)"
      : undefined
if (skipReason) console.warn(`[e2e/electron] skipped: ${skipReason}`)

function withoutTigoSettings(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !entry[0].startsWith('TIGO_')
    )
  )
}

interface GoldenSample {
  identification: string
  name: string
  contractId: string
  billNo: string
}

/**
 * An unpaid bill of a NIT customer from the embedded simulator's world. That world is seeded
 * (seed 1, today in Bogotá) and the main process starts it with the defaults, so building the
 * same dataset here names the customers the app will find.
 */
function goldenSample(dataset: Dataset): GoldenSample {
  for (const bill of dataset.bills) {
    if (bill.paid) continue
    const owner = dataset.customers.find(
      (customer) => customer.idType === 'NIT' && customer.contractIds.includes(bill.contractId)
    )
    // On the first page of contracts, so its button is on screen without paging.
    if (!owner || owner.contractIds.length > 20) continue
    return {
      identification: owner.identification,
      name: owner.name,
      contractId: bill.contractId,
      billNo: bill.billNo
    }
  }
  throw new Error('the simulator dataset has no unpaid NIT bill')
}

describe.skipIf(skipReason !== undefined)('Caja in Electron', () => {
  let app: ElectronApplication
  let dataDir: string

  beforeAll(async () => {
    const main = join(projectRoot, 'out', 'main', 'index.js')
    if (!existsSync(main)) throw new Error(`${main} missing: run npm run build first`)
    // The app refuses to start without better-sqlite3 built for Electron's ABI (proven from the
    // binary), so it is made first; this fails with the reason where it cannot be made.
    await ensureElectronNative({ root: projectRoot })
    dataDir = mkdtempSync(join(tmpdir(), 'caja-e2e-electron-'))
    app = await _electron.launch({
      executablePath: executablePath!,
      args: [projectRoot],
      cwd: projectRoot,
      // No TIGO_* from the developer's shell: the app must run its embedded simulator, with
      // the demo cashier to sign in as.
      env: {
        ...withoutTigoSettings(process.env),
        CAJA_USER_DATA_DIR: dataDir,
        CAJA_DEMO_USERS: '1',
        ELECTRON_RENDERER_URL: ''
      }
    })
  }, 600_000)

  afterAll(async () => {
    await app?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('opens the cashier window on app://caja/, not file://', async () => {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    expect(page.url()).toBe('app://caja/index.html')
    expect(await page.title()).toBe('Caja')
    // The protocol serves out/renderer only: nothing above it, not even the main bundle.
    const status = await page.evaluate(async () => {
      const response = await fetch('app://caja/../main/index.js').catch(() => undefined)
      return response?.status ?? 0
    })
    expect(status === 404 || status === 0).toBe(true)
  })

  it('runs the window isolated and sandboxed; the preload ran (window.cashier)', async () => {
    const page = await app.firstWindow()
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Undocumented in electron.d.ts but present: what the renderer really got. It holds
      // nodeIntegration, sandbox, contextIsolation, webSecurity, webviewTag… but never the
      // preload path (shell/browser/web_contents_preferences.cc SaveLastPreferences).
      type WithPrefs = { getLastWebPreferences(): Electron.WebPreferences | null }
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as WithPrefs
      const p = contents.getLastWebPreferences()
      return {
        contextIsolation: p?.contextIsolation,
        sandbox: p?.sandbox,
        nodeIntegration: p?.nodeIntegration,
        webSecurity: p?.webSecurity,
        webviewTag: p?.webviewTag
      }
    })
    expect(prefs).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false
    })
    // The preload's only export reached the page, so the built preload is the one that ran.
    expect(await page.evaluate(() => typeof (globalThis as { cashier?: unknown }).cashier)).toBe(
      'object'
    )
  })

  it('has no application menu (no reload, close, quit or zoom shortcuts) when packaged', async () => {
    const { packaged, menu } = await app.evaluate(({ app: electronApp, Menu }) => ({
      packaged: electronApp.isPackaged,
      menu: Menu.getApplicationMenu()?.items.map((item) => item.label) ?? null
    }))
    // Run from the checkout (`electron .`) the app is a developer's run: its small menu has
    // reload and DevTools only. A packaged build has none at all.
    if (packaged) expect(menu).toBeNull()
    else expect(menu).toEqual(['Desarrollo'])
  })

  it('gives the page window.cashier but no Node and no new windows', async () => {
    const page = await app.firstWindow()
    const seen = await page.evaluate(() => {
      const page = globalThis as unknown as {
        cashier?: unknown
        require?: unknown
        process?: unknown
        open(url: string): unknown
      }
      return {
        cashier: typeof page.cashier,
        require: typeof page.require,
        process: typeof page.process,
        // Denied by the window-open handler before any request is made.
        popup: page.open('https://evil.example/') === null
      }
    })
    expect(seen).toEqual({
      cashier: 'object',
      require: 'undefined',
      process: 'undefined',
      popup: true
    })
    expect(app.windows()).toHaveLength(1)
  })

  it('golden path in demo mode: finds a NIT customer of the simulator and shows its bills', async () => {
    const sample = goldenSample(buildDataset())
    const page = await app.firstWindow()
    // No API configured: the embedded simulator answers, and the cashier is told so.
    await expect
      .poll(async () => (await page.getByTestId('demo-banner').textContent()) ?? '', {
        timeout: 30_000
      })
      .toMatch(/MODO DEMOSTRACIÓN/)
    await page.getByTestId('connection').waitFor()

    // Nothing but the sign-in screen before someone signs in (CAJA_DEMO_USERS=1 seeds him).
    await signIn(page, DEMO_CASHIER.name, DEMO_CASHIER.pin)
    await page.locator('[data-session="open"]').waitFor()
    await searchCustomer(page, 'NIT', sample.identification)
    await page.getByRole('heading', { name: new RegExp(escapeRegExp(sample.name)) }).waitFor()

    await page.getByRole('button', { name: new RegExp(`Contrato ${sample.contractId}`) }).click()
    await page.getByRole('heading', { name: /^Facturas \(\d+\)$/ }).waitFor()
    const pick = page.getByLabel(`Pagar la factura ${sample.billNo}`)
    await pick.waitFor()
    expect(await pick.isEnabled()).toBe(true)
    expect(await page.getByTestId('bills').textContent()).toContain(sample.billNo)
  })
})

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
