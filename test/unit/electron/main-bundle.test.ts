import { readFileSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAIN_EXTERNALS } from '../../../electron.vite.config'

const root = process.cwd()

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name))
}

describe('test-only code stays out of the app', () => {
  it('keeps playwright-core out of the main bundle', () => {
    expect(MAIN_EXTERNALS).toContain('playwright-core')
  })

  it('imports playwright-core only in the PDF printer, which the app reaches by a dynamic import only', () => {
    const importers = sources(join(root, 'electron'))
      .filter((file) => /from 'playwright-core'/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file))
    expect(importers).toEqual([join('electron', 'main', 'print', 'pdf-file-printer.ts')])
    const printer = readFileSync(join(root, 'electron', 'main', 'print', 'printer.ts'), 'utf8')
    expect(printer).toContain("import('./pdf-file-printer')")
    expect(printer).not.toMatch(/^import .* from '\.\/pdf-file-printer'/m)
  })
})
