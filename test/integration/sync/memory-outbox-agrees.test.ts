/**
 * The in-memory outbox (test/support/memory-outbox.ts) and the SQLite outbox run one scripted
 * sequence of the calls the engine makes, legal and illegal, on the same clock: every answer,
 * every error and every attempt row must be the same. A change to the store's state machine that
 * the fake does not follow fails here, not in an engine unit test that quietly passes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '@shared/errors'
import type { SyncOutbox } from '@main/sync/types'
import { createMemoryOutbox, type MemoryOutbox } from '@support/memory-outbox'
import {
  openStore,
  paymentInput,
  removeTempDirs,
  seedCustomer,
  type TestStore,
  B1_AND_B2
} from '@support/store-world'

afterEach(removeTempDirs)

const HOUR = 3_600_000

/** Both outboxes holding the same two payments: B1 + B2 of one customer, N1 of another. */
function twins(): { store: TestStore; memory: MemoryOutbox } {
  const store = openStore()
  seedCustomer(store)
  const memory = createMemoryOutbox({ clock: () => store.now.value })
  const inputs = [
    paymentInput({
      bills: B1_AND_B2,
      tendered: 200_000
    }),
    paymentInput({
      idType: 'NIT',
      identification: '900123456',
      bills: [{ billNo: 'N1', contractId: '8001', amount: 90_000 }],
      tendered: 90_000
    })
  ]
  for (const input of inputs) {
    const receipt = store.payments.registerPayment(input)
    const items = store.outbox.items(receipt.bills.map((bill) => bill.itemId))
    memory.enqueue(
      {
        id: receipt.id,
        idType: receipt.customer.idType,
        identification: receipt.customer.identification,
        method: receipt.method,
        receiptNo: receipt.receiptNo,
        terminalId: receipt.terminalId,
        createdAt: receipt.createdAt
      },
      items.map(({ billNo, contractId, reference, amount, dueDate }) => ({
        billNo,
        contractId,
        reference,
        amount,
        dueDate
      }))
    )
    store.now.value += 1_000
  }
  return { store, memory }
}

type Step = (outbox: SyncOutbox, now: number) => unknown

/** What a call gave back, or the code and parameters of what it threw. */
function outcome(step: Step, outbox: SyncOutbox, now: number): unknown {
  try {
    const value = step(outbox, now)
    return value instanceof Set ? { set: [...value].sort() } : value
  } catch (error) {
    if (isAppError(error)) return { code: error.code, params: error.params }
    throw error
  }
}

describe('the in-memory outbox agrees with the SQLite outbox', () => {
  it('on a scripted sequence of the engine’s calls, errors and attempt rows included', () => {
    const { store, memory } = twins()
    const script: [string, Step, number?][] = [
      ['claim none', (o, now) => o.claimDue(now, 0)],
      ['claim two', (o, now) => o.claimDue(now, 2)],
      ['registered', (o) => o.markRegistered([1], 'registered by Tigo')],
      [
        'uncertain, secret in the note',
        (o) => o.markUncertain([2], { detail: 'timeout Bearer abc.def', httpStatus: 504 })
      ],
      ['registered twice', (o) => o.markRegistered([1])],
      ['unknown item', (o, now) => o.markQueued([99], now, 'x')],
      ['claim the rest', (o, now) => o.claimDue(now, 10)],
      ['queued with backoff', (o, now) => o.markQueued([3], now + 500, 'not sent: refused')],
      ['due later', (o) => o.nextAttemptAt()],
      ['claim before due', (o, now) => o.claimDue(now, 10)],
      ['reconcile undecided', (o) => o.recordReconcile([2, 2], 'reconcile could not decide')],
      ['reconcile a queued item', (o) => o.recordReconcile([3], 'x')],
      ['uncertain listed', (o) => o.listUncertain()],
      [
        'flag for a supervisor',
        (o) => o.flagForSupervisor([2, 3], '5 reconciles could not decide')
      ],
      ['flag again', (o) => o.flagForSupervisor([2], 'again')],
      ['possibly delivered', (o) => o.possiblyDelivered(memory.all())],
      ['claim when due', (o, now) => o.claimDue(now + 500, 10), 500],
      ['crash recovery', (o) => o.recoverInterrupted()],
      ['same id twice', (o) => o.markRejected([3, 3], 'api_rejected: HTTP 400')],
      ['rejected', (o) => o.markRejected([3], 'api_rejected: HTTP 400 token=s3cr3t')],
      ['resent after a reconcile', (o, now) => o.markQueued([2], now, 'reconciled: unpaid')],
      ['summary', (o, now) => o.summary(now)],
      ['stale, a day later', (o, now) => o.flagStale(now + 25 * HOUR, 24 * HOUR)],
      ['summary with the flag', (o, now) => o.summary(now)],
      ['possibly delivered at the end', (o) => o.possiblyDelivered(memory.all())]
    ]
    for (const [name, step, advance = 0] of script) {
      store.now.value += advance + 10
      const now = store.now.value
      const real = outcome(step, store.outbox, now)
      const fake = outcome(step, memory, now)
      expect({ name, answer: fake }).toEqual({ name, answer: real })
    }
    for (const id of [1, 2, 3]) {
      expect(memory.items([id])).toEqual(store.outbox.items([id]))
      expect(memory.attempts(id)).toEqual(store.outbox.attempts(id))
    }
  })
})
