import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/** A hidden window as far as the printer uses it; every instance is kept for inspection. */
const electron = vi.hoisted(() => {
  interface Win {
    options: unknown
    url: string
    destroyed: boolean
    printOptions: unknown
    pdfOptions: unknown
  }
  const state = {
    windows: [] as Win[],
    printAnswer: { success: true, reason: '' } as { success: boolean; reason: string } | 'never',
    scripts: [] as string[],
    printers: [] as Array<{ name: string; displayName: string; description: string }>,
    heightPx: 400 as unknown,
    order: [] as string[]
  }
  class FakeWindow {
    options: unknown
    url = ''
    destroyed = false
    printOptions: unknown
    pdfOptions: unknown
    webContents = {
      executeJavaScript: async (script: string) => {
        state.scripts.push(script)
        return state.heightPx
      },
      getPrintersAsync: async () => state.printers,
      print: (options: unknown, cb: (success: boolean, reason: string) => void) => {
        this.printOptions = options
        state.order.push('print')
        const answer = state.printAnswer
        // 'never': a driver that hangs; Electron's callback does not fire.
        if (answer !== 'never') setTimeout(() => cb(answer.success, answer.reason), 5)
      },
      printToPDF: async (options: unknown) => {
        this.pdfOptions = options
        return Buffer.from('%PDF-1.4 fake')
      }
    }
    constructor(options: unknown) {
      this.options = options
      state.windows.push(this)
      state.order.push('open')
    }
    async loadURL(url: string) {
      this.url = url
    }
    isDestroyed() {
      return this.destroyed
    }
    destroy() {
      state.order.push('destroy')
      this.destroyed = true
    }
  }
  return { state, FakeWindow }
})

vi.mock('electron', () => ({ BrowserWindow: electron.FakeWindow }))

const { createElectronPrinter } = await import('@main/print/electron-printer')
import type { PrintJob } from '@main/print/printer'

const HTML = '<!DOCTYPE html><html><body>Recibo 42 — PENDIENTE DE CONFIRMACIÓN</body></html>'
let dataDir: string

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'caja-print-'))
  electron.state.windows.length = 0
  electron.state.order.length = 0
  electron.state.printAnswer = { success: true, reason: '' }
  electron.state.heightPx = 400
  electron.state.scripts.length = 0
  electron.state.printers = []
})
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

function job(overrides: Partial<PrintJob> = {}): PrintJob {
  return { html: HTML, paperWidth: 80, kind: 'receipt', number: 42, ...overrides }
}

function printer(
  printerName = 'EPSON_TM_T20III',
  extra: Partial<Parameters<typeof createElectronPrinter>[0]> = {}
) {
  return createElectronPrinter({
    dataDir,
    clock: () => Date.parse('2025-03-01T13:00:00Z'),
    printerName: () => printerName,
    ...extra
  })
}

describe('electron printer', () => {
  it('prints silently on the configured printer, roll-wide and content-tall, from a data: URL', async () => {
    const result = await printer().print(job())
    expect(result).toEqual({ printed: true })
    const [win] = electron.state.windows
    expect(win?.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false }
    })
    expect(decodeURIComponent(win?.url.replace('data:text/html;charset=utf-8,', '') ?? '')).toBe(
      HTML
    )
    // 400 CSS px = 105.834 mm: the receipt's own height, nothing added.
    expect(win?.printOptions).toEqual({
      silent: true,
      deviceName: 'EPSON_TM_T20III',
      printBackground: true,
      pageSize: { width: 80_000, height: 105_834 },
      margins: { marginType: 'none' }
    })
    // Measured on the receipt (the body), not the window-high scrollHeight.
    expect(electron.state.scripts[0]).toContain('document.body.getBoundingClientRect()')
    expect(electron.state.scripts[0]).not.toContain('scrollHeight')
    expect(win?.destroyed).toBe(true)
  })

  it('opens the system dialog when no printer is configured, 58 mm wide', async () => {
    await printer('').print(job({ paperWidth: 58 }))
    const options = electron.state.windows[0]?.printOptions as Record<string, unknown>
    expect(options.silent).toBe(false)
    expect(options).not.toHaveProperty('deviceName')
    expect(options.pageSize).toEqual({ width: 58_000, height: 105_834 })
  })

  it('reports a cancelled dialog as not printed, and a printer failure as print_failed', async () => {
    electron.state.printAnswer = { success: false, reason: 'cancelled' }
    await expect(printer('').print(job())).resolves.toEqual({ printed: false, cancelled: true })
    electron.state.printAnswer = { success: false, reason: 'Printer is offline' }
    await expect(printer().print(job())).rejects.toMatchObject({
      code: 'print_failed',
      params: { printer: 'EPSON_TM_T20III', reason: 'Printer is offline' }
    })
    expect(electron.state.windows.every((w) => w.destroyed)).toBe(true)
  })

  it('saves a PDF of the roll size under <dataDir>/prints', async () => {
    const result = await printer().savePdf(job({ kind: 'copy' }))
    expect(result.file).toBe(path.join(dataDir, 'prints', '42-copy-20250301T130000000Z.pdf'))
    expect(fs.readFileSync(result.file, 'utf8')).toBe('%PDF-1.4 fake')
    const options = electron.state.windows[0]?.pdfOptions as {
      pageSize: { width: number; height: number }
    }
    expect(options).toMatchObject({ printBackground: true })
    expect(options.pageSize.width).toBeCloseTo(80 / 25.4, 6)
    expect(options.pageSize.height).toBeCloseTo(105_834 / 25_400, 6)
    // A second save in the same millisecond does not overwrite the first.
    const again = await printer().savePdf(job({ kind: 'copy' }))
    expect(again.file).not.toBe(result.file)
  })

  it('falls back to a long page when the document cannot be measured', async () => {
    electron.state.heightPx = 'nope'
    await printer().print(job())
    const options = electron.state.windows[0]?.printOptions as { pageSize: { height: number } }
    expect(options.pageSize.height).toBe(Math.ceil((1123 * 25_400) / 96))
  })

  it('runs one job at a time', async () => {
    const p = printer()
    const first = p.print(job({ html: 'a'.repeat(10) }))
    const second = p.print(job({ html: 'b'.repeat(20) }))
    await Promise.all([first, second])
    // The second window opens only after the first job printed and its window was destroyed.
    expect(electron.state.order).toEqual(['open', 'print', 'destroy', 'open', 'print', 'destroy'])
  })

  it('gives up on a printer that never answers with a translated print_timeout, and frees the queue', async () => {
    electron.state.printAnswer = 'never'
    const p = printer('EPSON_TM_T20III', { timeouts: { silentMs: 50 } })
    await expect(p.print(job())).rejects.toMatchObject({
      code: 'print_timeout',
      params: { printer: 'EPSON_TM_T20III', seconds: 0 }
    })
    expect(electron.state.windows[0]?.destroyed).toBe(true)
    // The next job is not stuck behind the dead one.
    electron.state.printAnswer = { success: true, reason: '' }
    await expect(p.print(job())).resolves.toEqual({ printed: true })
  })

  it('waits longer for a person in the system dialog than for a silent printer', async () => {
    vi.useFakeTimers()
    try {
      electron.state.printAnswer = 'never'
      const p = printer('', { timeouts: { silentMs: 1_000, dialogMs: 300_000 } })
      let settled: unknown
      const result = p.print(job()).catch((error: unknown) => (settled = error))
      await vi.advanceTimersByTimeAsync(5_000)
      expect(settled).toBeUndefined() // the cashier is still in the dialog
      await vi.advanceTimersByTimeAsync(300_000)
      await result
      expect(settled).toMatchObject({
        code: 'print_timeout',
        params: { printer: '-', seconds: 300 }
      })
    } finally {
      vi.useRealTimers()
    }
  })

  it('parents the print window (and so the system dialog) to the till window', async () => {
    const parent = { isDestroyed: () => false }
    await printer('', { parentWindow: () => parent as never }).print(job())
    expect(electron.state.windows[0]?.options).toMatchObject({ parent, show: false })
    // A destroyed parent is not used.
    electron.state.windows.length = 0
    await printer('', { parentWindow: () => ({ isDestroyed: () => true }) as never }).print(job())
    expect(electron.state.windows[0]?.options).not.toHaveProperty('parent')
  })

  it('prints a job on its own printer when it names one (a test print of an unsaved choice)', async () => {
    await printer('EPSON_TM_T20III').print(job({ printerName: 'Star_TSP100' }))
    expect(electron.state.windows[0]?.printOptions).toMatchObject({
      silent: true,
      deviceName: 'Star_TSP100'
    })
  })

  it("lists the system's printers by their system name", async () => {
    electron.state.printers = [
      { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: 'USB' },
      { name: 'PDF', displayName: '', description: '' }
    ]
    await expect(printer().listPrinters()).resolves.toEqual([
      { name: 'EPSON_TM_T20III', displayName: 'EPSON TM-T20III', description: 'USB' },
      { name: 'PDF', displayName: 'PDF', description: '' }
    ])
    // Asked of a hidden window when there is no till window, which is then destroyed.
    expect(electron.state.windows.every((w) => w.destroyed)).toBe(true)
  })
})
