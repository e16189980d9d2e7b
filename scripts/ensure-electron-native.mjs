#!/usr/bin/env node
// Keeps better-sqlite3 built for Electron in .native/electron-<abi>/ (node_modules stays built
// for Node, which the tests use). `--check` only reports, without the network: exit 0 when the
// build is there and current, 1 when not.
import {
  ensureElectronNative,
  nativeBindingFile,
  nativeBuildProblem,
  projectRoot,
  readNativeTarget,
  toolchainNodeWarning
} from './lib/electron-env.mjs'

const target = readNativeTarget(projectRoot)
const nodeWarning = toolchainNodeWarning()
if (nodeWarning) console.warn(`Warning: ${nodeWarning}`)

if (process.argv.includes('--check')) {
  const problem = nativeBuildProblem(projectRoot, target)
  console.log(
    problem === undefined
      ? `better-sqlite3 for Electron ${target.electronVersion} (ABI ${target.abi}, read from the binary): ${nativeBindingFile(projectRoot, target.abi)}`
      : `better-sqlite3 for Electron ${target.electronVersion} (ABI ${target.abi}) cannot be used: ${problem}`
  )
  process.exit(problem === undefined ? 0 : 1)
}

try {
  const result = await ensureElectronNative({ root: projectRoot, target })
  const how = result.status === 'built' ? `built with ${result.method}` : 'up to date'
  console.log(
    `better-sqlite3 for Electron ${target.electronVersion} (ABI ${target.abi}) ${how}: ${result.path}`
  )
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
