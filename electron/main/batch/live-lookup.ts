/**
 * Online, a file of offline payments must not need a pre-load by hand (issue 14): the rows whose
 * bill this till has never seen are looked up live at Tigo before the rows are checked, once per
 * distinct customer (who owns which contract) and once per distinct contract (its bills), a few
 * at a time. What was looked up stays in the cache, as a lookup at the counter would leave it.
 * Cancelled, or offline, the rows not looked up stay invalid with a reason saying so; offline
 * nothing is asked at all, and the first answer that shows Tigo unreachable stops the rest, so a
 * file never waits on a timeout per row.
 */
import { validateIdentification } from '@shared/domain/identification'
import type { IdType } from '@shared/domain/identification'
import type { BatchRowValues } from '@shared/ipc/channels/batch'
import type { LookupCache } from '@main/lookups/cache'
import type { ParsedBatchRow, RowProblem } from './parse-payments'

export interface Owner {
  idType: IdType
  identification: string
}

/** How one lookup ended. `failed`: Tigo answered, but not with something usable. */
export type LookupOutcome = 'found' | 'not_found' | 'not_owner' | 'offline' | 'failed'

/** Tigo, through the till's client and lookup cache (`lookups/handlers.ts`). */
export interface BatchLookups {
  isOnline(): boolean
  /** The owner this till knows for the contract (a customer search or a confirmation). */
  ownerOf(contractId: string): Owner | undefined
  /** Asks Tigo whether the customer owns the contract; an owner found is remembered. */
  customer(owner: Owner, contractId: string): Promise<LookupOutcome>
  /** Fetches the contract's bills into the cache. */
  bills(contractId: string): Promise<LookupOutcome>
}

export interface LiveLookupOptions {
  /** Lookups at Tigo at the same time. */
  concurrency?: number
  /** Aborted: no further lookup starts; those under way finish and are kept. */
  signal?: AbortSignal
  /** Lookups done of the total (only when there is any). */
  onProgress?: (done: number, total: number) => void
  /** Lookups per file at most; the file loaded again goes on from where this one stopped. */
  maxLookups?: number
}

/** Why a row still fails after the lookups, in place of "look the customer up first". */
export type ExplainProblem = (values: BatchRowValues, problem: RowProblem) => RowProblem

export const DEFAULT_LOOKUP_CONCURRENCY = 4
/**
 * An outage's file brings tens of new customers, not thousands: past this a file of strangers
 * (or of typos) would keep Tigo busy for minutes. About a minute at a slow 0.2 s per lookup.
 */
export const DEFAULT_MAX_LOOKUPS = 300

/** The problems a lookup can mend; any other is the row's own. */
const MENDABLE: ReadonlySet<RowProblem['reason']> = new Set([
  'customer_unknown',
  'bill_unknown',
  'id_type_unconfirmed'
])

/** `limit`: past `maxLookups`, left for the file's next load. */
type Status = LookupOutcome | 'cancelled' | 'limit'

interface CustomerTask {
  owner: Owner
  contracts: string[]
}

const customerKey = (owner: Owner) => `${owner.idType}\u0000${owner.identification}`
const ownerKey = (owner: Owner, contractId: string) => `${customerKey(owner)}\u0000${contractId}`
const sameOwner = (a: Owner | undefined, b: Owner) =>
  a?.idType === b.idType && a.identification === b.identification

/** The row's customer, cleaned as the checks clean it, or undefined when it cannot be one. */
function ownerOfRow(values: BatchRowValues): Owner | undefined {
  const id = validateIdentification(values.idType as IdType, values.identification)
  return id.ok ? { idType: values.idType as IdType, identification: id.value } : undefined
}

/** What must be asked for the file: customers whose contracts are unknown, contracts unseen. */
function plan(
  rows: readonly ParsedBatchRow[],
  cache: Pick<LookupCache, 'billByNo'>,
  lookups: BatchLookups
): { customers: CustomerTask[]; contracts: Set<string> } {
  const customers = new Map<string, CustomerTask>()
  const contracts = new Set<string>()
  for (const row of rows) {
    if (!row.values || row.problem) continue
    const owner = ownerOfRow(row.values)
    if (!owner) continue
    const { contractId, billNo } = row.values
    const cached = cache.billByNo(billNo)
    const billKnown = cached !== undefined && cached.contractId === contractId
    if (!billKnown) contracts.add(contractId)
    const ownerKnown =
      sameOwner(lookups.ownerOf(contractId), owner) ||
      (billKnown &&
        cached.idType === owner.idType &&
        cached.identification === owner.identification)
    if (ownerKnown) continue
    const task = customers.get(customerKey(owner)) ?? { owner, contracts: [] }
    if (!task.contracts.includes(contractId)) task.contracts.push(contractId)
    customers.set(customerKey(owner), task)
  }
  return { customers: [...customers.values()], contracts }
}

/** One lookup to run, or to mark with why it did not run. */
interface Task {
  run(): Promise<LookupOutcome>
  mark(status: Status): void
}

/** Runs `tasks` at most `limit` at a time; none starts once `stop()` says so. */
async function runBounded(
  tasks: readonly (() => Promise<void>)[],
  limit: number,
  stop: () => boolean
): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < tasks.length && !stop()) await tasks[next++]!()
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
}

/**
 * Looks up what the file's rows need and returns how to explain the rows that still fail. The
 * preview's checks run afterwards against the cache, as for any other row.
 */
export async function lookUpUnknown(
  rows: readonly ParsedBatchRow[],
  deps: { cache: Pick<LookupCache, 'billByNo'>; lookups: BatchLookups },
  options: LiveLookupOptions = {}
): Promise<ExplainProblem> {
  const { lookups } = deps
  const { customers, contracts } = plan(rows, deps.cache, lookups)
  const asked = new Set(customers.map((task) => customerKey(task.owner)))
  const owners = new Map<string, Status>()
  const bills = new Map<string, Status>()
  let offline = !lookups.isOnline()

  const customerTask = ({ owner, contracts: ids }: CustomerTask): Task => ({
    mark: (status) => ids.forEach((id) => owners.set(ownerKey(owner, id), status)),
    async run() {
      let outcome: LookupOutcome = 'found'
      for (const contractId of ids) {
        // One answer names all the customer's contracts: most need no question of their own.
        if (outcome === 'found' && sameOwner(lookups.ownerOf(contractId), owner)) {
          owners.set(ownerKey(owner, contractId), 'found')
          continue
        }
        if (outcome !== 'not_owner' && outcome !== 'found') {
          owners.set(ownerKey(owner, contractId), outcome)
          continue
        }
        outcome = await lookups.customer(owner, contractId)
        owners.set(ownerKey(owner, contractId), outcome)
      }
      return outcome
    }
  })
  const billTask = (contractId: string): Task => ({
    mark: (status) => bills.set(contractId, status),
    async run() {
      const outcome = await lookups.bills(contractId)
      bills.set(contractId, outcome)
      return outcome
    }
  })
  // A customer's contracts right after it: cancelled midway, the rows at the top of the file
  // are whole (owner and bills), not every customer without its bills.
  const all: Task[] = []
  const queued = new Set<string>()
  const queueBills = (contractId: string) => {
    if (contracts.has(contractId) && !queued.has(contractId)) all.push(billTask(contractId))
    queued.add(contractId)
  }
  for (const task of customers) {
    all.push(customerTask(task))
    task.contracts.forEach(queueBills)
  }
  contracts.forEach(queueBills)
  const tasks = all.slice(0, Math.max(0, options.maxLookups ?? DEFAULT_MAX_LOOKUPS))
  for (const task of all.slice(tasks.length)) task.mark('limit')

  let done = 0
  const total = tasks.length
  // Offline nothing is asked: no bar, the rows are explained at once.
  if (total > 0 && !offline) options.onProgress?.(0, total)
  const limit = Math.max(1, options.concurrency ?? DEFAULT_LOOKUP_CONCURRENCY)
  await runBounded(
    tasks.map((task) => async () => {
      const outcome = await task.run()
      if (outcome === 'offline') offline = true
      options.onProgress?.(++done, total)
    }),
    limit,
    () => offline || options.signal?.aborted === true
  )
  const notRun: Status = offline ? 'offline' : 'cancelled'

  return (values, problem) => {
    if (!MENDABLE.has(problem.reason)) return problem
    const owner = ownerOfRow(values)
    if (!owner) return problem
    const { billNo, contractId } = values
    const ownerStatus = asked.has(customerKey(owner))
      ? (owners.get(ownerKey(owner, contractId)) ?? notRun)
      : null
    const billStatus = contracts.has(contractId) ? (bills.get(contractId) ?? notRun) : null
    const statuses = [ownerStatus, billStatus]
    for (const cause of ['offline', 'cancelled', 'limit', 'failed'] as const) {
      if (statuses.includes(cause)) return { reason: 'not_looked_up', params: { billNo, cause } }
    }
    if (ownerStatus === 'not_found') {
      return { reason: 'customer_not_found', params: { ...owner } }
    }
    if (ownerStatus === 'not_owner') {
      return {
        reason: 'bill_not_customer',
        params: { billNo, identification: owner.identification }
      }
    }
    // Tigo answered for the contract and the bill is not among its bills.
    if (billStatus !== null && problem.reason !== 'id_type_unconfirmed') {
      return { reason: 'bill_not_found', params: { billNo, contractId } }
    }
    return problem
  }
}
