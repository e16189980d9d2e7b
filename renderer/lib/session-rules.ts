/**
 * What the session view means for the screen, as pure functions: which gate the cashier faces,
 * where a session error from any call sends them, when activity is worth telling main about, and
 * the PIN checks the renderer can make before asking main.
 */
import type { SessionView } from '@shared/ipc/channels/session'
import { PIN_MAX_LENGTH, PIN_MIN_LENGTH } from '@shared/ipc/channels/session'

/** `loading`: main has not answered yet; `open`: the cashier's screens. */
export type SessionGate = 'loading' | 'signIn' | 'changePin' | 'locked' | 'open'

export const SIGNED_OUT: SessionView = Object.freeze({
  user: null,
  locked: false,
  mustChangePin: false
})

export function gateOf(view: SessionView | null): SessionGate {
  if (!view) return 'loading'
  if (!view.user) return 'signIn'
  // Locked first: main refuses even the PIN change until the same user unlocks.
  if (view.locked) return 'locked'
  if (view.mustChangePin) return 'changePin'
  return 'open'
}

/** Error codes that say the session is not what the renderer thought. */
export const SESSION_ERROR_CODES = ['signed_out', 'session_locked', 'pin_change_required'] as const
export type SessionErrorCode = (typeof SESSION_ERROR_CODES)[number]

export function isSessionErrorCode(code: string): code is SessionErrorCode {
  return (SESSION_ERROR_CODES as readonly string[]).includes(code)
}

/**
 * The view a session error implies, applied at once so the right screen shows without waiting
 * for main's push; main's answer to `session:current` then confirms it. Undefined = not a
 * session error (e.g. `forbidden`, which is only a message).
 */
export function viewAfterError(view: SessionView | null, code: string): SessionView | undefined {
  if (!isSessionErrorCode(code)) return undefined
  if (code === 'signed_out' || !view?.user) return SIGNED_OUT
  if (code === 'session_locked') return { ...view, locked: true }
  return { ...view, mustChangePin: true }
}

/**
 * True when the signed-in person changed (signed out, or another one signed in from the lock
 * screen): the work on screen belongs to the one who left and must go.
 */
export function userLeft(before: SessionView | null, after: SessionView): boolean {
  const leaving = before?.user?.id
  return leaving !== undefined && leaving !== after.user?.id
}

/** Lets one call through per `intervalMs`; the first one at once. */
export function createThrottle(intervalMs: number, clock: () => number = Date.now): () => boolean {
  let last: number | undefined
  return () => {
    const now = clock()
    if (last !== undefined && now - last < intervalMs) return false
    last = now
    return true
  }
}

/** How often activity postpones main's idle lock: often enough for a 1-minute setting. */
export const TOUCH_INTERVAL_MS = 30_000

export const PIN_PATTERN = new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`)

/** Keeps only digits, at most the longest PIN: what a PIN field accepts as typed or pasted. */
export function pinInput(text: string): string {
  return text.replace(/\D/g, '').slice(0, PIN_MAX_LENGTH)
}

export type NewPinProblem = 'pinFormat' | 'pinMismatch' | 'pinUnchanged'

/**
 * The checks the change-PIN form makes before asking main (main checks again, and alone knows
 * which PINs are too simple).
 */
export function newPinProblem(
  currentPin: string,
  newPin: string,
  repeated: string
): NewPinProblem | null {
  if (!PIN_PATTERN.test(newPin)) return 'pinFormat'
  if (newPin !== repeated) return 'pinMismatch'
  if (newPin === currentPin) return 'pinUnchanged'
  return null
}
