import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PATH_ALIASES } from '../../electron.vite.config'

const root = resolve(__dirname, '../..')

describe('path aliases', () => {
  it('say the same to tsc and tsx (tsconfig) as to the bundles and the tests (vite)', () => {
    const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
      compilerOptions: { paths: Record<string, string[]> }
    }
    const fromTsconfig = Object.fromEntries(
      Object.entries(tsconfig.compilerOptions.paths).map(([alias, [target]]) => [
        alias.replace(/\/\*$/, ''),
        resolve(root, (target ?? '').replace(/\/\*$/, ''))
      ])
    )
    expect(fromTsconfig).toEqual(PATH_ALIASES)
  })
})
