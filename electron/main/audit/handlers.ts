/** The audit trail for supervisors (`audit:list`): who did what, newest first. */
import { AppError } from '@shared/errors'
import { auditChannels } from '@shared/ipc/channels/audit'
import type { AuditLog } from './audit-log'
import type { AuditFilter } from '@main/store/types'
import type { ChannelHandlers } from '@main/ipc'

export type AuditChannels = typeof auditChannels

function toMs(field: 'from' | 'to', value: string): number {
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new AppError('invalid_input', { detail: `${field}: not a date` })
  return ms
}

export function auditHandlers(deps: {
  audit: Pick<AuditLog, 'list'>
}): ChannelHandlers<AuditChannels> {
  return {
    'audit:list': (input) => {
      const filter: AuditFilter = { limit: input.limit, offset: input.offset }
      if (input.from) filter.from = toMs('from', input.from)
      if (input.to) filter.to = toMs('to', input.to)
      if (input.actor) filter.actor = input.actor
      if (input.action) filter.action = input.action
      return deps.audit.list(filter).map((entry) => ({
        id: entry.id,
        at: new Date(entry.at).toISOString(),
        actor: entry.actor,
        action: entry.action,
        details: entry.details
      }))
    }
  }
}

export const AUDIT_CHANNEL_NAMES = Object.keys(auditChannels) as (keyof AuditChannels)[]
