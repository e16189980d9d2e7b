import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { CharacteristicsView, CustomerView } from '@shared/ipc/views'
import { ContractIdInput, IdentificationInput, IdTypeInput } from './common'

export const customerChannels = {
  'customers:contracts': channel<CustomerView>()({
    input: z.strictObject({
      idType: IdTypeInput,
      identification: IdentificationInput,
      /**
       * Offset of the first contract, 0-based, a multiple of `numReg`; default 0. Main turns it
       * into Tigo's paging (`reg_ini` is a 1-based page index there).
       */
      regIni: z.number().int().min(0).optional(),
      /** Page size (Tigo's `num_reg`); default 50. */
      numReg: z.number().int().min(1).max(500).optional()
    }),
    access: 'signedIn'
  }),
  'contracts:get': channel<CustomerView>()({
    input: z.strictObject({ contractId: ContractIdInput }),
    access: 'signedIn'
  }),
  /**
   * The cashier confirms the id type of a contract's owner (found by contract or barcode); the
   * answer is the customer with that type, and its bills become payable.
   */
  'customers:confirmIdType': channel<CustomerView>()({
    input: z.strictObject({ contractId: ContractIdInput, idType: IdTypeInput }),
    access: 'signedIn'
  }),
  'customers:characteristics': channel<CharacteristicsView>()({
    input: z.strictObject({
      idType: IdTypeInput,
      identification: IdentificationInput,
      contractId: ContractIdInput
    }),
    access: 'signedIn'
  })
} as const
