/**
 * Who may call what, through the real dispatcher and services: the signed-in user's role decides,
 * refusals are audited, a supervisor's approval lets a cashier past the offline cap once, and a
 * cashier acts on their own shift only.
 */
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import type { ApprovalView, SessionView } from '@shared/ipc/channels/session'
import type { AuditEntryView } from '@shared/ipc/channels/audit'
import type { BatchConfirmView, BatchPreviewView } from '@shared/ipc/channels/batch'
import type { ShiftView } from '@shared/ipc/channels/shifts'
import type { UserView } from '@shared/ipc/channels/users'
import { CHANNEL_NAMES } from '@shared/ipc/contract'
import type { EventName } from '@shared/ipc/events'
import type { OutboxPaymentView, PaymentReceipt, SettingsView, SyncStatus } from '@shared/ipc/views'
import { refuseConnections, registration, SUPERVISOR_PIN, useAppTest, valueOf } from './fixtures'

const app = useAppTest(6)
const events: EventName[] = []

beforeAll(async () => {
  app.services.events.subscribe((event) => events.push(event))
})

const { dispatch } = app

async function setOffline(offline: boolean): Promise<void> {
  await refuseConnections(app.sim, offline)
  // Without the sync engine, `sync:now` is what probes the API.
  valueOf(await dispatch('sync:now', {}))
}

function detailsOf(entry: { details: unknown }): Record<string, unknown> {
  return entry.details as Record<string, unknown>
}

const SUPERVISOR_CALLS: Array<[string, unknown]> = [
  ['settings:set', { terminalId: 'CAJA-HACK' }],
  ['batch:confirm', { previewId: '6f1c1a4e-1d3b-4c55-9a47-1f0a5a0f9b11' }],
  ['users:create', { name: 'Intruso', role: 'supervisor', pin: '4826' }],
  ['audit:list', {}],
  ['outbox:retry', { itemIds: [1] }],
  ['outbox:decide', { itemId: 1, decision: 'registered', note: 'x' }]
]

describe('wiring', () => {
  it('has a handler for every channel of the contract', () => {
    expect(CHANNEL_NAMES.filter((channel) => !app.services.handlers[channel])).toEqual([])
  })
})

describe('sign-in', () => {
  it('answers only the public channels before anyone signs in', async () => {
    expect(await dispatch('payments:register', registration(app.samples[0]!))).toMatchObject({
      ok: false,
      error: { code: 'signed_out' }
    })
    expect(valueOf<SettingsView>(await dispatch('settings:get', {})).terminalId).toBe('CAJA-01')
    const status = valueOf<SyncStatus>(await dispatch('outbox:summary', {}))
    expect(status.cashierName).toBeUndefined()
  })

  it('makes the seeded supervisor choose a PIN before anything else', async () => {
    const first = valueOf<SessionView>(
      await dispatch('session:signIn', { name: 'Supervisor', pin: '0000' })
    )
    expect(first).toMatchObject({ user: { role: 'supervisor' }, mustChangePin: true })
    expect(await dispatch('settings:set', { terminalId: 'CAJA-02' })).toMatchObject({
      ok: false,
      error: { code: 'pin_change_required' }
    })
    valueOf(await dispatch('session:changePin', { currentPin: '0000', newPin: SUPERVISOR_PIN }))
    expect(events).toContain('session:changed')
    valueOf(await dispatch('session:signOut', {}))
  })
})

describe('roles', () => {
  it('refuses a cashier every supervisor channel with `forbidden`, audited, changing nothing', async () => {
    const cashier = await app.signIn('cashier')
    expect(valueOf<SyncStatus>(await dispatch('outbox:summary', {})).cashierName).toBe(
      'Cajero Demo'
    )
    const usersBefore = app.services.sessions.users.count()
    for (const [channel, input] of SUPERVISOR_CALLS) {
      expect(await dispatch(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', params: { channel } }
      })
    }
    expect(valueOf<SettingsView>(await dispatch('settings:get', {})).terminalId).toBe('CAJA-01')
    expect(app.services.sessions.users.count()).toBe(usersBefore)

    const refusals = app.services.audit.list({ action: 'auth.forbidden' })
    expect(refusals.map((entry) => detailsOf(entry).channel).sort()).toEqual(
      SUPERVISOR_CALLS.map(([channel]) => channel).sort()
    )
    for (const entry of refusals) {
      expect(entry).toMatchObject({
        actor: cashier.user?.id,
        details: { role: 'cashier', user: { name: 'Cajero Demo' } }
      })
    }
  })

  it('lets a supervisor call them: settings, users, audit, outbox retry, batch import', async () => {
    // A payment for the retry, and bills in the cache for the batch file.
    await app.signIn('cashier')
    await app.openShift()
    const paid = valueOf<PaymentReceipt>(
      await dispatch('payments:register', registration(app.samples[0]!))
    )
    const batchSample = app.samples[1]!
    await app.cacheLookups(batchSample)

    await app.signIn('supervisor')
    expect(
      valueOf<SettingsView>(await dispatch('settings:set', { terminalId: 'CAJA-02' })).terminalId
    ).toBe('CAJA-02')
    const eva = valueOf<UserView>(
      await dispatch('users:create', { name: 'Eva', role: 'cashier', pin: '4826' })
    )
    expect(eva).toMatchObject({ name: 'Eva', role: 'cashier', mustChangePin: true })
    const audit = valueOf<AuditEntryView[]>(await dispatch('audit:list', { limit: 500 }))
    expect(audit.filter((entry) => entry.action === 'auth.forbidden')).toHaveLength(
      SUPERVISOR_CALLS.length
    )
    expect(
      valueOf(await dispatch('outbox:retry', { itemIds: [paid.bills[0]!.itemId] }))
    ).toMatchObject({ retried: 1 })

    events.length = 0
    const text =
      'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago\r\n' +
      `NIT;${batchSample.identification};${batchSample.contractId};${batchSample.billNo};` +
      `${batchSample.amount};efectivo;2025-02-28\r\n`
    const preview = valueOf<BatchPreviewView>(
      await dispatch('batch:preview', { fileName: 'campo.csv', text })
    )
    expect(preview.totals).toMatchObject({ valid: 1 })
    expect(events).toContain('batch:progress')
    const confirmed = valueOf<BatchConfirmView>(
      await dispatch('batch:confirm', { previewId: preview.previewId })
    )
    expect(confirmed).toMatchObject({ accepted: 1, rejected: 0 })
    // The status bar learns of the new payments at once.
    expect(events.slice(events.indexOf('batch:progress'))).toContain('sync:status')
    const waiting = valueOf<OutboxPaymentView[]>(await dispatch('outbox:list', {}))
    expect(waiting.some((p) => p.items.some((i) => i.billNo === batchSample.billNo))).toBe(true)
  })
})

describe('supervisor approval over the offline cap', () => {
  it('lets the cashier register once with the approval, recorded as approved by the supervisor', async () => {
    await app.signIn('supervisor')
    valueOf(await dispatch('settings:set', { caps: { maxPaymentAmount: 1_000 } }))
    const sample = app.samples[2]!
    const cashier = await app.signIn('cashier')
    await app.openShift()
    await app.cacheLookups(sample)
    await setOffline(true)
    try {
      expect(await dispatch('payments:register', registration(sample))).toMatchObject({
        ok: false,
        error: { code: 'over_offline_cap' }
      })
      const approval = valueOf<ApprovalView>(
        await dispatch('session:approve', {
          supervisorName: 'Supervisor',
          pin: SUPERVISOR_PIN,
          action: 'payment.over_offline_cap'
        })
      )
      const input = registration(sample, { approvalId: approval.approvalId })
      const receipt = valueOf<PaymentReceipt>(await dispatch('payments:register', input))
      expect(receipt.cashier).toEqual({ id: cashier.user?.id, name: 'Cajero Demo' })
      const row = app.services.db
        .prepare('SELECT approved_by FROM payments WHERE id = ?')
        .get(receipt.id) as { approved_by: string }
      expect(JSON.parse(row.approved_by)).toEqual(approval.supervisor)
      // Spent: the same approval does not pass a second time.
      expect(
        await dispatch(
          'payments:register',
          registration(app.samples[3]!, { approvalId: approval.approvalId })
        )
      ).toMatchObject({ ok: false, error: { code: 'approval_invalid' } })
      expect(await dispatch('payments:register', { ...input, approvalId: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' }
      })
    } finally {
      await setOffline(false)
      // Transfers only: the drawer holds the float (0) it started with.
      valueOf(await dispatch('shifts:close', { counted: { cash: 0 } }))
      await app.signIn('supervisor')
      valueOf(await dispatch('settings:set', { caps: { maxPaymentAmount: 5_000_000 } }))
    }
  })
})

describe('shifts', () => {
  it('lets a cashier act on their own shift only; a supervisor on any', async () => {
    const demo = await app.signIn('cashier')
    const shift = valueOf<ShiftView>(await dispatch('shifts:open', { openingFloat: 50_000 }))
    expect(shift.cashier).toEqual({ id: demo.user?.id, name: 'Cajero Demo' })

    // Eva (created by the supervisor above) chooses her PIN, then meets Demo's open shift.
    valueOf(await dispatch('session:signIn', { name: 'Eva', pin: '4826' }))
    valueOf(await dispatch('session:changePin', { currentPin: '4826', newPin: '7391' }))
    expect(valueOf<ShiftView | null>(await dispatch('shifts:current', {}))?.id).toBe(shift.id)
    const refused: Array<[string, unknown]> = [
      ['shifts:cashMove', { kind: 'in', amount: 1_000, reason: 'cambio' }],
      ['shifts:summary', {}],
      ['shifts:summary', { shiftId: shift.id }],
      ['shifts:close', { counted: { cash: 50_000 } }]
    ]
    for (const [channel, input] of refused) {
      expect(await dispatch(channel, input), channel).toMatchObject({
        ok: false,
        error: { code: 'forbidden', params: { reason: 'other_cashier_shift' } }
      })
    }
    expect(
      app.services.audit
        .list({ action: 'auth.forbidden' })
        .filter((entry) => detailsOf(entry).reason === 'other_cashier_shift')
    ).toHaveLength(refused.length)
    expect(valueOf<ShiftView[]>(await dispatch('shifts:history', {}))).toEqual([])

    await app.signIn('cashier')
    valueOf(await dispatch('shifts:cashMove', { kind: 'in', amount: 1_000, reason: 'cambio' }))
    // Newest first (the approval test above closed one of Demo's shifts earlier).
    expect(valueOf<ShiftView[]>(await dispatch('shifts:history', {}))[0]?.id).toBe(shift.id)

    // The supervisor closes the cashier's shift; its report is the cashier's, not Eva's.
    await app.signIn('supervisor')
    valueOf(await dispatch('shifts:close', { counted: { cash: 51_000 } }))
    valueOf(await dispatch('session:signIn', { name: 'Eva', pin: '7391' }))
    expect(await dispatch('shifts:report', { shiftId: shift.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
    expect(await dispatch('receipts:printClosing', { shiftId: shift.id })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' }
    })
    await app.signIn('cashier')
    expect(
      valueOf<{ shift: ShiftView }>(await dispatch('shifts:report', { shiftId: shift.id }))
    ).toMatchObject({ shift: { id: shift.id, closedBy: 'Supervisor' } })
  })
})

describe('receipts', () => {
  it('prints the business header from the settings, and saves a PDF under the data dir', async () => {
    await app.signIn('supervisor')
    valueOf(await dispatch('settings:set', { businessName: 'Recaudos El Centro' }))
    await app.signIn('cashier')
    await app.openShift()
    await app.cacheLookups(app.samples[4]!)
    const receipt = valueOf<PaymentReceipt>(
      await dispatch('payments:register', registration(app.samples[4]!))
    )
    const preview = valueOf<{ html: string }>(
      await dispatch('receipts:preview', { paymentId: receipt.id })
    )
    expect(preview.html).toContain('Recaudos El Centro')
    const saved = valueOf<{ printed: boolean; file?: string }>(
      await dispatch('receipts:savePdf', { paymentId: receipt.id })
    )
    expect(saved.file?.startsWith(app.dataDir)).toBe(true)
    expect(existsSync(saved.file!)).toBe(true)
  })
})
