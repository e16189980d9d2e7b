/** The cashier's shift and the cash closing (`shifts:*`), always for this terminal's drawer. */
import { AppError } from '../../../shared/errors'
import { shiftChannels } from '../../../shared/ipc/channels/shifts'
import type { CountedInput } from '../../../shared/ipc/channels/shifts'
import { exportClosingCsv } from '../shifts/closing-csv'
import type { ShiftService } from '../shifts/shift-service'
import type { SettingsStore } from '../settings-store'
import type { Person } from '../store/types'
import type { ChannelHandlers } from './session'

export type ShiftChannels = typeof shiftChannels

export interface ShiftHandlerDeps {
  shifts: ShiftService
  settings: Pick<SettingsStore, 'get'>
  cashier: () => Person
}

export function shiftHandlers(deps: ShiftHandlerDeps): ChannelHandlers<ShiftChannels> {
  const { shifts } = deps
  const terminalId = () => deps.settings.get().terminalId

  function openShiftId(): number {
    const open = shifts.current(terminalId())
    if (!open) throw new AppError('shift_not_open', { terminalId: terminalId() })
    return open.id
  }

  function closedReport(shiftId: number) {
    const report = shifts.report(shiftId)
    if (!report) throw new AppError('shift_not_closed', { shiftId })
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

    'shifts:cashMove': (input) =>
      shifts.cashMove({
        terminalId: terminalId(),
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        actor: deps.cashier()
      }),

    'shifts:summary': (input) => shifts.summary(input.shiftId ?? openShiftId()),

    'shifts:close': (input) =>
      shifts.close({
        terminalId: terminalId(),
        counted: input.counted as CountedInput,
        ...(input.notes ? { notes: input.notes } : {}),
        actor: deps.cashier()
      }),

    'shifts:history': (input) =>
      shifts.history({
        ...(input.allTerminals ? {} : { terminalId: terminalId() }),
        limit: input.limit
      }),

    'shifts:report': (input) => closedReport(input.shiftId),

    'shifts:exportCsv': (input) => ({
      fileName: `cierre-${input.shiftId}.csv`,
      csv: exportClosingCsv(closedReport(input.shiftId), deps.settings.get().language)
    })
  }
}

export const SHIFT_CHANNEL_NAMES = Object.keys(shiftChannels) as (keyof ShiftChannels)[]
