/** useTempDir removes what a test made after that test, and what a beforeAll made after all. */
import { existsSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { useTempDir } from '@support/temp-dir'

describe('useTempDir', () => {
  const tempDir = useTempDir('caja-support-')
  let shared = ''
  let first = ''
  beforeAll(() => {
    shared = tempDir()
  })

  it('makes a fresh directory for a test', () => {
    first = tempDir()
    expect(existsSync(first)).toBe(true)
    expect(first).not.toBe(shared)
  })

  it("removed the last test's directory and keeps the one made for all tests", () => {
    expect(first).not.toBe('')
    expect(existsSync(first)).toBe(false)
    expect(existsSync(shared)).toBe(true)
  })
})
