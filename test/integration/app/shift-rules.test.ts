/**
 * The till's money rules through the dispatcher (issue 14): no payment without an open shift of
 * whoever takes it, a closing difference above the threshold needs a supervisor's approval, a
 * batch confirmed during a shift is reported apart, and the waiting-total cap can be approved.
 */
import { describe, expect, it } from 'vitest'
import type { ApprovalView } from '@shared/ipc/channels/session'
import type { BatchConfirmView, BatchPreviewView } from '@shared/ipc/channels/batch'
import type { ClosingReport, ShiftSummaryView } from '@shared/ipc/channels/shifts'
import type { PaymentReceipt } from '@shared/ipc/views'
import { registration, SUPERVISOR_PIN, useAppTest, valueOf } from './fixtures'

const app = useAppTest(5)
const { dispatch } = app

async function approve(action: string): Promise<ApprovalView> {
  return valueOf<ApprovalView>(
    await dispatch('session:approve', { supervisorName: 'Supervisor', pin: SUPERVISOR_PIN, action })
  )
}

describe('shift rules', () => {
  it('refuses a payment with no shift open, and takes it once the cashier opened one', async () => {
    // The supervisor chooses a PIN first (later approvals use it).
    await app.signIn('supervisor')
    await app.signIn('cashier')
    const sample = app.samples[0]!
    await app.cacheLookups(sample)
    expect(await dispatch('payments:register', registration(sample))).toMatchObject({
      ok: false,
      error: { code: 'shift_required', params: { terminalId: 'CAJA-01' } }
    })
    expect(valueOf<unknown[]>(await dispatch('outbox:list', {}))).toEqual([])
    const shiftId = await app.openShift(100_000)
    const receipt = valueOf<PaymentReceipt>(
      await dispatch('payments:register', registration(sample))
    )
    const row = app.services.db
      .prepare('SELECT shift_id FROM payments WHERE id = ?')
      .get(receipt.id) as { shift_id: number }
    expect(row.shift_id).toBe(shiftId)
  })

  it('lets a supervisor take a payment on the cashier’s open shift', async () => {
    await app.signIn('supervisor')
    const sample = app.samples[1]!
    await app.cacheLookups(sample)
    valueOf(
      await dispatch(
        'payments:register',
        registration(sample, { method: 'cash', tendered: sample.amount })
      )
    )
  })

  it('ties a batch confirmed during the shift to it, and reports its payments apart', async () => {
    const sample = app.samples[2]!
    await app.cacheLookups(sample)
    const text =
      'tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago\r\n' +
      `NIT;${sample.identification};${sample.contractId};${sample.billNo};` +
      `${sample.amount};efectivo;2025-02-28\r\n`
    const preview = valueOf<BatchPreviewView>(
      await dispatch('batch:preview', { fileName: 'campo.csv', text })
    )
    const confirmed = valueOf<BatchConfirmView>(
      await dispatch('batch:confirm', { previewId: preview.previewId })
    )
    const shiftId = await app.openShift()
    expect(confirmed).toMatchObject({ accepted: 1, shiftId })
    const summary = valueOf<ShiftSummaryView>(await dispatch('shifts:summary', {}))
    expect(summary.imported).toMatchObject({ batches: 1, payments: 1, total: sample.amount })
    // The drawer's cash line counts the float and the counter's cash payment only.
    const cash = summary.lines.find((line) => line.method === 'cash')
    expect(cash).toMatchObject({ payments: 1, expected: 100_000 + app.samples[1]!.amount })
  })

  it('needs a reason for a difference and a supervisor above the threshold, then closes', async () => {
    await app.signIn('supervisor')
    valueOf(await dispatch('settings:set', { caps: { closingApprovalAbove: 5_000 } }))
    await app.signIn('cashier')
    const summary = valueOf<ShiftSummaryView>(await dispatch('shifts:summary', {}))
    const expected = summary.lines.find((line) => line.method === 'cash')!.expected
    const short = { counted: { cash: expected - 10_000 } }
    expect(await dispatch('shifts:close', short)).toMatchObject({
      ok: false,
      error: { code: 'closing_reason_required' }
    })
    const withReason = { ...short, differenceReason: 'Billete roto' }
    expect(await dispatch('shifts:close', withReason)).toMatchObject({
      ok: false,
      error: { code: 'closing_approval_required' }
    })
    // An approval for another action does not do.
    const wrong = await approve('payment.over_offline_cap')
    expect(
      await dispatch('shifts:close', { ...withReason, approvalId: wrong.approvalId })
    ).toMatchObject({ ok: false, error: { code: 'approval_invalid' } })
    const approval = await approve('shift.close_difference')
    const report = valueOf<ClosingReport>(
      await dispatch('shifts:close', { ...withReason, approvalId: approval.approvalId })
    )
    const cash = report.lines.find((line) => line.method === 'cash')
    expect(cash).toMatchObject({ expected, difference: -10_000 })
    expect(report).toMatchObject({
      differenceReason: 'Billete roto',
      approvedBy: approval.supervisor,
      approvalAbove: 5_000
    })
    expect(report.imported?.payments).toBe(1)
    const used = app.services.audit.list({ action: 'auth.approval_used' })
    expect(used[0]?.details).toMatchObject({ action: 'shift.close_difference' })
  })

  it('lets a supervisor approve a payment over the waiting-total cap, audited', async () => {
    await app.signIn('supervisor')
    valueOf(await dispatch('settings:set', { caps: { maxPendingTotal: 1_000 } }))
    try {
      await app.signIn('cashier')
      await app.openShift()
      const sample = app.samples[3]!
      await app.cacheLookups(sample)
      expect(await dispatch('payments:register', registration(sample))).toMatchObject({
        ok: false,
        error: { code: 'over_pending_total' }
      })
      // An approval of the offline cap does not lift the waiting-total cap.
      const offline = await approve('payment.over_offline_cap')
      expect(
        await dispatch(
          'payments:register',
          registration(sample, { approvalId: offline.approvalId })
        )
      ).toMatchObject({ ok: false, error: { code: 'over_pending_total' } })
      const approval = await approve('payment.over_pending_total')
      const receipt = valueOf<PaymentReceipt>(
        await dispatch(
          'payments:register',
          registration(sample, {
            approvalId: approval.approvalId,
            approvalFor: 'over_pending_total'
          })
        )
      )
      const override = app.services.audit.list({ action: 'payment.pending_total_override' })[0]
      expect(override).toMatchObject({
        actor: approval.supervisor.id,
        details: { paymentId: receipt.id, cap: 1_000 }
      })
      const approved = app.services.audit
        .list({ action: 'auth.approved' })
        .map((entry) => (entry.details as { action: string }).action)
      expect(approved).toEqual(expect.arrayContaining(['payment.over_pending_total']))
    } finally {
      await app.signIn('supervisor')
      valueOf(await dispatch('settings:set', { caps: { maxPendingTotal: 20_000_000 } }))
    }
  })

  it('refuses a second cashier a payment on another cashier’s open shift', async () => {
    await app.signIn('supervisor')
    valueOf(await dispatch('users:create', { name: 'Eva', role: 'cashier', pin: '4826' }))
    valueOf(await dispatch('session:signIn', { name: 'Eva', pin: '4826' }))
    valueOf(await dispatch('session:changePin', { currentPin: '4826', newPin: '7391' }))
    const sample = app.samples[4]!
    await app.cacheLookups(sample)
    expect(await dispatch('payments:register', registration(sample))).toMatchObject({
      ok: false,
      error: { code: 'shift_other_cashier', params: { cashier: 'Cajero Demo' } }
    })
  })
})
