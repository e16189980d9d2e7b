/** A saved payment as the store returns it, and the receipt HTML reduced to its printed text. */
import type { StoredReceipt } from '@main/store/types'
import type { OutboxState } from '@main/store/types'

export const T0 = Date.parse('2025-03-01T13:05:09.000Z') // 08:05:09 in Bogotá

export function receipt(states: OutboxState[] = ['queued', 'queued']): StoredReceipt {
  const bills = [
    { billNo: 'FAC-1001', contractId: '7001', reference: '0000123456', amount: 120_000 },
    { billNo: 'FAC-2002', contractId: '8001', reference: null, amount: 1_130_000 }
  ]
  return {
    id: '6f1c2a9e-1d2b-4c3d-8e4f-5a6b7c8d9e0f',
    receiptNo: 42,
    terminalId: 'CAJA-07',
    cashier: { id: 'u1', name: 'Ana Cajera' },
    customer: { idType: 'NIT', identification: '900123456', name: 'Ferretería El Tornillo S.A.S.' },
    method: 'cash',
    total: 1_250_000,
    tendered: 1_300_000,
    change: 50_000,
    clientInformation: null,
    methodReference: null,
    source: 'counter',
    externalRef: null,
    approvedBy: null,
    createdAt: new Date(T0).toISOString(),
    supervisorFlaggedAt: null,
    bills: bills.map((bill, i) => ({
      itemId: i + 1,
      ...bill,
      dueDate: '2025-03-15',
      state: states[i] ?? 'queued'
    })),
    pending: states.some((state) => state !== 'registered')
  }
}

export const BUSINESS = {
  name: 'Recaudos Tigo-UNE Centro',
  nit: '900.123.456-7',
  address: 'Cra. 7 # 12-34, Bogotá'
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'"
}

/** The visible text: no style block, no tags, entities decoded, whitespace collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
}
