/**
 * The cashier's shift and the cash closing (`shifts:*`), always for this terminal's drawer. A
 * cashier opens, moves cash in, reads and closes their own shift; a supervisor any (`access`).
 */
import { AppError } from '@shared/errors'
import { CLOSING_APPROVAL_ACTION, shiftChannels } from '@shared/ipc/channels/shifts'
import type { CountedInput, ShiftView } from '@shared/ipc/channels/shifts'
import { exportClosingCsv } from './closing-csv'
import type { ShiftService } from './shift-service'
import type { SettingsStore } from '@main/settings/settings-store'
import type { Person } from '@main/store/types'
import type { SessionService } from '@main/users/sessions'
import type { ChannelHandlers } from '@main/ipc'
import type { ShiftAccess } from './shift-access'

export type ShiftChannels = typeof shiftChannels

export interface ShiftHandlerDeps {
  shifts: ShiftService
  settings: Pick<SettingsStore, 'get'>
  cashier: () => Person
  access: ShiftAccess
  /** Redeems a supervisor's approval of a closing difference above the threshold. */
  sessions?: Pick<SessionService, 'redeemApproval'>
}

/** How many shifts are read to find a cashier's own among everyone's. */
const HISTORY_SCAN = 500

export function shiftHandlers(deps: ShiftHandlerDeps): ChannelHandlers<ShiftChannels> {
  const { shifts, access } = deps
  const terminalId = () => deps.settings.get().terminalId

  /** The terminal's open shift, if whoever is at the till may act on it. */
  function ownOpenShift(channel: string): ShiftView {
    const open = shifts.current(terminalId())
    if (!open) throw new AppError('shift_not_open', { terminalId: terminalId() })
    access.check(channel, open.cashier.id)
    return open
  }

  function closedReport(channel: string, shiftId: number) {
    const report = shifts.report(shiftId)
    if (!report) throw new AppError('shift_not_closed', { shiftId })
    access.check(channel, report.shift.cashier.id)
    return report
  }

  return {
    'shifts:current': () => shifts.current(terminalId()) ?? null,

    'shifts:open': (input) =>
      shifts.open({
        terminalId: terminalId(),
        cashier: deps.cashier(),
        openingFloat: input.openingFloat
      }),

    'shifts:cashMove': (input) => {
      ownOpenShift('shifts:cashMove')
      return shifts.cashMove({
        terminalId: terminalId(),
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        actor: deps.cashier()
      })
    },

    'shifts:summary': (input) => {
      if (input.shiftId === undefined) return shifts.summary(ownOpenShift('shifts:summary').id)
      const summary = shifts.summary(input.shiftId)
      access.check('shifts:summary', summary.shift.cashier.id)
      return summary
    },

    'shifts:close': async (input) => {
      ownOpenShift('shifts:close')
      const close = (approvedBy?: Person) =>
        shifts.close({
          terminalId: terminalId(),
          counted: input.counted as CountedInput,
          ...(input.notes ? { notes: input.notes } : {}),
          ...(input.cashCount ? { cashCount: input.cashCount } : {}),
          ...(input.differenceReason ? { differenceReason: input.differenceReason } : {}),
          approvalAbove: deps.settings.get().caps.closingApprovalAbove,
          ...(approvedBy ? { approvedBy } : {}),
          actor: deps.cashier()
        })
      if (!input.approvalId) return close()
      if (!deps.sessions) throw new AppError('approval_invalid', { reason: 'unknown' })
      // Spent only if the shift closes: a closing refused for another reason can be retried.
      return deps.sessions.redeemApproval(input.approvalId, CLOSING_APPROVAL_ACTION, close)
    },

    'shifts:history': (input) => {
      const where = input.allTerminals ? {} : { terminalId: terminalId() }
      if (access.seesAllShifts()) return shifts.history({ ...where, limit: input.limit })
      const me = deps.cashier().id
      return shifts
        .history({ ...where, limit: HISTORY_SCAN })
        .filter((shift) => shift.cashier.id === me)
        .slice(0, input.limit)
    },

    'shifts:report': (input) => closedReport('shifts:report', input.shiftId),

    'shifts:exportCsv': (input) => ({
      fileName: `cierre-${input.shiftId}.csv`,
      csv: exportClosingCsv(
        closedReport('shifts:exportCsv', input.shiftId),
        deps.settings.get().language
      )
    })
  }
}

export const SHIFT_CHANNEL_NAMES = Object.keys(shiftChannels) as (keyof ShiftChannels)[]
