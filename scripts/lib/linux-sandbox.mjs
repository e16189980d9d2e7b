// Ubuntu 23.10+ (and 24.04 by default) set kernel.apparmor_restrict_unprivileged_userns=1: an
// unconfined program may not create the user namespace Chromium's sandbox needs. Chromium then
// falls back to the setuid helper `chrome-sandbox`, which in node_modules/electron/dist is owned
// by the user, not root 4755, so Electron aborts with "FATAL: The SUID sandbox helper binary was
// found, but is not configured correctly" (electron/electron#41066, #42510). This module says so
// before the launch, with the fixes that keep the sandbox; `--no-sandbox` is only passed when
// the developer asks for it (CAJA_NO_SANDBOX=1): Electron's docs/tutorial/sandbox.md says to use
// it for testing only and never in production, and command-line-switches.md "Should only be used
// for testing".
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'

const USERNS_SYSCTL = '/proc/sys/kernel/apparmor_restrict_unprivileged_userns'
const APPARMOR_DIR = '/etc/apparmor.d'

/** True when some profile in /etc/apparmor.d names this Electron binary (fix a below). */
function hasProfileFor(electronPath, readText, listDir) {
  try {
    return listDir(APPARMOR_DIR).some((name) => {
      try {
        return readText(join(APPARMOR_DIR, name)).includes(electronPath)
      } catch {
        return false
      }
    })
  } catch {
    return false
  }
}

/**
 * @param {{ platform?: string, electronPath: string, readText?: (path: string) => string,
 *   stat?: (path: string) => { uid: number, mode: number }, listDir?: (path: string) => string[] }} opts
 * @returns {{ blocked: boolean, sandboxHelper: string }}
 */
export function linuxSandboxState(opts) {
  const sandboxHelper = join(dirname(opts.electronPath), 'chrome-sandbox')
  if ((opts.platform ?? process.platform) !== 'linux') return { blocked: false, sandboxHelper }
  const readText = opts.readText ?? ((path) => readFileSync(path, 'utf8'))
  const stat = opts.stat ?? statSync
  let restricted = false
  try {
    restricted = readText(USERNS_SYSCTL).trim() === '1'
  } catch {
    restricted = false // no AppArmor userns restriction on this kernel
  }
  if (!restricted) return { blocked: false, sandboxHelper }
  const listDir = opts.listDir ?? ((path) => readdirSync(path))
  if (hasProfileFor(opts.electronPath, readText, listDir)) return { blocked: false, sandboxHelper }
  // The setuid fallback works when the helper is root-owned with the setuid bit (mode 4755).
  try {
    const info = stat(sandboxHelper)
    const setuidRoot = info.uid === 0 && (info.mode & 0o4000) !== 0
    return { blocked: !setuidRoot, sandboxHelper }
  } catch {
    return { blocked: true, sandboxHelper }
  }
}

/** What to tell the developer (English: a developer's terminal, not the cashier's screen). */
export function sandboxAdvice(state, electronPath) {
  return [
    'This Linux restricts unprivileged user namespaces through AppArmor',
    '(kernel.apparmor_restrict_unprivileged_userns = 1, the default on Ubuntu 24.04), so Electron',
    "from node_modules cannot start Chromium's sandbox and would abort with a FATAL",
    'setuid-sandbox message. Fix it once, keeping the sandbox (see README, "Ubuntu 24.04 and AppArmor"):',
    '',
    '  a) an AppArmor profile for this Electron binary (what Ubuntu recommends):',
    `       printf 'abi <abi/4.0>,\\ninclude <tunables/global>\\nprofile caja-electron "${electronPath}" flags=(unconfined) {\\n  userns,\\n}\\n' \\`,
    '         | sudo tee /etc/apparmor.d/caja-electron && sudo apparmor_parser -r /etc/apparmor.d/caja-electron',
    "  b) or make Electron's setuid sandbox helper usable:",
    `       sudo chown root:root "${state.sandboxHelper}" && sudo chmod 4755 "${state.sandboxHelper}"`,
    '',
    'Or, for a throwaway development run only, start without the OS sandbox:',
    '       CAJA_NO_SANDBOX=1 npm start',
    '(Electron: "--no-sandbox ... should only be used for testing"; never for a real till.)'
  ].join('\n')
}
