import { describe, expect, it } from 'vitest'
import { START, goBack, goTo } from '@renderer/store/navigation'

describe('screen navigation', () => {
  it('goes forward and back with Esc', () => {
    const customer = goTo(START, 'customer')
    const pay = goTo(customer, 'pay')
    expect(pay).toEqual({ screen: 'pay', history: ['search', 'customer'] })
    expect(goBack(pay)).toEqual({ screen: 'customer', history: ['search'] })
  })

  it('unwinds instead of looping when a screen on the way back is opened again', () => {
    const deep = goTo(goTo(goTo(START, 'customer'), 'pay'), 'receipt')
    expect(goTo(deep, 'search')).toEqual({ screen: 'search', history: [] })
  })

  it('stays on search when there is nowhere to go back to', () => {
    expect(goBack(START)).toBe(START)
    expect(goBack({ screen: 'outbox', history: [] })).toEqual(START)
  })

  it('ignores opening the current screen', () => {
    expect(goTo(START, 'search')).toBe(START)
  })
})
