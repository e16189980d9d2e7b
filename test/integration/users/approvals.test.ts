import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TestStore } from '@support/store-world'
import { openStore, paymentInput, seedCustomer } from '@support/store-world'
import { FAST_HASH } from '@support/fast-hash'
import { MINUTE, rejectsWith, removeTempDirs, T0 } from './fixtures'
import { seedUsers } from '@main/users/seed'
import type { SessionService } from '@main/users/sessions'
import { createSessionService } from '@main/users/sessions'

const ACTION = 'payment.over_offline_cap'

let store: TestStore
let sessions: SessionService

beforeEach(async () => {
  store = openStore()
  seedCustomer(store)
  sessions = createSessionService({
    db: store.db,
    clock: () => store.now.value,
    audit: store.audit,
    settings: () => ({ idleLockMinutes: 60, lockoutAttempts: 5, lockoutMinutes: 5 }),
    hashParams: FAST_HASH,
    idleCheckMs: 0
  })
  await seedUsers({
    db: store.db,
    audit: store.audit,
    users: sessions.users,
    demoCashier: true,
    hashParams: FAST_HASH
  })
  await sessions.signIn('Supervisor', '0000')
  await sessions.changePin('0000', '2580')
  await sessions.signIn('Cajero Demo', '1234')
})

afterEach(() => {
  sessions.stop()
  store.db.close()
  removeTempDirs()
})

/** An offline payment above the per-payment cap (B4 = 700 000 > 500 000). */
function overCapPayment(approvedBy?: { id: string; name: string }) {
  store.online.value = false
  return store.payments.registerPayment(
    paymentInput({
      cashier: sessions.requireUser(),
      bills: [{ billNo: 'B4', contractId: '7001', amount: 700_000 }],
      tendered: 700_000,
      ...(approvedBy ? { approvedBy } : {})
    })
  )
}

describe('supervisor approval', () => {
  it('lets a payment above the offline cap through once, naming both people', async () => {
    expect(() => overCapPayment()).toThrow(expect.objectContaining({ code: 'over_offline_cap' }))
    const approval = await sessions.issueApproval({
      supervisor: { name: 'Supervisor' },
      pin: '2580',
      action: ACTION
    })
    expect(approval.supervisor.name).toBe('Supervisor')
    expect(approval.expiresAt).toBe(T0 + 2 * MINUTE)

    const receipt = await sessions.redeemApproval(approval.approvalId, ACTION, (supervisor) =>
      overCapPayment(supervisor)
    )
    expect(receipt.approvedBy).toEqual(approval.supervisor)
    expect(receipt.cashier.name).toBe('Cajero Demo')

    // Single use.
    expect(
      await rejectsWith(
        sessions.redeemApproval(approval.approvalId, ACTION, () => 'again'),
        'approval_invalid'
      )
    ).toEqual({ reason: 'unknown' })

    const approved = store.audit.list({ action: 'auth.approved' })[0]?.details
    expect(approved).toMatchObject({
      action: ACTION,
      approvalId: approval.approvalId,
      supervisor: { name: 'Supervisor' },
      cashier: { name: 'Cajero Demo' }
    })
    expect(store.audit.list({ action: 'auth.approval_used' })[0]?.details).toMatchObject({
      supervisor: { name: 'Supervisor' },
      cashier: { name: 'Cajero Demo' }
    })
    expect(store.audit.list({ action: 'payment.offline_cap_override' })).toHaveLength(1)
  })

  it('expires after two minutes', async () => {
    const approval = await sessions.issueApproval({
      supervisor: { name: 'Supervisor' },
      pin: '2580',
      action: ACTION
    })
    store.now.value = T0 + 2 * MINUTE
    expect(
      await rejectsWith(
        sessions.redeemApproval(approval.approvalId, ACTION, () => 1),
        'approval_invalid'
      )
    ).toEqual({ reason: 'expired' })
  })

  it('is for one action and one cashier, and survives a failed attempt', async () => {
    const approval = await sessions.issueApproval({
      supervisor: { name: 'Supervisor' },
      pin: '2580',
      action: ACTION
    })
    expect(
      await rejectsWith(
        sessions.redeemApproval(approval.approvalId, 'outbox.dismiss', () => 1),
        'approval_invalid'
      )
    ).toEqual({ reason: 'other_action' })
    // The payment fails for another reason: the approval is not spent.
    await rejectsWith(
      sessions.redeemApproval(approval.approvalId, ACTION, () => {
        throw Object.assign(new Error('nope'), { code: 'bill_already_paid' })
      }),
      'bill_already_paid'
    )
    expect(await sessions.redeemApproval(approval.approvalId, ACTION, (s) => s.name)).toBe(
      'Supervisor'
    )

    const second = await sessions.issueApproval({
      supervisor: { name: 'Supervisor' },
      pin: '2580',
      action: ACTION
    })
    await sessions.signIn('Supervisor', '2580')
    // Signing the cashier out dropped their approvals.
    await rejectsWith(
      sessions.redeemApproval(second.approvalId, ACTION, () => 1),
      'approval_invalid'
    )
  })

  it('takes only an active supervisor whose PIN is changed, and counts wrong PINs', async () => {
    await rejectsWith(
      sessions.issueApproval({ supervisor: { name: 'Cajero Demo' }, pin: '1234', action: ACTION }),
      'approval_needs_supervisor'
    )
    await rejectsWith(
      sessions.issueApproval({ supervisor: { name: 'Supervisor' }, pin: '1111', action: ACTION }),
      'pin_wrong'
    )
    expect(sessions.users.byName('Supervisor')?.failedAttempts).toBe(1)

    const supervisorId = sessions.users.byName('Supervisor')?.id ?? ''
    sessions.users.setPinHash(supervisorId, sessions.users.byId(supervisorId)?.pinHash ?? '', true)
    await rejectsWith(
      sessions.approveWithSupervisor({
        supervisor: { id: supervisorId },
        pin: '2580',
        action: ACTION
      }),
      'approval_pin_change_required'
    )
  })

  it('needs a signed-in, unlocked cashier to ask', async () => {
    sessions.lock()
    await rejectsWith(
      sessions.issueApproval({ supervisor: { name: 'Supervisor' }, pin: '2580', action: ACTION }),
      'session_locked'
    )
    sessions.signOut()
    await rejectsWith(
      sessions.approveWithSupervisor({
        supervisor: { name: 'Supervisor' },
        pin: '2580',
        action: ACTION
      }),
      'signed_out'
    )
  })
})
