import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron } from 'playwright-core'
import type { ElectronApplication } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { electronBinaryPath, projectRoot } from '../../../scripts/lib/electron-env.mjs'
import { buildDataset } from '../../../electron/simulator/dataset'
import type { Dataset } from '../../../electron/simulator/dataset'

// `require('electron')` would try to download the binary; this only looks for it.
const executablePath = electronBinaryPath(projectRoot)
const needsDisplay =
  process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY

const skipReason = !executablePath
  ? 'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD)'
  : needsDisplay
    ? 'no display: run under xvfb-run (npm run test:e2e:electron)'
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
  displayId: string
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
      displayId: owner.displayId,
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
    dataDir = mkdtempSync(join(tmpdir(), 'caja-e2e-electron-'))
    app = await _electron.launch({
      executablePath: executablePath!,
      args: [projectRoot],
      cwd: projectRoot,
      // No TIGO_* from the developer's shell: the app must run its embedded simulator.
      env: {
        ...withoutTigoSettings(process.env),
        CAJA_USER_DATA_DIR: dataDir,
        ELECTRON_RENDERER_URL: ''
      }
    })
  })

  afterAll(async () => {
    await app?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  it('opens the cashier window on the built renderer', async () => {
    const page = await app.firstWindow()
    await page.waitForLoadState('domcontentloaded')
    expect(page.url()).toMatch(/\/out\/renderer\/index\.html/)
    expect(await page.title()).toBe('Caja')
  })

  it('runs the window isolated and sandboxed with the built preload', async () => {
    await app.firstWindow()
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      // Undocumented in electron.d.ts but present: the preferences the renderer really got.
      type WithPrefs = { getLastWebPreferences(): Electron.WebPreferences | null }
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as WithPrefs
      const p = contents.getLastWebPreferences()
      return {
        contextIsolation: p?.contextIsolation,
        sandbox: p?.sandbox,
        nodeIntegration: p?.nodeIntegration,
        webSecurity: p?.webSecurity,
        preload: p?.preload
      }
    })
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
    expect(prefs.preload).toBe(join(projectRoot, 'out', 'preload', 'index.js'))
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

    await page.keyboard.press('F2')
    await page.getByLabel('Tipo de documento').selectOption('NIT')
    await page.getByLabel('Número de identificación').fill(sample.displayId)
    await page.keyboard.press('Enter')
    await page.locator('.customer-screen').waitFor()
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
