/**
 * A receipt printed to a real PDF by headless Chromium (the harness's printer), read back with
 * poppler's pdftotext and rasterised with pdftoppm, as a person would see the paper.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { renderClosingReportHtml } from '@main/print/closing-html'
import type { Printer } from '@main/print/printer'
import { createPrinter } from '@main/print/printer'
import { renderReceiptHtml } from '@main/print/receipt-html'
import { createShiftService } from '@main/shifts/shift-service'
import {
  T0,
  openStore,
  paymentInput,
  removeTempDirs,
  seedCustomer,
  tempDir,
  B1_AND_B2
} from '@support/store-world'
import { CHROMIUM } from '@support/chromium'
import { formatReceiptNumber } from '@shared/domain/receipt-number'

function hasTool(tool: string): boolean {
  try {
    execFileSync('which', [tool], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const missing = [
  ...(fs.existsSync(CHROMIUM) ? [] : [CHROMIUM]),
  ...['pdftotext', 'pdftoppm', 'pdfinfo'].filter((tool) => !hasTool(tool))
]
if (missing.length > 0) {
  console.warn(
    `skipping PDF print tests: missing ${missing.join(', ')} (bash scripts/install-system-packages.sh)`
  )
}

/**
 * Millimetres of blank paper under the last printed dot, read from a 203 dpi greyscale raster
 * (a thermal head's resolution) of the PDF's one page.
 */
function blankTailMm(file: string, dir: string): number {
  const prefix = path.join(dir, `tail-${path.basename(file, '.pdf')}`)
  execFileSync('pdftoppm', ['-r', '203', '-gray', '-singlefile', file, prefix])
  const pgm = fs.readFileSync(`${prefix}.pgm`)
  // P5 header: magic, width, height, maxval, each followed by whitespace.
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('not a binary PGM')
  const [width, height] = [Number(header[1]), Number(header[2])]
  const pixels = pgm.subarray(header[0].length)
  let lastInked = -1
  for (let y = 0; y < height; y++) {
    const row = pixels.subarray(y * width, (y + 1) * width)
    if (row.some((value) => value < 128)) lastInked = y
  }
  return ((height - 1 - lastInked) / 203) * 25.4
}

const BUSINESS = {
  name: 'Recaudos Tigo-UNE Centro',
  nit: '900.123.456-7',
  address: 'Cra. 7 # 12-34'
}

describe.skipIf(missing.length > 0)('receipt printed to PDF with Chromium', () => {
  let dataDir: string
  let printer: Printer

  beforeAll(() => {
    dataDir = tempDir()
    printer = createPrinter({ mode: 'pdf-file', dataDir, clock: () => T0 })
  })
  afterAll(async () => {
    await printer.close()
    removeTempDirs()
  })

  function pdfText(file: string): string {
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
  }

  function pageSizePts(file: string): { width: number; height: number } {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    const match = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
    if (!match) throw new Error(`no page size in ${info}`)
    return { width: Number(match[1]), height: Number(match[2]) }
  }

  it('writes a pending receipt the cashier can read: amounts and PENDIENTE DE CONFIRMACIÓN', async () => {
    const store = openStore()
    seedCustomer(store)
    const receipt = store.payments.registerPayment(
      paymentInput({
        bills: B1_AND_B2,
        tendered: 250_000
      })
    )
    expect(receipt.pending).toBe(true)
    const html = await renderReceiptHtml(receipt, {
      paperWidth: 80,
      language: 'es',
      business: BUSINESS,
      now: T0
    })
    const result = await printer.savePdf({
      html,
      paperWidth: 80,
      kind: 'receipt',
      number: receipt.receiptNo
    })

    expect(path.dirname(result.file)).toBe(path.join(dataDir, 'prints'))
    expect(path.basename(result.file)).toMatch(/^1-receipt-\d{8}T\d{9}Z\.pdf$/)
    const text = pdfText(result.file)
    for (const expected of [
      'PENDIENTE DE CONFIRMACIÓN',
      '$ 120.000',
      '$ 80.000',
      '$ 200.000',
      '$ 250.000',
      '$ 50.000',
      'B1',
      'B2',
      'Ana Cajera',
      '1020304050',
      // People read the terminal and sequence; the payment's UUID is only in the QR code.
      formatReceiptNumber(receipt.terminalId, receipt.receiptNo)
    ]) {
      expect(text).toContain(expected)
    }
    // One page exactly as wide as the 80 mm roll (226.77 pt), as tall as the receipt.
    const size = pageSizePts(result.file)
    // Chromium rounds the page to its own units: within a point (0.35 mm) of the roll.
    expect(Math.abs(size.width - (80 / 25.4) * 72)).toBeLessThan(1)
    expect(size.height).toBeGreaterThan(size.width)
    expect(execFileSync('pdfinfo', [result.file], { encoding: 'utf8' })).toMatch(/Pages:\s+1\b/)
    // The page ends a few mm under the last line (the receipt's 6 mm bottom padding), not
    // 33-42 mm under it as when the window-high scrollHeight was measured.
    const tail = blankTailMm(result.file, dataDir)
    expect(tail).toBeGreaterThan(3)
    expect(tail).toBeLessThan(9)
    store.db.close()
  })

  it('renders a 58 mm reprint marked COPIA that rasterises to the roll width', async () => {
    const store = openStore()
    seedCustomer(store)
    const receipt = store.payments.registerPayment(paymentInput())
    const html = await renderReceiptHtml(receipt, {
      paperWidth: 58,
      language: 'es',
      business: BUSINESS,
      now: T0,
      copy: { reprintedAt: new Date(T0 + 3_600_000).toISOString() }
    })
    const result = await printer.print({
      html,
      paperWidth: 58,
      kind: 'copy',
      number: receipt.receiptNo
    })
    expect(result.printed).toBe(true)
    const file = result.file ?? ''
    const text = pdfText(file)
    expect(text).toContain('COPIA')
    expect(text).toContain('$ 120.000')
    expect(Math.abs(pageSizePts(file).width - (58 / 25.4) * 72)).toBeLessThan(1)

    // 203 dpi, a thermal head's resolution: 58 mm ≈ 464 dots.
    const prefix = path.join(dataDir, 'raster')
    execFileSync('pdftoppm', ['-r', '203', '-png', '-singlefile', file, prefix])
    const png = fs.readFileSync(`${prefix}.png`)
    const widthDots = png.readUInt32BE(16)
    expect(Math.abs(widthDots - Math.round((58 / 25.4) * 203))).toBeLessThanOrEqual(3)
    store.db.close()
  })

  it('prints a closing report with the differences and the bills Tigo has not confirmed', async () => {
    const store = openStore()
    seedCustomer(store)
    const shifts = createShiftService({
      db: store.db,
      clock: () => store.now.value,
      audit: store.audit
    })
    shifts.open({
      terminalId: 'T1',
      cashier: { id: 'c1', name: 'Ana Cajera' },
      openingFloat: 100_000
    })
    store.payments.registerPayment(paymentInput())
    store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B2', contractId: '7001', amount: 80_000 }],
        method: 'check',
        methodReference: { bank: 'Banco de Bogotá', checkNumber: '00012345' }
      })
    )
    const report = shifts.close({
      terminalId: 'T1',
      counted: { cash: 215_000, check: 80_000 },
      differenceReason: 'Faltó sencillo',
      actor: { id: 'c1', name: 'Ana Cajera' }
    })
    const html = renderClosingReportHtml(report, {
      paperWidth: 80,
      language: 'es',
      business: BUSINESS,
      now: T0
    })
    const { file } = await printer.savePdf({
      html,
      paperWidth: 80,
      kind: 'closing',
      number: report.shift.id
    })
    const text = pdfText(file)
    expect(text).toContain('CIERRE DE CAJA')
    expect(text).toContain('$ 220.000') // expected cash: 100.000 + 120.000
    expect(text).toContain('$ 215.000')
    expect(text).toContain('-$ 5.000')
    expect(text).toContain('Faltante')
    expect(text).toContain('2 FACTURAS SIN CONFIRMAR POR TIGO')
    // The cheque is listed with its bank and number, to match against the cheques in the drawer.
    // Long lines wrap on the roll (8 pt type or more): read them as one line.
    const flat = text.replace(/\s+/g, ' ')
    expect(flat).toContain('Pagos con tarjeta, cheque o transferencia')
    expect(flat).toContain('Banco Banco de Bogotá · Número de cheque 00012345')
    store.db.close()
  })
})
