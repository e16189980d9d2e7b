/**
 * Is Tigo reachable? Decided by what the API itself does, not by the OS network flag: a
 * terminal can have a network and no route to Tigo (captive portal, firewall, Tigo down),
 * or a stale "offline" flag after the cable came back.
 *
 * Evidence comes from two places: real calls (any HTTP answer proves reachability; a
 * connection that could not be opened disproves it) and `probe()` while offline.
 */

export interface Connectivity {
  isOnline(): boolean
  /** Local time of the last evidence, or null before any. */
  checkedAt(): number | null
  /** A real call got an HTTP answer (whatever its status). */
  reachable(): void
  /** A real call could not reach the API. */
  unreachable(): void
  /** Probes now; concurrent callers share one probe. */
  check(): Promise<boolean>
}

export interface ConnectivityOptions {
  probe: () => Promise<boolean>
  clock: () => number
  /** Called on every change of `isOnline()`, after the change. */
  onChange?: (online: boolean) => void
}

export function createConnectivity(options: ConnectivityOptions): Connectivity {
  const { clock } = options
  // Optimistic until proven otherwise: the first real call or probe settles it.
  let online = true
  let checkedAt: number | null = null
  let probing: Promise<boolean> | undefined

  function set(next: boolean): void {
    checkedAt = clock()
    if (next === online) return
    online = next
    options.onChange?.(next)
  }

  async function runProbe(): Promise<boolean> {
    let ok: boolean
    try {
      ok = await options.probe()
    } catch {
      ok = false
    }
    set(ok)
    return ok
  }

  return {
    isOnline: () => online,
    checkedAt: () => checkedAt,
    reachable: () => set(true),
    unreachable: () => set(false),
    check(): Promise<boolean> {
      if (!probing) {
        probing = runProbe().finally(() => {
          probing = undefined
        })
      }
      return probing
    }
  }
}
