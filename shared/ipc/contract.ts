/**
 * Every channel between the renderer and main. A feature adds a file under `channels/` and one
 * spread line here; main, the preload and the harness pick it up from this object.
 */
import type { z } from 'zod'
import type { ChannelSpec, OutputMarker } from './channel'
import { auditChannels } from './channels/audit'
import { batchChannels } from './channels/batch'
import { billChannels } from './channels/bills'
import { customerChannels } from './channels/customers'
import { outboxChannels } from './channels/outbox'
import { paymentChannels } from './channels/payments'
import { printerChannels } from './channels/printers'
import { receiptChannels } from './channels/receipts'
import { sessionChannels } from './channels/session'
import { settingsChannels } from './channels/settings'
import { shiftChannels } from './channels/shifts'
import { syncChannels } from './channels/sync'
import { userChannels } from './channels/users'

export const contract = {
  ...customerChannels,
  ...billChannels,
  ...paymentChannels,
  ...outboxChannels,
  ...syncChannels,
  ...settingsChannels,
  ...sessionChannels,
  ...userChannels,
  ...receiptChannels,
  ...batchChannels,
  ...shiftChannels,
  ...auditChannels,
  ...printerChannels
} as const satisfies Record<`${string}:${string}`, ChannelSpec>

export type Contract = typeof contract
export type ChannelName = keyof Contract

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[]

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(contract, value)
}

/** What the caller passes (before defaults and trimming). */
export type InputOf<C extends ChannelName> = z.input<Contract[C]['input']>
/** What the handler in main receives (after parsing). */
export type ParsedInputOf<C extends ChannelName> = z.output<Contract[C]['input']>
export type OutputOf<C extends ChannelName> =
  Contract[C]['output'] extends OutputMarker<infer O> ? O : never
