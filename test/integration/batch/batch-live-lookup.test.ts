/**
 * A file of payments for bills this till never looked up (issue 14): online they are looked up
 * live at the simulator, a bounded number of requests for the distinct customers and contracts;
 * a cancel midway keeps what was looked up and leaves the rest invalid; offline the rows stay
 * invalid with their reason, without a lookup per row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_MAX_LOOKUPS } from '@main/batch/live-lookup'
import type { BatchPreviewView, BatchRowView } from '@shared/ipc/channels/batch'
import type { EventMap } from '@shared/ipc/events'
import type { BillSummary, DatasetSummary } from '@support/dataset'
import { fetchDataset, findBills, findCustomerBills, OFFLINE_CAP } from '@support/dataset'
import { refuseConnections, signIn, useAppTest, valueOf } from '../app/fixtures'

const app = useAppTest(1)
let dataset: DatasetSummary

/** Customers, contracts and bills a test used: each test starts from ones never seen. */
const used: string[] = []

beforeAll(async () => {
  await signIn(app.services.dispatch, 'supervisor')
  dataset = await fetchDataset(app.sim.adminUrl)
})

afterAll(() => refuseConnections(app.sim, false))

const HEADER = 'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago'

/** The day before the dataset's: a payment taken in the field, never in the future. */
function paidAt(): string {
  const day = new Date(`${dataset.today}T12:00:00Z`)
  day.setUTCDate(day.getUTCDate() - 1)
  return `${day.toISOString().slice(0, 10)} 10:30`
}

function csv(bills: readonly BillSummary[], extra: readonly string[] = []): string {
  const lines = bills.map(
    (b) =>
      `${b.idType};${b.identification};${b.contractId};${b.billNo};${b.amount};efectivo;${paidAt()}`
  )
  return `${[HEADER, ...lines, ...extra].join('\r\n')}\r\n`
}

/** `count` bills of distinct customers never used, under the offline cap. */
function freshBills(count: number): BillSummary[] {
  const found: BillSummary[] = []
  while (found.length < count) {
    const [bill] = findBills(dataset, 1, { maxAmount: OFFLINE_CAP, exclude: used })
    used.push(bill!.identification, bill!.contractId)
    found.push(bill!)
  }
  return found
}

async function preview(
  text: string,
  onLookup?: (progress: EventMap['batch:progress']) => void
): Promise<{ view: BatchPreviewView; lookups: EventMap['batch:progress'][] }> {
  const lookups: EventMap['batch:progress'][] = []
  const unsubscribe = app.services.events.subscribe((event, payload) => {
    if (event !== 'batch:progress') return
    const progress = payload as EventMap['batch:progress']
    if (progress.phase !== 'lookup') return
    lookups.push(progress)
    onLookup?.(progress)
  })
  try {
    const view = valueOf<BatchPreviewView>(
      await app.services.dispatch('batch:preview', { fileName: 'campo.csv', text })
    )
    return { view, lookups }
  } finally {
    unsubscribe()
  }
}

const apiRequests = () => app.sim.stats().apiRequests
const distinct = (bills: readonly BillSummary[], key: (b: BillSummary) => string) =>
  new Set(bills.map(key)).size
const rowOf = (view: BatchPreviewView, bill: BillSummary): BatchRowView => {
  const row = view.rows.find((r) => r.values?.billNo === bill.billNo)
  if (!row) throw new Error(`no row for bill ${bill.billNo}`)
  return row
}

describe('batch import online without a pre-load', () => {
  it('looks up unknown customers and bills live, a bounded number of times, and keeps them', async () => {
    const pair = findCustomerBills(dataset, 2, { maxAmount: OFFLINE_CAP, exclude: used })
    used.push(...pair.flatMap((b) => [b.identification, b.contractId]))
    const bills = [...pair, ...freshBills(3)]
    // A customer Tigo does not know, with a contract it does not know either.
    const stranger = `CC;1017999991;9999999991;999999999-91;1000;efectivo;${paidAt()}`
    const before = apiRequests()

    const { view, lookups } = await preview(csv(bills, [stranger]))

    for (const bill of bills) expect(rowOf(view, bill)).toMatchObject({ valid: true })
    const last = view.rows.at(-1)!
    expect(last).toMatchObject({ valid: false, reason: 'customer_not_found' })
    expect(last.reasonText).toContain('Tigo no encontró el cliente CC 1017999991')
    const customers = distinct(bills, (b) => b.identification) + 1
    const contracts = distinct(bills, (b) => b.contractId) + 1
    expect(apiRequests() - before).toBeLessThanOrEqual(customers + contracts)
    expect(lookups.at(-1)).toEqual({
      done: customers + contracts,
      total: customers + contracts,
      phase: 'lookup'
    })

    // The cache holds them now: the same file again asks Tigo only about the stranger.
    const again = apiRequests()
    const second = await preview(csv(bills, [stranger]))
    expect(second.view.totals.valid).toBe(bills.length)
    expect(apiRequests() - again).toBeLessThanOrEqual(2)

    const confirmed = valueOf<{ accepted: number }>(
      await app.services.dispatch('batch:confirm', { previewId: second.view.previewId })
    )
    expect(confirmed.accepted).toBe(bills.length)
  })

  it('cancelled midway keeps what was looked up and leaves the rest invalid', async () => {
    const bills = freshBills(8)
    const text = csv(bills)
    let cancelled: ReturnType<typeof app.services.dispatch> | undefined
    const first = await preview(text, (progress) => {
      if (progress.done >= 1) cancelled ??= app.services.dispatch('batch:cancelLookups', {})
    })
    expect(valueOf(await cancelled!)).toBe(true)

    // The first customer and its contract were under way when the cancel came: they finished.
    expect(rowOf(first.view, bills[0]!)).toMatchObject({ valid: true })
    const notLookedUp = first.view.rows.filter((row) => row.reason === 'not_looked_up')
    expect(rowOf(first.view, bills.at(-1)!)).toMatchObject({
      valid: false,
      reason: 'not_looked_up',
      reasonParams: { cause: 'cancelled' }
    })
    expect(notLookedUp.at(-1)?.reasonText).toContain(
      'Sin consultar en Tigo: se canceló la consulta'
    )
    for (const row of first.view.rows) {
      expect(row.valid || row.reason === 'not_looked_up').toBe(true)
    }

    // Loaded again: only what was not looked up is asked, and every row is valid.
    const again = await preview(text)
    expect(again.view.totals.valid).toBe(bills.length)
    const asked = again.lookups.at(-1)?.total ?? 0
    expect(asked).toBeGreaterThanOrEqual(notLookedUp.length)
    expect(asked).toBeLessThanOrEqual(2 * notLookedUp.length)
  })

  it('looks up at most a bounded number per file; the rest waits for the file again', async () => {
    const [bill] = freshBills(1)
    // Strangers to Tigo first: each is a customer to ask about, past the limit with the bill.
    const strangers = Array.from(
      { length: DEFAULT_MAX_LOOKUPS + 10 },
      (_, i) => `CC;${79_100_000 + i};9002;X${i};1000;efectivo;${paidAt()}`
    )
    const text = `${[HEADER, ...strangers, csv([bill!]).split('\r\n')[1]].join('\r\n')}\r\n`
    const before = apiRequests()
    const { view, lookups } = await preview(text)
    expect(lookups.at(-1)).toMatchObject({ total: DEFAULT_MAX_LOOKUPS })
    expect(apiRequests() - before).toBeLessThanOrEqual(DEFAULT_MAX_LOOKUPS)
    expect(view.rows[0]).toMatchObject({ reason: 'customer_not_found' })
    expect(rowOf(view, bill!)).toMatchObject({
      valid: false,
      reason: 'not_looked_up',
      reasonParams: { cause: 'limit' }
    })
  })

  it('offline leaves the rows invalid with their reason, without a lookup per row', async () => {
    const bills = freshBills(6)
    await refuseConnections(app.sim, true)
    const { view, lookups } = await preview(csv(bills))
    for (const bill of bills) {
      const row = rowOf(view, bill)
      expect(row).toMatchObject({
        valid: false,
        reason: 'not_looked_up',
        reasonParams: { cause: 'offline' }
      })
      expect(row.reasonText).toContain('Sin consultar en Tigo: no hay conexión')
    }
    // At most the first few lookups (those started together) met the closed door.
    expect(lookups.at(-1)?.done ?? 0).toBeLessThanOrEqual(4)

    // Known offline now: the next file asks nothing at all.
    const next = await preview(csv(bills))
    expect(next.lookups).toEqual([])
    expect(next.view.totals.invalid).toBe(bills.length)
    await refuseConnections(app.sim, false)
  })
})
