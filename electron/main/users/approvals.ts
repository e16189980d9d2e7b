/**
 * Supervisor approval for one action (a payment above the offline cap…): the supervisor types
 * their PIN at the cashier's till. The approval names both people, is audited with both, can be
 * used once, for the action it was given for, by the cashier who asked, within two minutes.
 * Kept in main's memory only: a restart simply asks again.
 */
import { randomUUID } from 'node:crypto'
import { AppError } from '@shared/errors'
import type { AuditLog } from '@main/audit/audit-log'
import type { Clock, Person } from '@main/store/types'
import type { Credentials } from './credentials'
import type { UserStore } from './user-store'

export const APPROVAL_TTL_MS = 2 * 60_000

export interface ApprovalRequest {
  supervisor: { id: string } | { name: string }
  pin: string
  /** What is approved, e.g. `payment.over_offline_cap`. */
  action: string
  details?: Record<string, unknown>
}

export interface IssuedApproval {
  approvalId: string
  supervisor: Person
  expiresAt: number
}

export interface Approvals {
  /** Checks the supervisor's PIN now; the approval is for this one call (audited with both). */
  approve(cashier: Person, request: ApprovalRequest): Promise<Person>
  /** Same check, but hands out a single-use id to redeem within the TTL. */
  issue(cashier: Person, request: ApprovalRequest): Promise<IssuedApproval>
  /**
   * Runs `work` with the approving supervisor. The approval is spent only if `work` succeeds,
   * so a payment refused for another reason can be retried with the same approval.
   */
  redeem<T>(
    cashier: Person,
    approvalId: string,
    action: string,
    work: (supervisor: Person) => T | Promise<T>
  ): Promise<T>
  /** Drops every approval the cashier holds (sign-out). */
  forget(cashierId: string): void
}

interface Granted {
  supervisor: Person
  cashierId: string
  action: string
  expiresAt: number
  busy: boolean
}

function invalid(reason: string): AppError {
  return new AppError('approval_invalid', { reason }, `Autorización no válida (${reason})`)
}

export function createApprovals(deps: {
  clock: Clock
  audit: AuditLog
  users: UserStore
  credentials: Credentials
  ttlMs?: number
}): Approvals {
  const { clock, audit, users, credentials } = deps
  const ttlMs = deps.ttlMs ?? APPROVAL_TTL_MS
  const granted = new Map<string, Granted>()

  function prune(now: number): void {
    for (const [id, entry] of granted) if (entry.expiresAt <= now && !entry.busy) granted.delete(id)
  }

  async function approve(
    cashier: Person,
    request: ApprovalRequest,
    approvalId?: string
  ): Promise<Person> {
    const named =
      'id' in request.supervisor
        ? users.byId(request.supervisor.id)
        : users.byName(request.supervisor.name)
    // A cashier's PIN never approves anything; say so before a PIN attempt is spent on it.
    if (named && named.role !== 'supervisor') {
      throw new AppError('approval_needs_supervisor', { name: named.name })
    }
    const user = await credentials.check(request.supervisor, request.pin, 'approve')
    // The first supervisor's PIN is public (0000) until changed: it approves nothing.
    if (user.mustChangePin) {
      throw new AppError('approval_pin_change_required', { name: user.name })
    }
    const supervisor = { id: user.id, name: user.name }
    audit.record(supervisor.id, 'auth.approved', {
      action: request.action,
      ...(approvalId ? { approvalId } : {}),
      supervisor,
      cashier: { id: cashier.id, name: cashier.name },
      details: request.details ?? {}
    })
    return supervisor
  }

  async function redeem<T>(
    cashier: Person,
    approvalId: string,
    action: string,
    work: (supervisor: Person) => T | Promise<T>
  ): Promise<T> {
    const entry = granted.get(approvalId)
    if (!entry) throw invalid('unknown')
    if (entry.busy) throw invalid('in_use')
    if (entry.expiresAt <= clock()) {
      granted.delete(approvalId)
      throw invalid('expired')
    }
    if (entry.action !== action) throw invalid('other_action')
    if (entry.cashierId !== cashier.id) throw invalid('other_cashier')
    entry.busy = true
    let result: T
    try {
      result = await work(entry.supervisor)
    } catch (error) {
      entry.busy = false
      throw error
    }
    granted.delete(approvalId)
    audit.record(cashier.id, 'auth.approval_used', {
      approvalId,
      action,
      supervisor: entry.supervisor,
      cashier: { id: cashier.id, name: cashier.name }
    })
    return result
  }

  return {
    approve: (cashier, request) => approve(cashier, request),
    redeem,

    async issue(cashier, request) {
      const approvalId = randomUUID()
      const supervisor = await approve(cashier, request, approvalId)
      const now = clock()
      prune(now)
      const expiresAt = now + ttlMs
      granted.set(approvalId, {
        supervisor,
        cashierId: cashier.id,
        action: request.action,
        expiresAt,
        busy: false
      })
      return { approvalId, supervisor, expiresAt }
    },

    forget(cashierId) {
      for (const [id, entry] of granted) {
        if (entry.cashierId === cashierId && !entry.busy) granted.delete(id)
      }
    }
  }
}
