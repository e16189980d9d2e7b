import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { EventMap, EventName } from '@shared/ipc/events'
import type {
  BarcodeLookupView,
  BillListView,
  CustomerView,
  OutboxPaymentView,
  PaymentReceipt,
  SettingsView,
  SyncStatus
} from '@shared/ipc/views'
import {
  cacheLookups,
  openShift,
  refuseConnections,
  registration,
  signIn,
  startTestServices,
  unpaidSamples,
  useAppTest,
  syncPayment,
  valueOf
} from './fixtures'
import type { UnpaidSample } from './fixtures'

const app = useAppTest(3)
const events: Array<{ event: EventName; payload: EventMap[EventName] }> = []

beforeAll(async () => {
  app.services.events.subscribe((event, payload) => events.push({ event, payload }))
  await signIn(app.services.dispatch, 'cashier')
  await openShift(app.services.dispatch)
})

const setOffline = (offline: boolean) => refuseConnections(app.sim, offline)

describe('lookups', () => {
  it('finds a customer live by NIT (with check digit) and caches it for offline use', async () => {
    const sample = app.samples[0]!
    const dispatch = app.services.dispatch
    // The customer by NIT with check digit, then the bills of its contract.
    const lookUp = async (): Promise<[CustomerView, BillListView]> => [
      valueOf<CustomerView>(
        await dispatch('customers:contracts', { idType: 'NIT', identification: sample.displayId })
      ),
      valueOf<BillListView>(await dispatch('bills:list', { contractId: sample.contractId }))
    ]
    const [live, bills] = await lookUp()
    expect(live.source).toBe('live')
    expect(live.identification).toBe(sample.identification)
    expect(live.contracts.map((c) => c.contractId)).toContain(sample.contractId)

    expect(bills.source).toBe('live')
    const bill = bills.bills.find((b) => b.billNo === sample.billNo)
    expect(bill).toMatchObject({ amount: sample.amount, paid: false })

    await setOffline(true)
    try {
      const [cached, cachedBills] = await lookUp()
      expect(cached.source).toBe('cache')
      expect(cached.fetchedAt).toBe(live.fetchedAt)
      expect(cached.contracts.map((c) => c.contractId)).toContain(sample.contractId)

      expect(cachedBills).toMatchObject({ source: 'cache', fetchedAt: bills.fetchedAt })

      // A customer never looked up: the cache cannot answer for it.
      const unseen = app.samples.find((other) => other.identification !== sample.identification)
      if (!unseen) throw new Error('the samples hold one customer only')
      expect(
        await dispatch('customers:contracts', {
          idType: 'NIT',
          identification: unseen.identification
        })
      ).toMatchObject({ ok: false, error: { code: 'lookup_offline' } })
    } finally {
      await setOffline(false)
    }
  })

  it('pages contracts by record offset', async () => {
    const owner = app.sim.dataset.customers.find((c) => c.contractIds.length >= 3)!
    const pageOf = async (regIni: number) =>
      valueOf<CustomerView>(
        await app.services.dispatch('customers:contracts', {
          idType: owner.idType,
          identification: owner.identification,
          regIni,
          numReg: 2
        })
      )
    const first = await pageOf(0)
    const second = await pageOf(2)
    expect(first.page).toEqual({ regIni: 0, numReg: 2, hasMore: true })
    expect(first.contracts.map((c) => c.contractId)).toEqual(owner.contractIds.slice(0, 2))
    expect(second.contracts.map((c) => c.contractId)).toEqual(owner.contractIds.slice(2, 4))
  })

  it('refuses a NIT with a wrong check digit before asking Tigo', async () => {
    const sample = app.samples[0]!
    const before = app.sim.stats().apiRequests
    const [base, dv] = sample.displayId.split('-') as [string, string]
    const wrong = `${base}-${(Number(dv) + 1) % 10}`
    expect(
      await app.services.dispatch('customers:contracts', { idType: 'NIT', identification: wrong })
    ).toMatchObject({ ok: false, error: { code: 'nit_check_digit' } })
    expect(app.sim.stats().apiRequests).toBe(before)
  })

  it('finds a scanned bill and its owner by barcode', async () => {
    const sample = app.samples[1]!
    const found = valueOf<BarcodeLookupView>(
      await app.services.dispatch('bills:byBarcode', { raw: sample.barcode })
    )
    expect(found.bill).toMatchObject({ billNo: sample.billNo, contractId: sample.contractId })
    expect(found.barcode.amount).toBe(sample.amount)
    expect(found.customer?.identification).toBe(sample.identification)
  })

  it('answers invalid_input for a malformed call', async () => {
    expect(await app.services.dispatch('bills:list', { contractId: 'x1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
  })
})

describe('payments', () => {
  it('registers a payment, reports the outbox change, and refuses the same bill twice', async () => {
    const sample = app.samples[1]!
    events.length = 0
    const input = registration(sample, {
      identification: sample.displayId,
      method: 'cash',
      tendered: sample.amount + 500
    })
    const receipt = valueOf<PaymentReceipt>(await app.services.dispatch('payments:register', input))
    expect(receipt).toMatchObject({
      cashier: { name: 'Cajero Demo' },
      total: sample.amount,
      change: 500,
      pending: true,
      customer: { idType: 'NIT', identification: sample.identification },
      bills: [{ billNo: sample.billNo, state: 'queued', amount: sample.amount }]
    })
    expect(events.find((e) => e.event === 'outbox:changed')?.payload).toEqual({
      paymentIds: [receipt.id]
    })
    expect(events.some((e) => e.event === 'sync:status')).toBe(true)

    const again = valueOf<PaymentReceipt>(
      await app.services.dispatch('payments:get', { paymentId: receipt.id })
    )
    expect(again).toEqual(receipt)
    expect(await app.services.dispatch('payments:register', input)).toMatchObject({
      ok: false,
      error: { code: 'bill_already_queued' }
    })

    const outbox = valueOf<OutboxPaymentView[]>(
      await app.services.dispatch('outbox:list', { states: ['queued'] })
    )
    expect(outbox.map((p) => p.id)).toContain(receipt.id)

    const bills = valueOf<BillListView>(
      await app.services.dispatch('bills:list', { contractId: sample.contractId })
    )
    expect(bills.bills.find((b) => b.billNo === sample.billNo)?.outboxState).toBe('queued')
  })

  it('takes a payment offline from the cached bills', async () => {
    const sample = app.samples[2]!
    const dispatch = app.services.dispatch
    await cacheLookups(dispatch, sample)
    await setOffline(true)
    try {
      const receipt = valueOf<PaymentReceipt>(
        await dispatch('payments:register', registration(sample))
      )
      expect(receipt.bills[0]?.state).toBe('queued')
    } finally {
      await setOffline(false)
    }
    expect(app.sim.registrationsByBill()[sample.billNo] ?? 0).toBe(0)
  })
})

describe('settings', () => {
  beforeAll(async () => {
    await signIn(app.services.dispatch, 'supervisor')
  })

  it('refuses out-of-range values with the field and its limits, changing nothing', async () => {
    const dispatch = app.services.dispatch
    const before = valueOf<SettingsView>(await dispatch('settings:get', {}))
    expect(await dispatch('settings:set', { idleLockMinutes: 0, terminalId: 'CAJA-77' })).toEqual({
      ok: false,
      error: {
        code: 'settings_out_of_range',
        message: expect.any(String),
        params: { field: 'idleLockMinutes', min: 1, max: 240 }
      }
    })
    expect(await dispatch('settings:set', { caps: { maxPendingAgeHours: 1000 } })).toMatchObject({
      ok: false,
      error: { params: { field: 'caps.maxPendingAgeHours', min: 1, max: 168 } }
    })
    expect(valueOf<SettingsView>(await dispatch('settings:get', {}))).toEqual(before)
  })

  it('saves valid values and keeps the client secret write-only', async () => {
    const secret = 'top-secret-value-1234'
    const view = valueOf<SettingsView>(
      await app.services.dispatch('settings:set', {
        terminalId: 'CAJA-77',
        caps: { maxPaymentAmount: 2_000_000 },
        clientSecret: secret
      })
    )
    expect(view).toMatchObject({
      terminalId: 'CAJA-77',
      caps: { maxPaymentAmount: 2_000_000 },
      hasClientSecret: true,
      secretProtection: 'memory',
      usesSimulator: true
    })
    const got = await app.services.dispatch('settings:get', {})
    expect(JSON.stringify(got)).not.toContain(secret)
    expect(JSON.stringify(view)).not.toContain(secret)
    const file = readFileSync(join(app.dataDir, 'settings.json'), 'utf8')
    expect(file).toContain('CAJA-77')
    expect(file).not.toContain(secret)
  })

  it('keeps the receipt header: a valid NIT is stored formatted, a wrong check digit refused', async () => {
    const dispatch = app.services.dispatch
    expect(valueOf<SettingsView>(await dispatch('settings:get', {}))).toMatchObject({
      businessName: 'Tigo-UNE — Punto de pago',
      businessNit: '',
      businessAddress: ''
    })
    expect(await dispatch('settings:set', { businessNit: '900123456-9' })).toMatchObject({
      ok: false,
      error: { code: 'nit_check_digit', params: { field: 'businessNit', expected: 8 } }
    })
    expect(await dispatch('settings:set', { businessName: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'settings_out_of_range', params: { field: 'businessName', min: 1, max: 60 } }
    })
    const view = valueOf<SettingsView>(
      await dispatch('settings:set', {
        businessName: '  Recaudos   El Centro ',
        businessNit: '900123456',
        businessAddress: 'Cra. 7 # 12-34, Bogotá'
      })
    )
    expect(view).toMatchObject({
      businessName: 'Recaudos El Centro',
      businessNit: '900.123.456-8',
      businessAddress: 'Cra. 7 # 12-34, Bogotá'
    })
    const file = JSON.parse(
      readFileSync(join(app.dataDir, 'settings.json'), 'utf8')
    ) as SettingsView
    expect(file.businessNit).toBe('900.123.456-8')
  })
})

describe('sync engine wiring', () => {
  it('sends a registered payment to Tigo exactly once', async () => {
    const other = await startTestServices({ syncEngine: true })
    try {
      await signIn(other.services.dispatch, 'cashier')
      await openShift(other.services.dispatch)
      const otherSim = other.sim()
      const [sample] = unpaidSamples(otherSim.dataset, 1) as [UnpaidSample]
      // A card payment says which one it was: no approval code, no payment.
      expect(
        await other.services.dispatch(
          'payments:register',
          registration(sample, { method: 'debit_card', reference: { cardLast4: '4242' } })
        )
      ).toMatchObject({ ok: false, error: { code: 'reference_missing_approvalCode' } })
      expect(
        await other.services.dispatch(
          'payments:register',
          registration(sample, {
            method: 'debit_card',
            reference: { approvalCode: '12', cardLast4: '4242' }
          })
        )
      ).toMatchObject({ ok: false, error: { code: 'reference_invalid_approvalCode' } })
      const receipt = valueOf<PaymentReceipt>(
        await other.services.dispatch(
          'payments:register',
          registration(sample, {
            method: 'debit_card',
            // Fields of another method are dropped, not stored.
            reference: { approvalCode: ' a1b2c3 ', cardLast4: '4242', bank: 'Bancolombia' }
          })
        )
      )
      expect(receipt.methodReference).toEqual({ approvalCode: 'A1B2C3', cardLast4: '4242' })
      // `sync:now` answers at once with the status; the drain it started goes on.
      const status = valueOf<SyncStatus>(await other.services.dispatch('sync:now', {}))
      expect(status.pendingCount).toBeLessThanOrEqual(1)
      const after = await syncPayment(other.services.dispatch, receipt.id)
      expect(after.bills[0]?.state).toBe('registered')
      expect(after.pending).toBe(false)
      expect(otherSim.registrationsByBill()[sample.billNo]).toBe(1)
      // Tigo gets the datáfono's approval code and the card's last digits in paymentData.
      const sent = otherSim
        .ledger()
        .find((entry) => entry.bills.some((b) => b.billNo === sample.billNo))
      expect(sent?.paymentData).toMatchObject({
        method: 'debit_card',
        approvalCode: 'A1B2C3',
        cardLast4: '4242'
      })
    } finally {
      await other.close()
    }
  })
})

describe('a bill paid from its barcode alone, online', () => {
  it('is refused before any money is taken when Tigo says the contract is not the typed customer’s', async () => {
    const [own, other] = app.samples
    await signIn(app.services.dispatch, 'cashier')
    await openShift(app.services.dispatch)
    // Online, and the contract's owner known to the till (a search found it).
    valueOf(
      await app.services.dispatch('customers:contracts', {
        idType: own!.idType,
        identification: own!.identification
      })
    )
    const before = app.services.outbox.list().length
    const answer = await app.services.dispatch('payments:register', {
      idType: other!.idType,
      identification: other!.identification,
      bills: [
        {
          billNo: own!.reference,
          contractId: own!.contractId,
          amount: own!.amount,
          unverified: { dueDate: '2030-01-01' }
        }
      ],
      method: 'cash',
      tendered: own!.amount
    })
    expect(answer).toMatchObject({ ok: false, error: { code: 'bill_not_customer' } })
    expect(app.services.outbox.list()).toHaveLength(before)
  })
})
