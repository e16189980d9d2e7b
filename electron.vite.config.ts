import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

// Custom layout (electron/main, electron/preload, renderer/): entries are named explicitly.
// Only `dependencies` (better-sqlite3, a native module) stay external; ky, zod and the rest
// are devDependencies and get bundled, which ky (ESM-only) needs in a CommonJS main.
export default defineConfig({
  main: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } }
    }
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } }
    },
    plugins: [react()]
  }
})
