/**
 * Customer, contract and bill lookups. Live through the Tigo client; every success is cached; when
 * Tigo cannot be reached (`not-sent`, or `uncertain` for a read) the last cached answer is served
 * with `source: 'cache'` and its `fetchedAt`, so the counter keeps working offline.
 */
import type { BillsCollection, ContractsDetails } from '@shared/api/models'
import {
  BillPayments as BillPaymentsSchema,
  BillsCollection as BillsSchema,
  ContractsDetails as DetailsSchema,
  PartyCharacteristics as CharacteristicsSchema
} from '@shared/api/models'
import type { BillBarcode } from '@shared/domain/bill-barcode'
import {
  parseBillBarcode,
  REFERENCE_DIGITS,
  sameReference,
  unpaddedReference
} from '@shared/domain/bill-barcode'
import type { IdType } from '@shared/domain/identification'
import { validateIdentification } from '@shared/domain/identification'
import { AppError } from '@shared/errors'
import type { ChannelHandlers } from '@main/ipc'
import type { customerChannels } from '@shared/ipc/channels/customers'
import type { billChannels } from '@shared/ipc/channels/bills'
import type { BillView, CustomerView, Source } from '@shared/ipc/views'
import { isNotFoundAtTigo, isTigoError } from '@main/tigo/errors'
import { askOwnership } from '@main/tigo/ownership'
import { UNCONFIRMED_ID_TYPE } from './cache'
import type { CachedBill } from '@main/store/types'
import type { AppContext } from '@main/app/context'
import {
  lookupFailure,
  offlineLookupError,
  UNREACHABLE_LOOKUP_CODES,
  worthAsking
} from './lookup-gate'
import type { Owner } from './owners'
import { knownOwner, rememberContracts, suggestIdType } from './owners'
import type { BillContext } from '@main/app/view-mappers'
import { bogotaDate, iso, toBillView, toCustomerView } from '@main/app/view-mappers'

const DEFAULT_PAGE_SIZE = 50
const CONTRACT_DIGITS = 10

interface Fetched<T> {
  value: T
  source: Source
  fetchedAt: number
}

/** What a lookup through the cache needs (the batch import looks up with it too). */
export type LookupContext = Pick<
  AppContext,
  'client' | 'cache' | 'clock' | 'isOnline' | 'checkReachable'
>

export function isOfflineError(error: unknown): boolean {
  return isTigoError(error) && (error.kind === 'not-sent' || error.kind === 'uncertain')
}

/**
 * Live first; the cache when Tigo is unreachable (at once when it is known to be away); the
 * translated error when there is no cache.
 */
async function liveOrCached<T>(
  ctx: LookupContext,
  kind: string,
  key: string,
  live: () => Promise<T>,
  parse: (value: unknown) => T,
  /** What else a live answer teaches the cache, written with it in one transaction. */
  remember: (value: T) => void = () => undefined
): Promise<Fetched<T>> {
  if (!(await worthAsking(ctx))) {
    const cached = ctx.cache.get(kind, key)
    if (!cached) throw offlineLookupError()
    return { value: parse(cached.value), source: 'cache', fetchedAt: cached.fetchedAt }
  }
  try {
    const value = await live()
    ctx.cache.inOneWrite(() => {
      ctx.cache.put(kind, key, value)
      remember(value)
    })
    // Read back so a later offline answer shows exactly this time.
    const fetchedAt = ctx.cache.get(kind, key)?.fetchedAt ?? ctx.clock()
    return { value, source: 'live', fetchedAt }
  } catch (error) {
    if (!isOfflineError(error)) throw error
    const cached = ctx.cache.get(kind, key)
    if (!cached) throw lookupFailure(error)
    return { value: parse(cached.value), source: 'cache', fetchedAt: cached.fetchedAt }
  }
}

/** The cleaned identification (NIT without check digit) or a cashier-facing error. */
export function checkIdentification(idType: IdType, raw: string): string {
  const result = validateIdentification(idType, raw)
  if (!result.ok) throw new AppError(result.code, result.params ?? {})
  return result.value
}

function billContext(ctx: AppContext): BillContext {
  return {
    today: bogotaDate(ctx.clock()),
    outboxStateOf: (billNo) => ctx.outbox.activeItemForBill(billNo)?.state
  }
}

/** `prefetched`: Tigo's answer for this contract, already asked for alongside another call. */
async function contractDetails(
  ctx: AppContext,
  contractId: string,
  prefetched?: Promise<ContractsDetails>
): Promise<Fetched<ContractsDetails> & { owner: Owner | undefined }> {
  const fetched = await liveOrCached(
    ctx,
    'contract',
    contractId,
    () => prefetched ?? ctx.client.getContract(contractId),
    (value) => DetailsSchema.parse(value),
    (value) => {
      // The answer has no id type: the owner is known from a search or a confirmation, or not.
      const owner = knownOwner(ctx.cache, contractId)
      rememberContracts(ctx.cache, value, owner, owner?.source ?? 'search')
    }
  )
  return { ...fetched, owner: knownOwner(ctx.cache, contractId) }
}

async function contractCustomer(
  ctx: AppContext,
  contractId: string,
  prefetched?: Promise<ContractsDetails>
): Promise<CustomerView> {
  const fetched = await contractDetails(ctx, contractId, prefetched)
  const contracts = fetched.value.contractsCollection.filter((c) => c.contractId === contractId)
  const owner = fetched.owner
  const suggested = owner ? undefined : suggestIdType(fetched.value)
  return toCustomerView(
    { ...fetched.value, contractsCollection: contracts },
    {
      idType: owner?.idType ?? null,
      identification: owner?.identification ?? fetched.value.identification,
      ...(suggested ? { suggestedIdType: suggested } : {}),
      source: fetched.source,
      fetchedAt: fetched.fetchedAt,
      page: { regIni: 0, numReg: contracts.length, hasMore: false }
    },
    billContext(ctx)
  )
}

export type OwnerCheck = 'owns' | 'not_found' | 'not_owner' | 'offline'

/**
 * Asks Tigo, live, whether the customer `idType`/`identification` owns the contract; when it
 * does, that owner is remembered as a search would (this is Tigo's answer, not a guess).
 */
export async function checkOwnerWithTigo(
  ctx: LookupContext,
  contractId: string,
  owner: Owner
): Promise<OwnerCheck> {
  // Tigo known to be away: the cashier's word stands now rather than after a timeout.
  if (!(await worthAsking(ctx))) return 'offline'
  try {
    const answer = await askOwnership(ctx.client, contractId, owner)
    if (answer.verdict === 'owns') rememberContracts(ctx.cache, answer.details, owner, 'search')
    return answer.verdict
  } catch (error) {
    if (isOfflineError(error)) return 'offline'
    throw error
  }
}

/**
 * The cashier's word for the id type of a contract's owner. The identification must be valid for
 * that type, and when Tigo answers, that customer must own the contract; offline the cashier's
 * word stands (Tigo checks the customer path again when the registration is sent).
 */
async function confirmIdType(
  ctx: AppContext,
  contractId: string,
  idType: IdType
): Promise<CustomerView> {
  const fetched = await contractDetails(ctx, contractId)
  const identification = checkIdentification(idType, fetched.value.identification)
  const owner: Owner = { idType, identification }
  const check = await checkOwnerWithTigo(ctx, contractId, owner)
  if (check === 'not_found' || check === 'not_owner') {
    throw new AppError('id_type_not_found', { idType, identification })
  }
  const details = fetched.value
  const covered = details.contractsCollection.some((item) => item.contractId === contractId)
  rememberContracts(
    ctx.cache,
    covered
      ? details
      : { ...details, contractsCollection: [...details.contractsCollection, { contractId }] },
    owner,
    'cashier'
  )
  ctx.audit.record(ctx.cashier().id, 'customer.id_type_confirmed', {
    contractId,
    idType,
    identification
  })
  return contractCustomer(ctx, contractId)
}

/** Fetches a contract's bills, keeps them for offline payments, and returns them. */
export async function fetchBills(
  ctx: LookupContext,
  contractId: string,
  quantity?: number
): Promise<Fetched<BillsCollection>> {
  const key = quantity === undefined ? contractId : `${contractId}:${quantity}`
  return liveOrCached(
    ctx,
    'bills',
    key,
    () => ctx.client.getBills(contractId, quantity === undefined ? {} : { quantity }),
    (value) => BillsSchema.parse(value),
    (value) => {
      // An owner not known yet leaves the bills unconfirmed: findable, not payable.
      const owner = knownOwner(ctx.cache, contractId)
      ctx.cache.putBills(
        contractId,
        owner?.idType ?? UNCONFIRMED_ID_TYPE,
        owner?.identification ?? '',
        value
      )
    }
  )
}

function cachedBillView(ctx: AppContext, cached: CachedBill): BillView {
  const parsed = BillsSchema.element.safeParse(cached.bill)
  if (parsed.success) return toBillView(parsed.data, cached.contractId, billContext(ctx))
  const state = ctx.outbox.activeItemForBill(cached.billNo)?.state
  return {
    billNo: cached.billNo,
    contractId: cached.contractId,
    amount: cached.amount,
    paid: cached.paid,
    overdue: !cached.paid && cached.dueDate !== null && cached.dueDate < bogotaDate(ctx.clock()),
    ...(cached.dueDate ? { dueDate: cached.dueDate } : {}),
    ...(cached.reference ? { reference: cached.reference } : {}),
    ...(state ? { outboxState: state } : {})
  }
}

/** A bill read from its barcode alone: `billNo` is the reference until Tigo is asked. */
function unverifiedBillView(ctx: AppContext, barcode: BillBarcode, contractId: string): BillView {
  const state = ctx.outbox.activeItemForBill(barcode.reference)?.state
  return {
    billNo: barcode.reference,
    contractId,
    amount: barcode.amount,
    paid: false,
    overdue: barcode.dueDate < bogotaDate(ctx.clock()),
    dueDate: barcode.dueDate,
    reference: barcode.reference,
    unverified: true,
    ...(state ? { outboxState: state } : {})
  }
}

export function lookupHandlers(
  ctx: AppContext
): ChannelHandlers<typeof customerChannels & typeof billChannels> {
  return {
    'customers:contracts': async (input) => {
      const identification = checkIdentification(input.idType, input.identification)
      const numReg = input.numReg ?? DEFAULT_PAGE_SIZE
      const regIni = input.regIni ?? 0
      const page = Math.floor(regIni / numReg) + 1
      const owner: Owner = { idType: input.idType, identification }
      const fetched = await liveOrCached(
        ctx,
        'customer',
        `${input.idType}:${identification}:${regIni}:${numReg}`,
        () =>
          ctx.client.getCustomerContracts(input.idType, identification, { regIni: page, numReg }),
        (value) => DetailsSchema.parse(value),
        (value) => rememberContracts(ctx.cache, value, owner, 'search')
      )
      return toCustomerView(
        fetched.value,
        {
          ...owner,
          source: fetched.source,
          fetchedAt: fetched.fetchedAt,
          // Tigo does not return a total: a full page means there may be another.
          page: { regIni, numReg, hasMore: fetched.value.contractsCollection.length >= numReg }
        },
        billContext(ctx)
      )
    },

    'contracts:get': (input) => contractCustomer(ctx, input.contractId),

    'customers:confirmIdType': (input) => confirmIdType(ctx, input.contractId, input.idType),

    'bills:list': async (input) => {
      const fetched = await fetchBills(ctx, input.contractId, input.quantity)
      const bills = billContext(ctx)
      return {
        source: fetched.source,
        fetchedAt: iso(fetched.fetchedAt),
        contractId: input.contractId,
        bills: fetched.value.map((bill) => toBillView(bill, input.contractId, bills))
      }
    },

    'bills:payments': async (input) => {
      const fetched = await liveOrCached(
        ctx,
        'billPayments',
        `${input.contractId}:${input.billNo}`,
        () => ctx.client.getBillPayments(input.contractId, input.billNo),
        (value) => BillPaymentsSchema.parse(value)
      )
      return { source: fetched.source, fetchedAt: iso(fetched.fetchedAt), payments: fetched.value }
    },

    'customers:characteristics': async (input) => {
      const identification = checkIdentification(input.idType, input.identification)
      const fetched = await liveOrCached(
        ctx,
        'characteristics',
        `${input.idType}:${identification}:${input.contractId}`,
        () =>
          ctx.client.getCharacteristics(input.idType, identification, input.contractId, [
            'role',
            'plus'
          ]),
        (value) => CharacteristicsSchema.parse(value)
      )
      const { plusCustomer, webBillStatus, contactPhone, contactEmail } = fetched.value
      const role = (fetched.value as { role?: unknown }).role
      return {
        source: fetched.source,
        fetchedAt: iso(fetched.fetchedAt),
        plusCustomer,
        ...(typeof role === 'string' ? { role } : {}),
        ...(webBillStatus !== undefined ? { webBillStatus } : {}),
        ...(contactPhone !== undefined ? { contactPhone } : {}),
        ...(contactEmail !== undefined ? { contactEmail } : {})
      }
    },

    'bills:byBarcode': async (input) => {
      const parsed = parseBillBarcode(input.raw)
      if (!parsed.ok) throw new AppError(parsed.code, parsed.params ?? {})
      const barcode = parsed.value
      const reference = barcode.reference
      const padded = reference.padStart(REFERENCE_DIGITS, '0')
      const contractId = /^\d+$/.test(padded)
        ? unpaddedReference(padded.slice(0, CONTRACT_DIGITS))
        : undefined

      // The bill's contract is asked for alongside its bills: one round trip to Tigo, not two.
      const contractCall =
        contractId && ctx.isOnline() ? ctx.client.getContract(contractId) : undefined
      contractCall?.catch(() => undefined)

      let bill: BillView | undefined
      // Known to be down: no live attempt (its retries took seconds), the cache or the barcode.
      let offline = !ctx.isOnline()
      if (contractId && !offline) {
        try {
          const fetched = await fetchBills(ctx, contractId)
          const found = fetched.value.find((b) => sameReference(b.referencePayment, reference))
          if (found) bill = toBillView(found, contractId, billContext(ctx))
        } catch (error) {
          // A reference that does not start with a contract, or Tigo away: try the cache.
          const notFound = isNotFoundAtTigo(error)
          if (!notFound && !isOfflineError(error) && !(error instanceof AppError)) throw error
          // Unreachable reaches here translated (`fetchBills` found no cache to fall back on).
          offline =
            isOfflineError(error) ||
            (error instanceof AppError && UNREACHABLE_LOOKUP_CODES.has(error.code))
        }
      }
      if (!bill) {
        const cached =
          ctx.cache.billByReference(reference) ??
          ctx.cache.billByReference(unpaddedReference(reference))
        if (cached) bill = cachedBillView(ctx, cached)
      }
      // Offline and never looked up: the barcode alone, checked with Tigo before it is sent.
      if (!bill && offline && contractId) bill = unverifiedBillView(ctx, barcode, contractId)
      if (!bill) throw new AppError('barcode_bill_not_found', { reference })

      // The bill is what the cashier scanned for; its owner is a courtesy when Tigo has it (the
      // cashier types the owner of an unverified one: nobody here knows it).
      const prefetched = bill.contractId === contractId ? contractCall : undefined
      const customer = bill.unverified
        ? null
        : await contractCustomer(ctx, bill.contractId, prefetched).catch(() => null)
      return {
        barcode: {
          gln: barcode.gln,
          reference: barcode.reference,
          amount: barcode.amount,
          dueDate: barcode.dueDate
        },
        bill,
        customer
      }
    }
  }
}
