/** The batch channels' handlers: previews kept in main, confirmed once, CSVs back out. */
import { afterEach, describe, expect, it } from 'vitest'

import { batchHandlers } from '@main/batch/handlers'
import { DEFAULT_SETTINGS } from '@main/settings/settings-store'
import { count, removeTempDirs } from '@support/store-world'
import { openBatchWorld } from './fixtures'

afterEach(removeTempDirs)

const TEXT =
  'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago\r\n' +
  'CC;1020304050;7001;B1;120000;efectivo;2025-02-28\r\n' +
  'CC;1020304050;7001;B99;1000;efectivo;2025-02-28\r\n'

describe('batch handlers', () => {
  it('previews, confirms once, and exports the rejected rows and the results', async () => {
    // Online: the batch is confirmed with Tigo reachable.
    const { store, batch } = openBatchWorld()
    const progress: { done: number; total: number }[] = []
    const confirmed: number[] = []
    const handlers = batchHandlers({
      batch,
      settings: { get: () => ({ ...DEFAULT_SETTINGS, terminalId: 'CAJA-02', language: 'en' }) },
      cashier: () => ({ id: 'sup1', name: 'Sofía' }),
      onProgress: (p) => progress.push(p),
      afterConfirm: (accepted) => confirmed.push(accepted)
    })

    const preview = await handlers['batch:preview']({ fileName: 'campo.csv', text: TEXT })
    expect(Object.keys(preview).sort()).toEqual([
      'fileHash',
      'fileName',
      'previewId',
      'rows',
      'totals'
    ])
    expect(preview.rows[1]?.reasonText).toBe(
      'Bill B99 of contract 7001 is not in the saved data. Look the customer up before importing.'
    )
    expect(progress.at(-1)).toEqual({ done: 2, total: 2 })
    expect(count(store.db, 'payments')).toBe(0)

    const rejected = await handlers['batch:rejectedCsv']({ previewId: preview.previewId })
    expect(rejected.fileName).toBe('campo-rechazados.csv')
    expect(rejected.csv).toContain('B99')

    const result = await handlers['batch:confirm']({ previewId: preview.previewId })
    expect(result).toMatchObject({ accepted: 1, rejected: 1 })
    expect(confirmed).toEqual([1])
    expect(store.db.prepare('SELECT terminal_id, cashier_id FROM payments').get()).toEqual({
      terminal_id: 'CAJA-02',
      cashier_id: 'sup1'
    })
    // The preview is spent: a second click cannot confirm it again.
    await expect(async () =>
      handlers['batch:confirm']({ previewId: preview.previewId })
    ).rejects.toMatchObject({
      code: 'batch_preview_unknown'
    })

    const results = await handlers['batch:results']({ batchId: result.batchId })
    expect(results.csv.split('\r\n')[0]).toBe(
      'line;bill;amount;result;sync_state;reason;detail;payment_id;receipt'
    )
    expect(() => handlers['batch:results']({ batchId: 999 })).toThrow(
      expect.objectContaining({ code: 'batch_unknown' })
    )
    expect(await handlers['batch:list']({ limit: 5 })).toHaveLength(1)
    store.db.close()
  })
})
