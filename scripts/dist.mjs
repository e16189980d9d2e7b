#!/usr/bin/env node
// `npm run dist [-- electron-builder args]`: build, prove the Electron-ABI better-sqlite3, then
// package. node_modules is never rebuilt (electron-builder.yml npmRebuild: false), so `npm test`
// keeps its Node build whatever the order; the afterPack hook ships the proven .native build and
// refuses a wrong one. Needs the network where Electron or the native build must be downloaded.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { ensureElectronNative, scriptStart } from './lib/electron-env.mjs'

const { root, runNode } = scriptStart()
const run = (script, args) => runNode([script, ...args])
const bin = (...parts) => join(root, 'node_modules', ...parts)

function fail(message) {
  console.error(`\nnpm run dist: ${message}`)
  process.exit(1)
}

if (!existsSync(bin('electron-builder', 'cli.js'))) fail('electron-builder is not installed.')
if ((await run(bin('electron-vite', 'bin', 'electron-vite.js'), ['build'])) !== 0) {
  fail('electron-vite build failed.')
}
try {
  const native = await ensureElectronNative({ root })
  console.log(`better-sqlite3 for Electron ${native.target.electronVersion}: ${native.path}`)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
process.exit(await run(bin('electron-builder', 'cli.js'), process.argv.slice(2)))
