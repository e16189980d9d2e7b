import { describe, expect, it } from 'vitest'
import { linuxSandboxState, sandboxAdvice } from '@scripts/lib/linux-sandbox.mjs'

const electronPath = '/src/caja/node_modules/electron/dist/electron'
const helper = '/src/caja/node_modules/electron/dist/chrome-sandbox'

function files(map: Record<string, string>) {
  return (path: string) => {
    if (!(path in map)) throw new Error(`ENOENT ${path}`)
    return map[path]!
  }
}

const restricted = { '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '1\n' }
const userOwned = () => ({ uid: 1000, mode: 0o100755 })
const setuidRoot = () => ({ uid: 0, mode: 0o104755 })
const noProfiles = () => []

describe('Ubuntu 24.04 AppArmor and the Chromium sandbox', () => {
  it('is blocked when user namespaces are restricted and chrome-sandbox is not setuid root', () => {
    expect(
      linuxSandboxState({
        platform: 'linux',
        electronPath,
        readText: files(restricted),
        stat: userOwned,
        listDir: noProfiles
      })
    ).toEqual({ blocked: true, sandboxHelper: helper })
  })

  it('is fine without the restriction, on other systems, with a setuid helper, or with a profile', () => {
    const base = { platform: 'linux', electronPath, stat: userOwned, listDir: noProfiles }
    expect(linuxSandboxState({ ...base, readText: files({}) }).blocked).toBe(false)
    expect(
      linuxSandboxState({
        ...base,
        readText: files({ '/proc/sys/kernel/apparmor_restrict_unprivileged_userns': '0' })
      }).blocked
    ).toBe(false)
    expect(
      linuxSandboxState({ ...base, platform: 'win32', readText: files(restricted) }).blocked
    ).toBe(false)
    expect(
      linuxSandboxState({ ...base, readText: files(restricted), stat: setuidRoot }).blocked
    ).toBe(false)
    expect(
      linuxSandboxState({
        ...base,
        readText: files({
          ...restricted,
          '/etc/apparmor.d/caja-electron': `profile caja-electron "${electronPath}" flags=(unconfined) {\n  userns,\n}\n`
        }),
        listDir: () => ['caja-electron']
      }).blocked
    ).toBe(false)
  })

  it('explains the fixes that keep the sandbox, and the opt-in that does not', () => {
    const advice = sandboxAdvice({ blocked: true, sandboxHelper: helper }, electronPath)
    expect(advice).toContain('apparmor_restrict_unprivileged_userns')
    expect(advice).toContain(`profile caja-electron "${electronPath}"`)
    expect(advice).toContain('userns,')
    expect(advice).toContain(`sudo chmod 4755 "${helper}"`)
    expect(advice).toContain('CAJA_NO_SANDBOX=1 npm start')
  })
})
