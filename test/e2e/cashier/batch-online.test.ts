/**
 * The offline-payments file imported online with no pre-load (issue 14): bills this till never
 * looked up are looked up at Tigo while a progress bar (read by assistive technology) moves, then
 * the rows are valid and confirmed. A second file is cancelled midway: the rows looked up stay
 * valid, the rest say in Spanish why they were not. The simulator answers slowly here so the bar
 * and its cancel button are on screen long enough to be seen and used.
 */
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import {
  expectNoTechnicalWords,
  missingPrerequisite,
  textOf,
  useCashier,
  VIEWPORTS
} from './fixture'
import type { DatasetSummary } from './fixture'
import { findBills, OFFLINE_CAP, type BillSummary } from '@support/dataset'

const HEADER = 'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago'
/** Slow enough that the lookups of a few customers take seconds: the bar can be seen and used. */
const SLOW_TIGO_MS = 1_000

function csv(bills: readonly BillSummary[], today: string): string {
  const day = new Date(`${today}T12:00:00Z`)
  day.setUTCDate(day.getUTCDate() - 1)
  const paidAt = `${day.toISOString().slice(0, 10)} 10:30`
  const rows = bills.map(
    (b) =>
      `${b.idType};${b.identification};${b.contractId};${b.billNo};${b.amount};efectivo;${paidAt}`
  )
  return `${[HEADER, ...rows].join('\r\n')}\r\n`
}

async function chooseCsv(page: Page, name: string, text: string): Promise<void> {
  await page.getByTestId('batch-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text, 'utf8')
  })
}

/** Bills of `count` customers not in `used` (which then holds them), each its own contract. */
function freshBills(dataset: DatasetSummary, used: string[], count: number): BillSummary[] {
  const found: BillSummary[] = []
  while (found.length < count) {
    const bill = findBills(dataset, 1, { maxAmount: OFFLINE_CAP, exclude: used })[0]!
    used.push(bill.identification, bill.contractId)
    found.push(bill)
  }
  return found
}

/** Remembers the furthest the lookup bar went, as assistive technology reads it. */
async function watchLookupBar(page: Page): Promise<void> {
  await page.evaluate(() => {
    const g = globalThis as unknown as {
      document: {
        body: unknown
        querySelector(s: string): { getAttribute(a: string): string | null } | null
      }
      MutationObserver: new (cb: () => void) => { observe(t: unknown, o: unknown): void }
      __lookupSeen: number
    }
    g.__lookupSeen = 0
    new g.MutationObserver(() => {
      const bar = g.document.querySelector('[data-testid=batch-lookup] [role=progressbar]')
      const now = Number(bar?.getAttribute('aria-valuenow') ?? 0)
      g.__lookupSeen = Math.max(g.__lookupSeen, now)
    }).observe(g.document.body, {
      subtree: true,
      childList: true,
      attributes: true
    })
  })
}

const lookupBarSeen = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { __lookupSeen: number }).__lookupSeen)

const reasonOf = (page: Page, line: number) =>
  textOf(page.locator(`[data-testid=batch-row][data-line="${line}"] [data-testid=batch-reason]`))

describe.skipIf(missingPrerequisite !== undefined).each([
  ['wide', VIEWPORTS.wide],
  ['narrow', VIEWPORTS.narrow]
] as const)('batch import online without a pre-load at %s', (_label, viewport) => {
  const session = useCashier({ as: 'supervisor', viewport })
  const tag = `batch-online-${viewport.width}`
  const used: string[] = []

  /** The batch screen, and bills of `count` customers this till never looked up. */
  async function openBatchScreen(count: number) {
    const { page, dataset, harness } = session
    const simulator = harness.simulator
    if (!simulator) throw new Error('needs the embedded simulator')
    await page.keyboard.press('F3')
    await page.getByRole('heading', { name: 'Importar pagos fuera de línea (lote)' }).waitFor()
    return { page, dataset, simulator, bills: freshBills(dataset, used, count) }
  }

  it('looks the new customers up with a progress bar, then imports every row', async () => {
    const { page, dataset, simulator, bills } = await openBatchScreen(3)
    // The file picker speaks Spanish: the browser's own button is not what is seen.
    const pick = page.getByTestId('batch-file-button')
    expect(await textOf(pick)).toBe('Elegir archivo…')
    expect(await textOf(page.getByTestId('batch-file-name'))).toBe('Ningún archivo elegido')
    const screenText = await page.locator('body').innerText()
    expect(screenText).not.toMatch(/Choose File|No file chosen|Browse/)

    await watchLookupBar(page)
    simulator.setFaults({ latencyMs: SLOW_TIGO_MS })
    await chooseCsv(page, 'pagos-sin-consultar.csv', csv(bills, dataset.today))
    const bar = page.getByRole('progressbar', {
      name: 'Consulta en Tigo de clientes y contratos nuevos'
    })
    await bar.waitFor()
    // One question per customer and one per contract: 3 of each.
    expect(await bar.getAttribute('aria-valuemax')).toBe('6')
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0)
    expect(await page.getByRole('button', { name: 'Cancelar consultas' }).isVisible()).toBe(true)
    await session.screenshot(`${tag}-1-looking-up`)

    await page.getByTestId('batch-totals').waitFor({ timeout: 60_000 })
    simulator.setFaults({ latencyMs: 0 })
    expect(await lookupBarSeen(page)).toBeGreaterThanOrEqual(1)
    expect(await textOf(page.getByTestId('batch-total-valid'))).toBe('3')
    expect(await textOf(page.getByTestId('batch-total-invalid'))).toBe('0')
    await expectNoTechnicalWords(page, 'batch import')
    await session.screenshot(`${tag}-2-preview`)

    await page.getByRole('button', { name: 'Confirmar e importar 3 pagos' }).click()
    await page.getByTestId('batch-result').waitFor({ timeout: 30_000 })
    expect(await textOf(page.getByTestId('batch-accepted'))).toBe('3')
    for (const bill of bills) {
      await expect
        .poll(() => simulator.registrationsByBill()[bill.billNo], { timeout: 60_000 })
        .toBe(1)
    }
    await session.screenshot(`${tag}-3-imported`)
  })

  it('cancelled midway keeps the rows looked up and says why the others were not', async () => {
    const { page, dataset, simulator, bills } = await openBatchScreen(8)
    simulator.setFaults({ latencyMs: SLOW_TIGO_MS })
    await chooseCsv(page, 'pagos-cancelados.csv', csv(bills, dataset.today))
    const cancel = page.getByRole('button', { name: 'Cancelar consultas' })
    await cancel.click()
    await page.getByTestId('batch-totals').waitFor({ timeout: 60_000 })
    simulator.setFaults({ latencyMs: 0 })

    // The first customer and its contract were under way when the cancel came: they finished.
    expect(await reasonOf(page, 2)).toBe('')
    const last = 1 + bills.length
    expect(await reasonOf(page, last)).toBe(
      'Sin consultar en Tigo: se canceló la consulta. Cargue el archivo otra vez.'
    )
    expect(Number(await textOf(page.getByTestId('batch-total-invalid')))).toBeGreaterThan(0)
    await expectNoTechnicalWords(page, 'batch import')
    await page.getByTestId('batch-rows').scrollIntoViewIfNeeded()
    await session.screenshot(`${tag}-4-cancelled`)
  })
})
