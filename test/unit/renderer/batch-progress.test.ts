/**
 * The batch screen's progress as main reports it: reading (total 0), then the live lookups at
 * Tigo (phase 'lookup', issue 14), then checking. Each phase is taken when it starts, and within
 * a phase the bar never moves backwards.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { useBatchStore } from '@renderer/store/batch-store'

const progress = () => useBatchStore.getState().progress

describe('batch progress', () => {
  beforeEach(() => {
    useBatchStore.getState().reset()
    useBatchStore.getState().startChecking('pagos.csv')
  })

  it('goes from reading to the lookups to checking', () => {
    const { setProgress } = useBatchStore.getState()
    setProgress({ done: 3, total: 0 })
    setProgress({ done: 0, total: 6, phase: 'lookup' })
    setProgress({ done: 4, total: 6, phase: 'lookup' })
    expect(progress()).toEqual({ done: 4, total: 6, phase: 'lookup' })
    setProgress({ done: 0, total: 3 })
    expect(progress()).toEqual({ done: 0, total: 3 })
  })

  it('does not move a lookup bar backwards', () => {
    const { setProgress } = useBatchStore.getState()
    setProgress({ done: 5, total: 6, phase: 'lookup' })
    setProgress({ done: 2, total: 6, phase: 'lookup' })
    expect(progress()).toEqual({ done: 5, total: 6, phase: 'lookup' })
  })
})
