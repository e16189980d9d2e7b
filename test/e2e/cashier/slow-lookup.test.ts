/**
 * A slow lookup (issue 13), on the two cashier monitors: Tigo is made slow through the
 * simulator's admin API; a scan, then a customer search, show "Consultando…" in a live region,
 * and Esc cancels each one: the cashier stays on the same screen, told the lookup was cancelled,
 * and can go on at once. Screenshots: test-results/screens/slow-lookup-<width>-*.png.
 */
import type { Page } from 'playwright-core'
import { afterEach, expect, it } from 'vitest'
import { describeAtViewports, expectNoTechnicalWords, scan, textOf } from './fixture'
import { findBill, OFFLINE_CAP, type BillSummary } from '@support/dataset'

/** Longer than anyone waits for a lookup here; the client's own timeout ends it later. */
const SLOW_MS = 10_000

async function setLatency(adminUrl: string, latencyMs: number): Promise<void> {
  const response = await fetch(`${adminUrl}/__admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs })
  })
  if (!response.ok) throw new Error(`faults: HTTP ${response.status}`)
}

/** The progress is shown, inside the window, in the region screen readers announce. */
async function expectProgress(page: Page): Promise<void> {
  const progress = page.getByTestId('lookup-progress')
  await progress.waitFor()
  expect(await page.getByRole('status').filter({ has: progress }).count()).toBe(1)
  expect(await textOf(progress)).toMatch(/^Consultando…/)
  const box = await progress.boundingBox()
  const size = page.viewportSize()
  if (!box || !size) throw new Error('the progress is not rendered')
  expect(box.x).toBeGreaterThanOrEqual(0)
  expect(box.x + box.width).toBeLessThanOrEqual(size.width)
  expect(box.y + box.height).toBeLessThanOrEqual(size.height)
}

async function expectCancelled(page: Page): Promise<void> {
  await page.getByTestId('lookup-progress').waitFor({ state: 'detached' })
  await expect
    .poll(() => textOf(page.getByTestId('notice')), { timeout: 10_000 })
    .toMatch(/^Consulta cancelada/)
}

describeAtViewports('slow lookup at %s', {}, (session, viewport) => {
  const tag = `slow-lookup-${viewport.width}`
  const adminUrl = () => {
    const url = session.harness.simulator?.adminUrl
    if (!url) throw new Error('needs the embedded simulator')
    return url
  }

  afterEach(async () => {
    await setLatency(adminUrl(), 0)
  })

  it('shows progress for a slow scan; Esc cancels it and the screen is usable', async () => {
    const { page, dataset } = session
    const bill: BillSummary = findBill(dataset, { maxAmount: OFFLINE_CAP })
    await page.locator('main[data-screen="search"]').waitFor()
    await setLatency(adminUrl(), SLOW_MS)

    await scan(page, bill.barcodes.human)
    await expectProgress(page)
    await session.screenshot(`${tag}-1-scan-progress`)
    await expectNoTechnicalWords(page, 'slow scan')

    await page.keyboard.press('Escape')
    await expectCancelled(page)
    // Esc cancelled the lookup, it did not go back: the search screen stays, and answers.
    expect(await page.locator('main.screen').getAttribute('data-screen')).toBe('search')
    await page.getByTestId('identification').fill('900')
    expect(await page.getByTestId('identification').inputValue()).toBe('900')
    await session.screenshot(`${tag}-2-scan-cancelled`)

    // Tigo quick again: the same scan opens the bill to pay.
    await setLatency(adminUrl(), 0)
    await scan(page, bill.barcodes.human)
    await page.locator('.pay-screen').waitFor()
    expect(await page.getByLabel(new RegExp(bill.billNo)).isChecked()).toBe(true)
  })

  it('shows progress for a slow customer search; Esc cancels it and the form answers', async () => {
    const { page, dataset } = session
    const first = findBill(dataset, { maxAmount: OFFLINE_CAP })
    const bill = findBill(dataset, { idType: 'NIT', exclude: [first.identification] })
    await page.keyboard.press('F2')
    await page.locator('main[data-screen="search"]').waitFor()
    await setLatency(adminUrl(), SLOW_MS)

    await page.getByLabel('Tipo de documento').selectOption(bill.idType)
    await page.getByTestId('identification').fill(bill.identification)
    await page.keyboard.press('Enter')
    await expectProgress(page)
    await session.screenshot(`${tag}-3-search-progress`)

    await page.keyboard.press('Escape')
    await expectCancelled(page)
    expect(await page.locator('main.screen').getAttribute('data-screen')).toBe('search')
    // No error left behind, and the search button is there to press again.
    expect(await page.getByRole('alert').filter({ hasText: /\S/ }).count()).toBe(0)
    const submit = page.getByRole('button', { name: /^Buscar cliente/ })
    expect(await submit.isEnabled()).toBe(true)
    await session.screenshot(`${tag}-4-search-cancelled`)
    await expectNoTechnicalWords(page, 'cancelled search')
  })
})
