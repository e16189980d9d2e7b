/**
 * A whole sync world for the soak/bench scripts and the engine tests (tests import it from here;
 * nothing in scripts/ imports from test/): a real SQLite file in a temp dir, the
 * real store, token provider, Tigo client and sync engine, talking over real HTTP to a simulator
 * on 127.0.0.1 port 0. Payments are planned from the simulator's seeded dataset and taken through
 * the real payment service after a real bill lookup filled the cache.
 */
import path from 'node:path'
import type { Database } from '@main/store/db'
import { openDatabase, writeTransaction } from '@main/store/db'
import type { Outbox } from '@main/outbox/outbox'
import type { PaymentService } from '@main/payments/payment-service'
import type { SyncStatus } from '@shared/ipc/views'
import type { StoredReceipt } from '@main/store/types'
import { createSyncEngine, type SyncEngine } from '@main/sync/engine'
import type { SyncClient, SyncOutbox, SyncSettings } from '@main/sync/types'
import { createTigoClient, type TigoClient } from '@main/tigo/client'
import { createTokenProvider } from '@main/tigo/token'
import type { Dataset, SimBill } from '@simulator/dataset'
import { createRandom } from '@simulator/prng'
import {
  DEMO_CLIENT_ID,
  DEMO_CLIENT_SECRET,
  startSimulator,
  type SimulatorHandle
} from '@simulator/server'
import { openStoreServices } from './store-services'
import { makeTempDir } from './temp-dir'

export const FAST_SETTINGS: SyncSettings = {
  batchSize: 10,
  baseBackoffMs: 20,
  maxBackoffMs: 200,
  // Client timeout 300 ms, worst injected latency 600 ms: a request the client gave up on has
  // committed (or died) well before anyone asks Tigo about its bills.
  reconcileDelayMs: 1_000,
  probeIntervalMs: 50,
  drainIntervalMs: 1_000,
  maxPendingAgeHours: 24
}
export const FAST_CLIENT_TIMEOUT_MS = 300
const SETUP_TIMEOUT_MS = 10_000

export interface PlannedPayment {
  idType: string
  identification: string
  bills: { billNo: string; contractId: string; amount: number }[]
}

/** Payments of 1–3 unpaid bills of one customer each, never the same bill twice. */
export function planPayments(
  dataset: Dataset,
  count: number,
  seed: number,
  /** `includeLarge`: mix the large customer in from the start, not only once the others run out. */
  options: { skip?: ReadonlySet<string>; includeLarge?: boolean } = {}
): PlannedPayment[] {
  const random = createRandom(seed)
  const owner = new Map(dataset.contracts.map((c) => [c.contractId, c]))
  const byCustomer = new Map<string, SimBill[]>()
  for (const bill of dataset.bills) {
    if (bill.paid || options.skip?.has(bill.billNo)) continue
    if (!options.includeLarge && bill.contractId === dataset.largeCustomer.contractId) continue
    const contract = owner.get(bill.contractId)
    if (!contract) continue
    const key = `${contract.ownerIdType}:${contract.ownerIdentification}`
    const list = byCustomer.get(key) ?? []
    list.push(bill)
    byCustomer.set(key, list)
  }
  const customers = [...byCustomer.keys()].sort()
  const plans: PlannedPayment[] = []
  while (plans.length < count) {
    let open = customers.filter((key) => (byCustomer.get(key)?.length ?? 0) > 0)
    // The regular customers' bills run out after a couple of hundred payments (how many depends
    // on the day): then the large customer's thousands of bills serve the rest.
    if (open.length === 0 && !options.includeLarge) {
      const large = largeCustomerBills(dataset, options.skip)
      if (large.bills.length > 0) {
        byCustomer.set(large.key, large.bills)
        customers.push(large.key)
        open = [large.key]
      }
    }
    if (open.length === 0)
      throw new Error(`the dataset has unpaid bills for ${plans.length} payments only`)
    const key = random.pick(open)
    const bills = byCustomer.get(key) ?? []
    const take = Math.min(bills.length, random.chance(0.6) ? 1 : random.int(2, 3))
    const chosen = bills.splice(0, take)
    const [idType = '', identification = ''] = key.split(':')
    plans.push({
      idType,
      identification,
      bills: chosen.map((b) => ({ billNo: b.billNo, contractId: b.contractId, amount: b.amount }))
    })
  }
  return plans
}

function largeCustomerBills(
  dataset: Dataset,
  skip?: ReadonlySet<string>
): { key: string; bills: SimBill[] } {
  const { contractId, idType, identification } = dataset.largeCustomer
  return {
    key: `${idType}:${identification}`,
    bills: dataset.bills.filter(
      (b) => b.contractId === contractId && !b.paid && !skip?.has(b.billNo)
    )
  }
}

export interface World {
  dir: string
  file: string
  db: Database
  outbox: Outbox
  payments: PaymentService
  client: TigoClient
  engine: SyncEngine
  settings: SyncSettings
  /** Fills the cache with a real bills lookup for every contract of the plans. */
  warmCache(plans: readonly PlannedPayment[]): Promise<void>
  /** Takes the payment at this world's terminal, or at `terminalId` (another till's payment). */
  take(plan: PlannedPayment, terminalId?: string): StoredReceipt
  close(): Promise<void>
}

export interface WorldOptions {
  sim: Pick<SimulatorHandle, 'baseUrl' | 'tokenUrl'>
  dir?: string
  settings?: Partial<SyncSettings>
  timeoutMs?: number
  random?: () => number
  /** Wraps the client the engine uses (to count or to inject events). */
  wrapClient?: (client: SyncClient) => SyncClient
  /** Wraps the outbox the engine uses (to count claims). */
  wrapOutbox?: (outbox: Outbox) => SyncOutbox
  clock?: () => number
  onStatus?: (status: SyncStatus) => void
  terminalId?: string
}

export function openWorld(options: WorldOptions): World {
  const dir = options.dir ?? makeTempDir('caja-sync-')
  const file = path.join(dir, 'caja.db')
  const db = openDatabase(file)
  const clock = options.clock ?? Date.now
  const settings: SyncSettings = { ...FAST_SETTINGS, ...options.settings }
  const { outbox, cache, audit, payments } = openStoreServices({
    db,
    clock,
    caps: () => ({
      maxPaymentAmount: Number.MAX_SAFE_INTEGER,
      maxPendingTotal: Number.MAX_SAFE_INTEGER,
      maxPendingAgeHours: settings.maxPendingAgeHours
    }),
    // Read only when a payment is taken, once the engine below exists.
    isOnline: () => engine.isOnline()
  })
  const clientWith = (timeoutMs: number): TigoClient => {
    const tokens = createTokenProvider({
      tokenUrl: options.sim.tokenUrl,
      clientId: DEMO_CLIENT_ID,
      clientSecret: () => DEMO_CLIENT_SECRET,
      timeoutMs
    })
    return createTigoClient({ baseUrl: options.sim.baseUrl, tokens, timeoutMs })
  }
  const client = clientWith(options.timeoutMs ?? FAST_CLIENT_TIMEOUT_MS)
  // Filling the cache is the test's preparation, not its subject: a loaded machine must not
  // fail it with the engine's deliberately short timeout.
  const setupClient = clientWith(SETUP_TIMEOUT_MS)
  const terminalId = options.terminalId ?? 'T-TEST'
  const engine = createSyncEngine({
    outbox: options.wrapOutbox ? options.wrapOutbox(outbox) : outbox,
    client: options.wrapClient ? options.wrapClient(client) : client,
    cache,
    audit,
    clock,
    ...(options.random ? { random: options.random } : {}),
    settings: () => settings,
    terminal: () => ({ usesSimulator: true, terminalId }),
    atomically: (work) => writeTransaction(db, work),
    ...(options.onStatus ? { onStatus: options.onStatus } : {})
  })
  const warmed = new Set<string>()

  return {
    dir,
    file,
    db,
    outbox,
    payments,
    client,
    engine,
    settings,
    async warmCache(plans) {
      for (const plan of plans) {
        for (const bill of plan.bills) {
          // Looked up here, or by an earlier process on the same database.
          if (warmed.has(bill.contractId) || cache.billByNo(bill.billNo)) continue
          const bills = await setupClient.getBills(bill.contractId)
          cache.putBills(bill.contractId, plan.idType, plan.identification, bills)
          warmed.add(bill.contractId)
        }
      }
    },
    take(plan, at = terminalId) {
      return payments.registerPayment({
        terminalId: at,
        cashier: { id: 'c1', name: 'Cajera Uno' },
        idType: plan.idType,
        identification: plan.identification,
        bills: plan.bills,
        method: 'cash',
        tendered: plan.bills.reduce((sum, bill) => sum + bill.amount, 0)
      })
    },
    async close() {
      await engine.stop()
      db.close()
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Drains until nothing waits (queued, sending or uncertain), nudging the engine between its own
 * timer wakes. Throws with the outbox summary if that takes longer than `deadlineMs`.
 */
export async function drainToQuiescence(world: World, deadlineMs = 30_000): Promise<void> {
  const until = Date.now() + deadlineMs
  for (;;) {
    await world.engine.requestDrain('manual')
    const summary = world.outbox.summary(Date.now())
    if (summary.waiting.count === 0) return
    if (Date.now() > until) {
      throw new Error(`not quiescent after ${deadlineMs} ms: ${JSON.stringify(summary.states)}`)
    }
    await sleep(25)
  }
}

export interface LedgerCheck {
  payments: number
  /** Payments whose every bill is registered in the database and exactly once in the ledger. */
  registeredOnce: number
  bills: number
  /** Registrations beyond the first, summed over every bill in the ledger. */
  duplicates: number
  /** Bills taken here that Tigo never registered. */
  lost: number
  /** Payments with at least one bill Tigo never registered. */
  lostPayments: number
  uncertainLeft: number
  /** Bills not in state `registered` in the database. */
  notRegistered: number
  /** Bills registered in the database but not exactly once in the ledger. */
  mismatched: number
}

/** Compares the database with the simulator's ledger, bill by bill and payment by payment. */
export function checkAgainstLedger(
  db: Database,
  registrationsByBill: Record<string, number>
): LedgerCheck {
  const items = db.prepare('SELECT payment_id, bill_no, state FROM outbox_items').all() as {
    payment_id: string
    bill_no: string
    state: string
  }[]
  const payments = (db.prepare('SELECT COUNT(*) AS n FROM payments').get() as { n: number }).n
  const good = new Map<string, boolean>()
  const lostOf = new Set<string>()
  let lost = 0
  let uncertainLeft = 0
  let notRegistered = 0
  let mismatched = 0
  for (const item of items) {
    const count = registrationsByBill[item.bill_no] ?? 0
    const ok = count === 1 && item.state === 'registered'
    good.set(item.payment_id, (good.get(item.payment_id) ?? true) && ok)
    if (count === 0) {
      lost++
      lostOf.add(item.payment_id)
    }
    if (item.state === 'uncertain') uncertainLeft++
    if (item.state !== 'registered') notRegistered++
    if (item.state === 'registered' && count !== 1) mismatched++
  }
  const duplicates = Object.values(registrationsByBill).reduce(
    (sum, n) => sum + Math.max(0, n - 1),
    0
  )
  const registeredOnce = [...good.values()].filter(Boolean).length
  return {
    payments,
    registeredOnce,
    bills: items.length,
    duplicates,
    lost,
    lostPayments: lostOf.size,
    uncertainLeft,
    notRegistered,
    mismatched
  }
}

export { startSimulator }
export type { SimulatorHandle }
