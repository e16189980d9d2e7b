/**
 * Offline batch import as a supervisor: payments taken away from the counter come in as a CSV of
 * real dataset bills (looked up first, so the offline cache knows them) plus rows that must be
 * refused with their reason. Confirmed rows reach the simulator once; the same file again adds
 * nothing. A 10,000-row file previews with a moving progress bar and a virtualized table.
 */
import { readFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { missingPrerequisite, useCashier, textOf } from './fixture'
import { findBills, OFFLINE_CAP, type BillSummary } from '@support/dataset'
import { openContract } from './till'

const HEADER =
  'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago;referencia_externa'

function row(bill: BillSummary, paidAt: string, overrides: Partial<Record<string, string>> = {}) {
  const cells = {
    idType: bill.idType,
    identification: bill.identification,
    contract: bill.contractId,
    bill: bill.billNo,
    amount: String(bill.amount),
    method: 'efectivo',
    paidAt,
    ref: `REC-${bill.billNo}`,
    ...overrides
  }
  return Object.values(cells).join(';')
}

function dayBefore(isoDay: string): string {
  const date = new Date(`${isoDay}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() - 1)
  return `${date.toISOString().slice(0, 10)} 10:30`
}

async function chooseCsv(page: Page, name: string, csv: string): Promise<void> {
  await page.getByTestId('batch-file').setInputFiles({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8')
  })
}

async function downloaded(page: Page, click: () => Promise<void>) {
  const [download] = await Promise.all([page.waitForEvent('download'), click()])
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') }
}

describe.skipIf(missingPrerequisite !== undefined)('offline batch import', () => {
  const session = useCashier({ as: 'supervisor' })

  it('previews good and bad rows, imports the good ones once, and refuses the file again', async () => {
    const { page, dataset, harness } = session
    const simulator = harness.simulator
    if (!simulator) throw new Error('needs the embedded simulator')
    const picked = findBills(dataset, 4, { maxAmount: OFFLINE_CAP })
    const [good1, good2, good3, wrongAmount] = picked as [
      BillSummary,
      BillSummary,
      BillSummary,
      BillSummary
    ]
    // The offline cache must know the customers and their bills.
    for (const bill of picked) await openContract(page, bill)

    const paidAt = dayBefore(dataset.today)
    const csv = [
      HEADER,
      row(good1, paidAt),
      row(good2, paidAt),
      row(wrongAmount, paidAt, { amount: String(wrongAmount.amount + 1000) }),
      row(good3, paidAt),
      row(good1, paidAt, { bill: '999999999-99' }),
      row(good2, paidAt, { paidAt: '31/02/2025' }),
      row(good3, paidAt, { method: 'bitcoin' }),
      row(good1, paidAt)
    ].join('\r\n')

    await page.keyboard.press('F3')
    await page.getByRole('heading', { name: 'Importar pagos fuera de línea (lote)' }).waitFor()
    expect(await textOf(page.locator('.batch-columns'))).toContain('fecha_pago')
    await session.screenshot('batch-1-columns')

    await chooseCsv(page, 'pagos-lote.csv', `${csv}\r\n`)
    const totals = page.getByTestId('batch-totals')
    await totals.waitFor({ timeout: 30_000 })
    expect(await textOf(page.getByTestId('batch-total-rows'))).toBe('8')
    expect(await textOf(page.getByTestId('batch-total-valid'))).toBe('3')
    expect(await textOf(page.getByTestId('batch-total-invalid'))).toBe('5')
    const reasonOf = (line: number) =>
      textOf(
        page.locator(`[data-testid=batch-row][data-line="${line}"] [data-testid=batch-reason]`)
      )
    expect(await reasonOf(2)).toBe('')
    expect(await reasonOf(4)).toContain(`El valor de la factura ${wrongAmount.billNo}`)
    expect(await reasonOf(6)).toContain('999999999-99')
    expect(await reasonOf(7)).toContain('31/02/2025')
    expect(await reasonOf(8)).toContain('bitcoin')
    expect(await reasonOf(9)).toContain('más de una vez')
    await page.getByTestId('batch-rows').scrollIntoViewIfNeeded()
    await session.screenshot('batch-2-preview')

    const rejected = await downloaded(page, () =>
      page.getByRole('button', { name: 'Descargar filas rechazadas (CSV)' }).click()
    )
    expect(rejected.name).toBe('pagos-lote-rechazados.csv')
    expect(rejected.text.trim().split(/\r?\n/)).toHaveLength(1 + 5)
    expect(rejected.text).toContain('amount_mismatch')

    await page.getByRole('button', { name: 'Confirmar e importar 3 pagos' }).click()
    await page.getByTestId('batch-result').waitFor({ timeout: 30_000 })
    expect(await textOf(page.getByTestId('batch-accepted'))).toBe('3')
    expect(await textOf(page.getByTestId('batch-rejected'))).toBe('5')
    await session.screenshot('batch-3-confirmed')

    for (const bill of [good1, good2, good3]) {
      await expect
        .poll(() => simulator.registrationsByBill()[bill.billNo], { timeout: 60_000 })
        .toBe(1)
    }
    expect(simulator.registrationsByBill()[wrongAmount.billNo]).toBeUndefined()

    const results = await downloaded(page, () =>
      page
        .getByTestId('batch-result')
        .getByRole('button', { name: 'Descargar resultados (CSV)' })
        .click()
    )
    expect(results.name).toMatch(/^lote-\d+-resultados\.csv$/)
    for (const bill of [good1, good2, good3]) expect(results.text).toContain(bill.billNo)

    // The same file again: every row is refused, nothing can be confirmed.
    await page.getByRole('button', { name: 'Otro archivo' }).click()
    await chooseCsv(page, 'pagos-lote.csv', `${csv}\r\n`)
    await page.getByTestId('batch-totals').waitFor({ timeout: 30_000 })
    expect(await textOf(page.getByTestId('batch-total-valid'))).toBe('0')
    expect(await reasonOf(2)).toMatch(/ya se importó|ya tiene un pago/)
    expect(await page.getByRole('button', { name: /Confirmar e importar/ }).isDisabled()).toBe(true)
    expect(await page.getByTestId('batch-history').locator('tbody tr').count()).toBe(1)
    await session.screenshot('batch-4-same-file-again')
    for (const bill of [good1, good2, good3]) {
      expect(simulator.registrationsByBill()[bill.billNo]).toBe(1)
    }

    // The audit trail tells the supervisor about the import in words.
    await page.keyboard.press('F11')
    await page.getByLabel('Acción').selectOption('batch.imported')
    const entries = page.getByTestId('audit-entries')
    await expect
      .poll(() => entries.locator('tbody tr:not([data-action="batch.imported"])').count())
      .toBe(0)
    await expect
      .poll(() => textOf(entries))
      .toMatch(/Importó el lote \d+ \(pagos-lote\.csv\): 3 de 8 filas/)
    expect(await entries.locator('tbody tr').count()).toBe(1)
    expect(await textOf(entries)).toContain('Supervisor')
    await session.screenshot('batch-6-audit')
  })

  it('previews 10,000 rows with the progress bar and a virtualized table', async () => {
    const { page } = session
    const lines = [HEADER]
    for (let i = 0; i < 10_000; i++) {
      lines.push(`CC;1017${String(i).padStart(6, '0')};1;${i};1000;efectivo;2025-01-02;`)
    }
    await page.keyboard.press('F3')
    await page.getByRole('button', { name: 'Otro archivo' }).click()
    // Remember the furthest progress the bar showed while main was checking.
    await page.evaluate(() => {
      const g = globalThis as unknown as {
        document: { querySelector(s: string): { value: number } | null; body: unknown }
        MutationObserver: new (cb: () => void) => { observe(t: unknown, o: unknown): void }
        __progressSeen: number
      }
      g.__progressSeen = 0
      new g.MutationObserver(() => {
        const bar = g.document.querySelector('[data-testid=batch-progress] progress')
        if (bar) g.__progressSeen = Math.max(g.__progressSeen, Number(bar.value) || 0)
      }).observe(g.document.body, { subtree: true, childList: true, attributes: true })
    })
    await chooseCsv(page, 'grande.csv', `${lines.join('\n')}\n`)
    await page.getByTestId('batch-totals').waitFor({ timeout: 120_000 })
    expect(await textOf(page.getByTestId('batch-total-rows'))).toBe('10000')
    expect(await textOf(page.getByTestId('batch-total-invalid'))).toBe('10000')
    const seen = await page.evaluate(
      () => (globalThis as unknown as { __progressSeen: number }).__progressSeen
    )
    expect(seen).toBeGreaterThan(0)
    expect(await page.locator('[data-testid=batch-row]').count()).toBeLessThan(60)
    expect(await page.locator('*').count()).toBeLessThan(1200)
    await page.getByTestId('batch-rows').scrollIntoViewIfNeeded()
    await session.screenshot('batch-5-large-file')
  })
})
