/**
 * A preview of a file from outside: refused past the documented limits with a translated error,
 * and read and checked in slices, so another call is answered while a file at the limit is still
 * being read (ordering, not timing: the answer arrives between two slices of reading).
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { EventMap } from '@shared/ipc/events'
import { BATCH_MAX_CHARS, BATCH_MAX_ROWS } from '@shared/ipc/channels/batch'
import type { BatchPreviewView } from '@shared/ipc/channels/batch'
import { translateError } from '@shared/i18n'
import { signIn, useAppTest, valueOf } from '../app/fixtures'

const app = useAppTest(1)

beforeAll(async () => {
  await signIn(app.services.dispatch, 'supervisor')
})

const HEADER = 'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago'

/** Rows of customers the till never looked up: each is checked, and refused, row by row. */
function file(rowCount: number): string {
  const rows = Array.from(
    { length: rowCount },
    (_, i) => `CC;${79_000_000 + i};9001;M${i};${10_000 + i};efectivo;2025-02-28 10:00`
  )
  return `${HEADER}\r\n${rows.join('\r\n')}\r\n`
}

function progressLog() {
  const log: string[] = []
  const unsubscribe = app.services.events.subscribe((event, payload) => {
    if (event !== 'batch:progress') return
    const { done, total } = payload as EventMap['batch:progress']
    log.push(total === 0 ? `read:${done}` : `check:${done}`)
  })
  return { log, unsubscribe }
}

describe('batch preview limits', () => {
  it('refuses a file over the row limit without reading past it', async () => {
    const { log, unsubscribe } = progressLog()
    const text = file(BATCH_MAX_ROWS + 1)
    expect(text.length).toBeLessThan(BATCH_MAX_CHARS)
    const result = await app.services.dispatch('batch:preview', { text })
    unsubscribe()
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'batch_too_many_rows', params: { max: BATCH_MAX_ROWS } }
    })
    if (result.ok) return
    expect(translateError('es', result.error.code, result.error.params)).toContain(
      String(BATCH_MAX_ROWS)
    )
    const read = log.filter((line) => line.startsWith('read:')).map((line) => Number(line.slice(5)))
    expect(Math.max(...read)).toBeLessThanOrEqual(BATCH_MAX_ROWS)
    expect(log.some((line) => line.startsWith('check:'))).toBe(false)
  })

  it('refuses a file over the size limit before reading it', async () => {
    const { log, unsubscribe } = progressLog()
    // 300,000 rows, as the bad-input sweep sent: far over the size limit.
    const text = file(300_000)
    expect(text.length).toBeGreaterThan(BATCH_MAX_CHARS)
    const result = await app.services.dispatch('batch:preview', { text })
    unsubscribe()
    expect(result).toMatchObject({ ok: false, error: { code: 'batch_too_large' } })
    if (result.ok) return
    expect(translateError('es', result.error.code, result.error.params)).toMatch(/MB/)
    expect(log).toEqual([])
  })

  it('answers another call while a file at the row limit is still being read', async () => {
    const { log, unsubscribe } = progressLog()
    const preview = app.services
      .dispatch('batch:preview', { text: file(BATCH_MAX_ROWS) })
      .then((result) => {
        log.push('preview')
        return result
      })
    const other = app.services.dispatch('settings:get', {}).then((result) => {
      log.push('other')
      return result
    })
    valueOf(await other)
    const done = valueOf<BatchPreviewView>(await preview)
    unsubscribe()

    expect(done.totals.rows).toBe(BATCH_MAX_ROWS)
    const answered = log.indexOf('other')
    expect(answered).toBeGreaterThan(-1)
    expect(answered).toBeLessThan(log.indexOf('preview'))
    // Reading went on after the other call was answered: it was not one blocking step.
    expect(log.slice(answered).some((line) => line.startsWith('read:'))).toBe(true)
    expect(log.slice(answered).filter((line) => line.startsWith('check:')).length).toBeGreaterThan(
      10
    )
  })
})
