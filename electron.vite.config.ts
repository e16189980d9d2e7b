import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Custom layout (electron/main, electron/preload, renderer/): entries are named explicitly.
// `dependencies` (better-sqlite3, a native module) stay external; ky, zod and the rest
// are devDependencies and get bundled, which ky (ESM-only) needs in a CommonJS main.
// playwright-core is test-only: the PDF printer of the harness and the tests
// (print/pdf-file-printer.ts) imports it, and the app reaches that file only through a dynamic
// import it never takes (printer mode 'electron'). Left to the bundler it put 6.3 MB of
// playwright into out/main; external, it is never in the app (it is not a dependency either).
export const MAIN_EXTERNALS = ['playwright-core']

// Import aliases instead of `../../../electron/main/…`; tsconfig.base.json `paths` says the same
// to tsc and tsx (a unit test checks the two agree), and vitest.config.ts reuses this list.
export const PATH_ALIASES: Record<string, string> = {
  '@main': resolve(__dirname, 'electron/main'),
  '@simulator': resolve(__dirname, 'electron/simulator'),
  '@shared': resolve(__dirname, 'shared'),
  '@renderer': resolve(__dirname, 'renderer'),
  '@support': resolve(__dirname, 'test/support'),
  '@scripts': resolve(__dirname, 'scripts')
}
const resolveAliases = { alias: PATH_ALIASES }

export default defineConfig({
  main: {
    resolve: resolveAliases,
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/main/index.ts') },
        external: MAIN_EXTERNALS
      }
    }
  },
  preload: {
    resolve: resolveAliases,
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: resolveAliases,
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    },
    plugins: [react()]
  }
})
