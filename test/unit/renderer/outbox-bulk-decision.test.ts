/** The bulk supervisor decision reads in Spanish and offers only what every chosen bill allows. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { OutboxItemView } from '@shared/ipc/views'
import { BulkDecision } from '@renderer/components/outbox-bulk-decision'

function item(itemId: number, extra: Partial<OutboxItemView>): OutboxItemView {
  return { itemId, billNo: `B${itemId}`, flagged: false, ...extra } as OutboxItemView
}

function render(chosen: OutboxItemView[]): string {
  return renderToStaticMarkup(
    createElement(BulkDecision, {
      chosen,
      busy: false,
      onDecide: () => Promise.resolve(true),
      onClear: () => undefined
    })
  )
}

describe('BulkDecision', () => {
  it('asks one note for every chosen bill, in Spanish', () => {
    const html = render([
      item(1, { state: 'uncertain', flagged: true }),
      item(2, { state: 'uncertain', flagged: true })
    ])
    expect(html).toContain('Decisión del supervisor para 2 facturas')
    expect(html).toContain('Nota')
    expect(html).toContain('Reenviar')
    expect(html).toContain('Quitar selección')
  })

  it('offers only the decision every chosen bill allows', () => {
    const html = render([
      item(1, { state: 'uncertain', flagged: true }),
      item(2, { state: 'rejected', rejectedReason: 'bill_paid_elsewhere: reconciled' })
    ])
    expect(html).not.toContain('Reenviar')
  })
})
