import { z } from 'zod'
import { channel } from '@shared/ipc/channel'
import type { BarcodeLookupView, BillListView, BillPaymentsView } from '@shared/ipc/views'
import { BillNoInput, ContractIdInput } from './common'

export const billChannels = {
  'bills:list': channel<BillListView>()({
    input: z.strictObject({
      contractId: ContractIdInput,
      quantity: z.number().int().min(1).max(100).optional()
    }),
    access: 'signedIn'
  }),
  'bills:payments': channel<BillPaymentsView>()({
    input: z.strictObject({ contractId: ContractIdInput, billNo: BillNoInput }),
    access: 'signedIn'
  }),
  'bills:byBarcode': channel<BarcodeLookupView>()({
    input: z.strictObject({ raw: z.string().min(1).max(200) }),
    access: 'signedIn'
  })
} as const
