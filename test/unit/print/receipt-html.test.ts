import { describe, expect, it } from 'vitest'

import { qrSvg, receiptStatus, renderReceiptHtml } from '@main/print/receipt-html'
import { BUSINESS, T0, receipt, visibleText } from './fixtures'

const base = { language: 'es' as const, business: BUSINESS, now: T0 + 60_000 }

describe('renderReceiptHtml', () => {
  it.each([80, 58] as const)(
    'prints every field of a pending payment on %i mm paper',
    async (width) => {
      const html = await renderReceiptHtml(receipt(), { ...base, paperWidth: width })
      const text = visibleText(html)

      expect(html).toContain(`@page { size: ${width}mm auto; margin: 0 }`)
      expect(html).toContain(`width: ${width}mm`)
      for (const expected of [
        'Recaudos Tigo-UNE Centro',
        'NIT 900.123.456-7',
        'Cra. 7 # 12-34, Bogotá',
        'Caja CAJA-07',
        'RECIBO DE PAGO',
        'Recibo N.º CAJA-07-000042',
        'Fecha 01/03/2025, 08:05:09',
        'Cajero Ana Cajera',
        'Cliente Ferretería El Tornillo S.A.S.',
        'NIT 900.123.456-7',
        'Contratos 7001, 8001',
        'FAC-1001 $ 120.000',
        'Ref. 0000123456',
        'FAC-2002 $ 1.130.000',
        'TOTAL $ 1.250.000',
        'Medio de pago Efectivo',
        'Recibido $ 1.300.000',
        'Cambio $ 50.000',
        'PENDIENTE DE CONFIRMACIÓN'
      ]) {
        expect(text).toContain(expected)
      }
      // People read the terminal and sequence; the internal id stays in the QR code only.
      expect(text).not.toContain('6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f')
      expect(text).not.toContain('COPIA')
      expect(text).not.toContain('REGISTRADO')
    }
  )

  it.each([80, 58] as const)(
    "prints a card payment's approval code and masked last digits on %i mm paper",
    async (width) => {
      const card = {
        ...receipt(),
        method: 'credit_card' as const,
        tendered: null,
        change: null,
        methodReference: { approvalCode: 'A1B2C3', cardLast4: '4242' }
      }
      const text = visibleText(await renderReceiptHtml(card, { ...base, paperWidth: width }))
      expect(text).toContain('Medio de pago Tarjeta crédito')
      expect(text).toContain('Código de aprobación A1B2C3')
      expect(text).toContain('Últimos 4 dígitos **** 4242')
    }
  )

  it("prints a cheque's bank and number and a transfer's bank and reference", async () => {
    const cheque = {
      ...receipt(),
      method: 'check' as const,
      tendered: null,
      change: null,
      methodReference: { bank: 'Banco de Bogotá', checkNumber: '00012345' }
    }
    const chequeText = visibleText(await renderReceiptHtml(cheque, { ...base, paperWidth: 80 }))
    expect(chequeText).toContain('Banco Banco de Bogotá')
    expect(chequeText).toContain('Número de cheque 00012345')
    const transfer = {
      ...cheque,
      method: 'transfer' as const,
      methodReference: { bank: 'Davivienda', transferReference: 'TRX-998877' }
    }
    const transferText = visibleText(await renderReceiptHtml(transfer, { ...base, paperWidth: 80 }))
    expect(transferText).toContain('Referencia de la transferencia TRX-998877')
  })

  it('is self-contained: no script, no external resource, an inline SVG QR code', async () => {
    const html = await renderReceiptHtml(receipt(), { ...base, paperWidth: 80 })
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\b(?:src|href)=["']?(?:https?:|\/\/)/i)
    expect(html).toMatch(/<div class="qr"><svg[^>]*viewBox/)
    expect(html).toContain("default-src 'none'")
  })

  it.each([80, 58] as const)(
    "puts the receipt's code in the QR on %i mm paper, never the internal id",
    async (width) => {
      const html = await renderReceiptHtml(receipt(), { ...base, paperWidth: width })
      // qrcode is deterministic: the same text gives the same SVG.
      expect(html).toContain(`<div class="qr">${await qrSvg('RECIBO-CAJA-07-000042')}</div>`)
      expect(html).not.toContain(await qrSvg('6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f'))
    }
  )

  it('says registered once Tigo confirmed every bill', async () => {
    const done = receipt(['registered', 'registered'])
    expect(receiptStatus(done)).toBe('registered')
    const text = visibleText(await renderReceiptHtml(done, { ...base, paperWidth: 80 }))
    expect(text).toContain('PAGO REGISTRADO EN TIGO')
    expect(text).not.toContain('PENDIENTE DE CONFIRMACIÓN')
  })

  it('stays pending while one bill of the payment still waits', async () => {
    const half = receipt(['registered', 'uncertain'])
    expect(receiptStatus(half)).toBe('pending')
    const text = visibleText(await renderReceiptHtml(half, { ...base, paperWidth: 58 }))
    expect(text).toContain('PENDIENTE DE CONFIRMACIÓN')
  })

  it('flags a bill Tigo rejected', async () => {
    const text = visibleText(
      await renderReceiptHtml(receipt(['registered', 'rejected']), { ...base, paperWidth: 80 })
    )
    expect(text).toContain('PAGO NO ACEPTADO POR TIGO')
    expect(text).toContain('Tigo no aceptó esta factura')
  })

  it('prints pending with "sin verificar" a bill paid offline from its barcode alone', async () => {
    const scanned = receipt(['queued'])
    const bills = scanned.bills.map((bill) => ({ ...bill, unverified: true as const }))
    const text = visibleText(
      await renderReceiptHtml({ ...scanned, bills }, { ...base, paperWidth: 58 })
    )
    expect(text).toContain('PENDIENTE DE CONFIRMACIÓN')
    expect(text).toContain('SIN VERIFICAR')
    expect(
      visibleText(await renderReceiptHtml(scanned, { ...base, paperWidth: 58 }))
    ).not.toContain('SIN VERIFICAR')
  })

  it('marks a reprint COPIA with the reprint time', async () => {
    const html = await renderReceiptHtml(receipt(['registered', 'registered']), {
      ...base,
      paperWidth: 80,
      copy: { reprintedAt: '2025-03-02T20:00:00.000Z' }
    })
    const text = visibleText(html)
    expect(text).toContain('COPIA')
    expect(text).toContain('Reimpreso: 02/03/2025, 15:00:00')
    expect(text).toContain('Fecha 01/03/2025, 08:05:09')
  })

  it('speaks English when asked, with the same facts', async () => {
    const text = visibleText(
      await renderReceiptHtml(receipt(), { ...base, language: 'en', paperWidth: 80 })
    )
    expect(text).toContain('PAYMENT RECEIPT')
    expect(text).toContain('PENDING CONFIRMATION')
    expect(text).toContain('Receipt no. CAJA-07-000042')
    expect(text).toContain('Payment method Cash')
  })

  it('escapes what the customer data could smuggle in', async () => {
    const evil = receipt()
    evil.customer.name = '<img src=x onerror=alert(1)>'
    const html = await renderReceiptHtml(evil, { ...base, paperWidth: 80 })
    expect(html).not.toContain('<img')
    expect(visibleText(html)).toContain('<img src=x onerror=alert(1)>')
  })

  it('shows a batch payment as taken offline with its external reference, without cash lines', async () => {
    const batch = {
      ...receipt(),
      source: 'batch' as const,
      externalRef: 'CONS-889',
      tendered: null,
      change: null
    }
    const text = visibleText(await renderReceiptHtml(batch, { ...base, paperWidth: 58 }))
    expect(text).toContain('Pago recibido fuera de línea')
    expect(text).toContain('Ref. externa CONS-889')
    expect(text).not.toContain('Recibido $')
    expect(text).not.toContain('Cambio')
  })
})
