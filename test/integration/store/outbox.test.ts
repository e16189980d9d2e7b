import { afterEach, describe, expect, it } from 'vitest'

import { OUTBOX_STATES } from '@main/store/types'
import type { OutboxState } from '@main/store/types'
import { AppError } from '@shared/errors'
import type { TestStore } from '@support/store-world'
import {
  T0,
  openStore,
  paymentInput,
  removeTempDirs,
  seedCustomer,
  B1_AND_B2
} from '@support/store-world'

afterEach(removeTempDirs)

function storeWithPayment(bills = ['B1']): {
  store: TestStore
  itemIds: number[]
  paymentId: string
} {
  const store = openStore()
  seedCustomer(store)
  const amounts: Record<string, number> = { B1: 120_000, B2: 80_000, B3: 300_000 }
  const receipt = store.payments.registerPayment(
    paymentInput({
      bills: bills.map((billNo) => ({ billNo, contractId: '7001', amount: amounts[billNo] ?? 0 })),
      tendered: 1_000_000
    })
  )
  return { store, itemIds: receipt.bills.map((b) => b.itemId), paymentId: receipt.id }
}

/** Puts an item straight into a state, as a crash or an earlier run could have left it. */
function force(store: TestStore, id: number, state: OutboxState): void {
  store.db.prepare('UPDATE outbox_items SET state = ? WHERE id = ?').run(state, id)
}

function stateOf(store: TestStore, id: number): OutboxState {
  return store.outbox.items([id])[0]!.state
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn()
    return undefined
  } catch (error) {
    if (error instanceof AppError) return error.code
    throw error
  }
}

const moves: Record<string, { to: OutboxState; legalFrom: OutboxState[] }> = {
  markRegistered: { to: 'registered', legalFrom: ['sending', 'uncertain'] },
  markUncertain: { to: 'uncertain', legalFrom: ['sending'] },
  markQueued: { to: 'queued', legalFrom: ['sending', 'uncertain'] },
  markRejected: { to: 'rejected', legalFrom: ['sending', 'uncertain'] },
  retry: { to: 'queued', legalFrom: ['rejected', 'queued'] }
}

function move(store: TestStore, name: string, id: number): void {
  const o = store.outbox
  if (name === 'markRegistered') o.markRegistered([id], 'ok')
  else if (name === 'markUncertain') o.markUncertain([id], 'timeout')
  else if (name === 'markQueued') o.markQueued([id], T0 + 1000, 'connection refused')
  else if (name === 'markRejected') o.markRejected([id], 'bill not payable')
  else o.retry([id], 'sup1')
}

describe('outbox transitions', () => {
  for (const [name, { to, legalFrom }] of Object.entries(moves)) {
    for (const from of OUTBOX_STATES) {
      const legal = legalFrom.includes(from)
      it(`${name}: ${from} → ${to} is ${legal ? 'allowed' : 'refused'}`, () => {
        const { store, itemIds } = storeWithPayment()
        const id = itemIds[0]!
        force(store, id, from)
        const before = store.outbox.attempts(id).length
        const code = codeOf(() => move(store, name, id))
        if (legal) {
          expect(code).toBeUndefined()
          expect(stateOf(store, id)).toBe(to)
          const attempts = store.outbox.attempts(id)
          expect(attempts).toHaveLength(before + 1)
          expect(attempts.at(-1)).toMatchObject({ fromState: from, toState: to })
        } else {
          expect(code).toBe('outbox_transition_illegal')
          expect(stateOf(store, id)).toBe(from)
          expect(store.outbox.attempts(id)).toHaveLength(before)
        }
        store.db.close()
      })
    }
  }

  it('claimDue takes only queued items (sending, attempts + 1, one attempt row)', () => {
    const { store, itemIds } = storeWithPayment(['B1', 'B2', 'B3'])
    const [a, b, c] = itemIds as [number, number, number]
    force(store, b, 'uncertain')
    force(store, c, 'rejected')
    const claimed = store.outbox.claimDue(T0, 10)
    expect(claimed.map((i) => i.id)).toEqual([a])
    expect(claimed[0]).toMatchObject({ state: 'sending', attempts: 1, idType: 'CC' })
    expect(store.outbox.attempts(a).map((x) => x.outcome)).toEqual(['created', 'claimed'])
    expect(stateOf(store, b)).toBe('uncertain')
    expect(stateOf(store, c)).toBe('rejected')
    store.db.close()
  })

  it('moves many items in one call, each with its own attempt row from its own state', () => {
    const { store, itemIds } = storeWithPayment(['B1', 'B2', 'B3'])
    const [a, b, c] = itemIds as [number, number, number]
    store.outbox.claimDue(T0, 10)
    store.outbox.markUncertain([b], 'socket hang up')
    store.now.value = T0 + 5
    const moved = store.outbox.markRegistered([c, a, b], { detail: 'ok', httpStatus: 200 })
    expect(moved.map((i) => [i.id, i.state, i.registeredAt])).toEqual([
      [c, 'registered', T0 + 5],
      [a, 'registered', T0 + 5],
      [b, 'registered', T0 + 5]
    ])
    const last = (id: number) => store.outbox.attempts(id).at(-1)
    expect(last(a)).toMatchObject({ fromState: 'sending', toState: 'registered', httpStatus: 200 })
    expect(last(b)).toMatchObject({ fromState: 'uncertain', toState: 'registered', detail: 'ok' })
    expect(store.outbox.attempts(c).map((x) => x.outcome)).toEqual([
      'created',
      'claimed',
      'registered'
    ])
    expect(store.outbox.markRegistered([])).toEqual([])
    store.db.close()
  })

  it('refuses an item named twice in one move, moving none', () => {
    const { store, itemIds } = storeWithPayment(['B1', 'B2'])
    const [a, b] = itemIds as [number, number]
    store.outbox.claimDue(T0, 10)
    expect(codeOf(() => store.outbox.markRegistered([a, b, a]))).toBe('outbox_transition_illegal')
    expect([stateOf(store, a), stateOf(store, b)]).toEqual(['sending', 'sending'])
    expect(store.outbox.attempts(a)).toHaveLength(2)
    store.db.close()
  })

  it('refuses a whole batch when one item cannot move', () => {
    const { store, itemIds } = storeWithPayment(['B1', 'B2'])
    const [a, b] = itemIds as [number, number]
    store.outbox.claimDue(T0, 1)
    expect(codeOf(() => store.outbox.markRegistered([a, b]))).toBe('outbox_transition_illegal')
    expect(stateOf(store, a)).toBe('sending')
    expect(codeOf(() => store.outbox.markRegistered([a, 999]))).toBe('outbox_item_unknown')
    expect(stateOf(store, a)).toBe('sending')
    store.db.close()
  })
})

describe('claimDue', () => {
  it('claims due items oldest first, up to the limit, grouped by customer', () => {
    const store = openStore()
    seedCustomer(store)
    const nit = store.payments.registerPayment(
      paymentInput({
        idType: 'NIT',
        identification: '900123456',
        bills: [{ billNo: 'N1', contractId: '8001', amount: 90_000 }],
        method: 'transfer'
      })
    )
    store.now.value = T0 + 10
    const cc = store.payments.registerPayment(
      paymentInput({
        bills: B1_AND_B2,
        tendered: 200_000
      })
    )
    const later = store.payments.registerPayment(
      paymentInput({
        bills: [{ billNo: 'B3', contractId: '7001', amount: 300_000 }],
        tendered: 300_000
      })
    )
    const [laterItem] = later.bills
    store.db
      .prepare('UPDATE outbox_items SET next_attempt_at = ? WHERE id = ?')
      .run(T0 + 60_000, laterItem!.itemId)

    expect(store.outbox.claimDue(T0 + 20, 2).map((i) => i.billNo)).toEqual(['B1', 'N1'])
    const rest = store.outbox.claimDue(T0 + 20, 10)
    expect(rest.map((i) => i.billNo)).toEqual(['B2'])
    expect(rest[0]).toMatchObject({
      paymentId: cc.id,
      idType: 'CC',
      identification: '1020304050',
      method: 'cash'
    })
    expect(store.outbox.claimDue(T0 + 20, 10)).toEqual([])
    expect(store.outbox.nextAttemptAt()).toBe(T0 + 60_000)
    expect(store.outbox.claimDue(T0 + 60_000, 10).map((i) => i.paymentId)).toEqual([later.id])
    expect(store.outbox.nextAttemptAt()).toBeNull()
    expect(nit.bills).toHaveLength(1)
    store.db.close()
  })
})

describe('items carry their payment', () => {
  it("with the payment's own receipt number and terminal", () => {
    const store = openStore()
    seedCustomer(store)
    const first = store.payments.registerPayment(paymentInput({ terminalId: 'CAJA-1' }))
    const other = store.payments.registerPayment(
      paymentInput({
        terminalId: 'CAJA-2',
        bills: [{ billNo: 'B2', contractId: '7001', amount: 80_000 }]
      })
    )
    const second = store.payments.registerPayment(
      paymentInput({
        terminalId: 'CAJA-1',
        bills: [{ billNo: 'B3', contractId: '7001', amount: 300_000 }],
        tendered: 300_000
      })
    )
    const claimed = store.outbox.claimDue(T0, 10)
    const facts = (paymentId: string) => {
      const item = claimed.find((i) => i.paymentId === paymentId)
      return [item?.receiptNo, item?.terminalId]
    }
    expect(facts(first.id)).toEqual([1, 'CAJA-1'])
    expect(facts(other.id)).toEqual([1, 'CAJA-2'])
    expect(facts(second.id)).toEqual([2, 'CAJA-1'])
    expect(second.receiptNo).toBe(2)
    expect(store.outbox.items([claimed[0]!.id])[0]).toMatchObject({
      receiptNo: claimed[0]!.receiptNo,
      terminalId: claimed[0]!.terminalId
    })
    store.db.close()
  })
})

describe('recoverInterrupted', () => {
  it('turns items left in sending by a crash into uncertain, never queued', () => {
    const { store, itemIds } = storeWithPayment(['B1', 'B2'])
    store.outbox.claimDue(T0, 10)
    store.db.close() // the app dies mid-send

    const restarted = openStore(store.file)
    const recovered = restarted.outbox.recoverInterrupted()
    expect(recovered.map((i) => i.id)).toEqual(itemIds)
    expect(recovered.every((i) => i.state === 'uncertain')).toBe(true)
    expect(restarted.outbox.listUncertain().map((i) => i.id)).toEqual(itemIds)
    expect(restarted.outbox.attempts(itemIds[0]!).at(-1)?.outcome).toBe('interrupted')
    expect(restarted.outbox.claimDue(T0 + 1e9, 10)).toEqual([])
    expect(restarted.outbox.recoverInterrupted()).toEqual([])
    restarted.db.close()
  })

  it('records an undecided reconcile without moving the item', () => {
    const { store, itemIds } = storeWithPayment()
    const id = itemIds[0]!
    store.outbox.claimDue(T0, 1)
    store.outbox.markUncertain([id], { detail: 'socket hang up', httpStatus: 502 })
    store.outbox.recordReconcile([id], 'bill status: API unreachable')
    expect(stateOf(store, id)).toBe('uncertain')
    expect(store.outbox.attempts(id).map((a) => [a.outcome, a.httpStatus])).toEqual([
      ['created', null],
      ['claimed', null],
      ['uncertain', 502],
      ['reconcile_failed', null]
    ])
    force(store, id, 'queued')
    expect(codeOf(() => store.outbox.recordReconcile([id], 'x'))).toBe('outbox_transition_illegal')
    store.db.close()
  })
})

describe('attempt details', () => {
  it('never stores a token or a secret', () => {
    const { store, itemIds } = storeWithPayment()
    const id = itemIds[0]!
    store.outbox.claimDue(T0, 1)
    store.outbox.markQueued(
      [id],
      T0 + 5000,
      'HTTP 401 Authorization: Bearer eyJhbGciOi.abc.def body {"access_token":"s3cr3t"}'
    )
    const detail = store.outbox.attempts(id).at(-1)?.detail ?? ''
    expect(detail).not.toContain('eyJhbGciOi')
    expect(detail).not.toContain('s3cr3t')
    expect(detail).toContain('[redacted]')
    expect(store.outbox.items([id])[0]?.lastError).toBe(detail)
    store.db.close()
  })
})

describe('supervisor retry', () => {
  it('requeues a rejected item, audited', () => {
    const { store, itemIds } = storeWithPayment()
    const id = itemIds[0]!
    store.outbox.claimDue(T0, 1)
    store.outbox.markRejected([id], { detail: 'Tigo: false', httpStatus: 200 })
    expect(store.outbox.items([id])[0]).toMatchObject({ rejectedReason: 'Tigo: false' })
    store.now.value = T0 + 5000
    const [item] = store.outbox.retry([id], 'sup1')
    expect(item).toMatchObject({ state: 'queued', nextAttemptAt: T0 + 5000, rejectedReason: null })
    expect(store.audit.list({ action: 'outbox.retry' })).toMatchObject([{ actor: 'sup1' }])
    store.db.close()
  })

  it('refuses to requeue a rejected bill that another payment already took', () => {
    const { store, itemIds } = storeWithPayment()
    const id = itemIds[0]!
    store.outbox.claimDue(T0, 1)
    store.outbox.markRejected([id], 'rejected')
    store.payments.registerPayment(paymentInput())
    expect(codeOf(() => store.outbox.retry([id], 'sup1'))).toBe('bill_already_queued')
    expect(stateOf(store, id)).toBe('rejected')
    store.db.close()
  })
})

describe('summary, list, flagStale', () => {
  it('counts and sums per state and the oldest waiting age', () => {
    const { store, itemIds } = storeWithPayment(['B1', 'B2', 'B3'])
    const [a, b] = itemIds as [number, number, number]
    store.outbox.claimDue(T0, 2)
    store.outbox.markRegistered([a], 'true')
    store.outbox.markUncertain([b], 'timeout')
    const summary = store.outbox.summary(T0 + 60_000)
    expect(summary.states).toEqual({
      queued: { count: 1, amount: 300_000 },
      sending: { count: 0, amount: 0 },
      registered: { count: 1, amount: 120_000 },
      rejected: { count: 0, amount: 0 },
      uncertain: { count: 1, amount: 80_000 }
    })
    expect(summary.waiting).toEqual({ count: 2, amount: 380_000 })
    expect(summary.oldestWaitingAgeMs).toBe(60_000)
    expect(summary.flaggedPayments).toBe(0)
    store.db.close()
  })

  it('lists payments with their matching items', () => {
    const { store, itemIds, paymentId } = storeWithPayment(['B1', 'B2'])
    store.outbox.claimDue(T0, 1)
    store.outbox.markRejected([itemIds[0]!], 'no')
    const rejected = store.outbox.list({ states: ['rejected'] })
    expect(rejected).toHaveLength(1)
    expect(rejected[0]).toMatchObject({ id: paymentId, receiptNo: 1 })
    expect(rejected[0]!.items.map((i) => i.billNo)).toEqual(['B1'])
    expect(store.outbox.list({ paymentId })[0]!.items).toHaveLength(2)
    expect(store.outbox.list({ from: T0 + 1 })).toEqual([])
    expect(store.outbox.list({ from: T0, to: T0 + 1 })).toHaveLength(1)
    store.db.close()
  })

  it('flags payments waiting longer than the cap, once, and never drops them', () => {
    const { store, paymentId } = storeWithPayment(['B1'])
    const day = 24 * 3600_000
    expect(store.outbox.flagStale(T0 + day - 1, day)).toEqual([])
    expect(store.outbox.flagStale(T0 + day, day)).toEqual([paymentId])
    expect(store.outbox.flagStale(T0 + 2 * day, day)).toEqual([])
    expect(store.payments.getPayment(paymentId)?.supervisorFlaggedAt).toBe(
      new Date(T0 + day).toISOString()
    )
    const summary = store.outbox.summary(T0 + 2 * day)
    expect(summary.waiting.count).toBe(1)
    expect(summary.flaggedPayments).toBe(1)
    expect(store.audit.list({ action: 'payment.flagged_stale' })).toHaveLength(1)
    store.db.close()
  })
})
