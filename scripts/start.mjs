#!/usr/bin/env node
// `npm start` on a fresh checkout: get the Electron binary, get better-sqlite3 for Electron's
// ABI (proven from the binary's node_register_module_v<N>), build, then run the built app.
// Where Electron cannot be had (no network), say so and point at the browser harness instead
// of failing somewhere deep inside electron-vite. On Linux with AppArmor's user-namespace
// restriction (Ubuntu 24.04), explain the fix before Electron aborts.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { electronBinaryPath, ensureElectronNative, scriptStart } from './lib/electron-env.mjs'
import { linuxSandboxState, sandboxAdvice } from './lib/linux-sandbox.mjs'

const { root, runNode: run } = scriptStart()

function giveUp(reason) {
  console.error(`\nCaja cannot start in Electron here: ${reason}`)
  console.error(
    'To use the app without Electron, run the browser harness instead:  npm run harness\n'
  )
  process.exit(1)
}

if (!electronBinaryPath(root)) {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
    giveUp('the Electron binary is not installed and ELECTRON_SKIP_BINARY_DOWNLOAD is set.')
  }
  console.log('Electron binary missing: downloading it (node_modules/electron/install.js)...')
  const code = await run([join(root, 'node_modules', 'electron', 'install.js')])
  if (code !== 0 || !electronBinaryPath(root)) {
    giveUp('the Electron binary could not be downloaded (no network route to its download host?).')
  }
}

try {
  await ensureElectronNative({ root })
} catch (error) {
  giveUp(error instanceof Error ? error.message : String(error))
}

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
if (!existsSync(electronVite)) giveUp('electron-vite is not installed; run npm install first.')

if ((await run([electronVite, 'build'])) !== 0) {
  console.error('electron-vite build failed.')
  process.exit(1)
}
const electronPath = electronBinaryPath(root)
const sandbox = linuxSandboxState({ electronPath })
const noSandbox = process.env.CAJA_NO_SANDBOX === '1'
if (sandbox.blocked && !noSandbox) {
  console.error(`\n${sandboxAdvice(sandbox, electronPath)}\n`)
  process.exit(1)
}
if (noSandbox) {
  console.warn('CAJA_NO_SANDBOX=1: Electron runs WITHOUT the Chromium sandbox (testing only).')
}
process.exit(
  await run([electronVite, 'preview', '--skipBuild', ...(noSandbox ? ['--noSandbox'] : [])])
)
