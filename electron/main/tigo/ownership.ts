/**
 * Does this customer own this contract? Tigo's contract answer carries no id type, so the only
 * witness is the customer's own contracts list, asked page by page. Shared by the counter (an id
 * type the cashier confirms) and the sync engine (a bill paid offline from its barcode alone).
 */
import type { ContractsDetails } from '@shared/api/models'
import type { IdType } from '@shared/domain/identification'
import type { TigoClient } from './client'
import { isNotFoundAtTigo } from './errors'

const OWNER_PAGE_SIZE = 500
/** A customer with more contracts than this is asked no further; the cashier confirms instead. */
const OWNER_PAGES = 4

export type Ownership =
  | { verdict: 'owns'; details: ContractsDetails }
  | { verdict: 'not_owner' }
  /** Tigo knows no customer by that id type and number (404). */
  | { verdict: 'not_found' }

/** Tigo's answer; any other failure (unreachable, 5xx…) is thrown for the caller to classify. */
export async function askOwnership(
  client: Pick<TigoClient, 'getCustomerContracts'>,
  contractId: string,
  owner: { idType: IdType; identification: string }
): Promise<Ownership> {
  try {
    for (let page = 1; page <= OWNER_PAGES; page++) {
      const details = await client.getCustomerContracts(owner.idType, owner.identification, {
        regIni: page,
        numReg: OWNER_PAGE_SIZE
      })
      if (details.contractsCollection.some((item) => item.contractId === contractId)) {
        return { verdict: 'owns', details }
      }
      if (details.contractsCollection.length < OWNER_PAGE_SIZE) return { verdict: 'not_owner' }
    }
    return { verdict: 'not_owner' }
  } catch (error) {
    if (isNotFoundAtTigo(error)) {
      return { verdict: 'not_found' }
    }
    throw error
  }
}
