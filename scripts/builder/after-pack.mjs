// electron-builder afterPack hook (electron-builder.yml `afterPack`): puts the proven
// Electron-ABI better-sqlite3 into the package, at resources/native/better_sqlite3.node, where
// electron/main/shell/native-sqlite.ts `packagedBindingPath` loads it.
//
// Why not electron-builder's own rebuild: `npmRebuild: true` rebuilds node_modules IN PLACE for
// Electron (app-builder-lib packager.js installAppDependencies → installOrRebuild on the project's
// node_modules), after which `npm test` fails with a NODE_MODULE_VERSION mismatch. With
// `npmRebuild: false` it skips that step ("skipped dependencies rebuild"), and this hook, which
// runs after the app and extra files are copied and before the fuses are flipped and the app is
// signed (platformPackager.js doPack → emitAfterPack → doAddElectronFuses → doSignAfterPack),
// ships the build `scripts/ensure-electron-native.mjs` made in .native/, after proving it again
// from its own bytes. A wrong or missing build stops the packaging with the reason.
import { copyFileSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { packagedNative, projectRoot } from '../lib/electron-env.mjs'

const require = createRequire(join(projectRoot, 'node_modules', 'app-builder-lib', 'package.json'))

export default async function afterPack(context) {
  const { Arch } = require('builder-util')
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName
  const source = packagedNative(projectRoot, {
    platform,
    arch: Arch[context.arch],
    electronVersion: context.packager.config.electronVersion ?? undefined
  })
  const resources = context.packager.getResourcesDir(context.appOutDir)
  mkdirSync(join(resources, 'native'), { recursive: true })
  copyFileSync(source, join(resources, 'native', 'better_sqlite3.node'))
  console.log(
    `  • better-sqlite3 for Electron (ABI proven from the binary) → ${join(resources, 'native')}`
  )
}
