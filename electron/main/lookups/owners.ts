/**
 * Who owns a contract. Tigo's contract answer carries the owner's `identification` but not its id
 * type, so the type is never guessed: it is known when a customer search found the contract (the
 * cashier chose the type and Tigo answered with it) or when the cashier confirmed it. Until then
 * the contract's bills are cached under `UNCONFIRMED_ID_TYPE`, and no payment can be taken for
 * them (a cédula customer paid as a NIT registers at another customer's path).
 */
import type { ContractsDetails } from '@shared/api/models'
import type { IdType } from '@shared/domain/identification'
import { parseIdType } from '@shared/domain/identification'
import { isValidNit } from '@shared/domain/nit'
import type { LookupCache } from './cache'
import { UNCONFIRMED_ID_TYPE } from './cache'

export interface Owner {
  idType: IdType
  identification: string
}

/** How the owner came to be known: a customer search, or the cashier's confirmation. */
export type OwnerSource = 'search' | 'cashier'

/**
 * Versioned: earlier builds kept a *guessed* NIT under `contractOwner`, and those entries must
 * not count as known.
 */
const OWNER_KIND = 'contractOwner.v2'

export interface KnownOwner extends Owner {
  source: OwnerSource
}

export function knownOwner(cache: LookupCache, contractId: string): KnownOwner | undefined {
  const value = cache.get(OWNER_KIND, contractId)?.value as
    (Partial<Owner> & { source?: unknown }) | undefined
  const idType = typeof value?.idType === 'string' ? parseIdType(value.idType) : undefined
  if (!idType || typeof value?.identification !== 'string') return undefined
  const source: OwnerSource = value.source === 'cashier' ? 'cashier' : 'search'
  return { idType, identification: value.identification, source }
}

/**
 * Caches the bills a contract answer carries, under the owner when known; a known owner is
 * remembered for every contract of the answer and stamped on the bills already cached for them.
 */
export function rememberContracts(
  cache: LookupCache,
  details: ContractsDetails,
  owner: Owner | undefined,
  source: OwnerSource
): void {
  for (const item of details.contractsCollection) {
    if (owner) {
      const { idType, identification } = owner
      cache.put(OWNER_KIND, item.contractId, { idType, identification, source })
      cache.setOwnerOfContract(item.contractId, owner.idType, owner.identification)
    }
    if (item.billsCollection?.length) {
      cache.putBills(
        item.contractId,
        owner?.idType ?? UNCONFIRMED_ID_TYPE,
        owner?.identification ?? details.identification,
        item.billsCollection
      )
    }
  }
}

function organizationNit(details: ContractsDetails): string | undefined {
  const value = details.organization['nit']
  return typeof value === 'string' ? value : undefined
}

function digitsOf(text: string): string {
  return text.replace(/\D+/g, '')
}

/**
 * The id type to pre-fill when the identification shows it: a NIT written with a valid check
 * digit, in the identification itself or in the organization's `nit` for the same number. A
 * bare number shows nothing (a cédula and a NIT base look alike), so nothing is pre-filled.
 */
export function suggestIdType(details: ContractsDetails): IdType | undefined {
  const identification = details.identification.trim()
  if (isValidNit(identification)) return 'NIT'
  const nit = organizationNit(details)
  if (nit === undefined || !isValidNit(nit)) return undefined
  // The organization's NIT is `base-dv`: it must be this customer's number.
  const base = digitsOf(nit).slice(0, -1)
  return base !== '' && base === digitsOf(identification) ? 'NIT' : undefined
}
