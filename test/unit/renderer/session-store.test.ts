import { beforeEach, describe, expect, it } from 'vitest'
import type { SessionView } from '@shared/ipc/channels/session'
import type { CustomerView } from '@shared/ipc/views'
import { navEntriesFor } from '@renderer/components/nav-bar'
import { useAppStore } from '@renderer/store/app-store'
import { useCustomerStore } from '@renderer/store/customer-store'
import { START } from '@renderer/store/navigation'
import { onUserChange, useSessionStore } from '@renderer/store/session'

const cashier: SessionView = {
  user: { id: 'u1', name: 'Cajero Demo', role: 'cashier' },
  locked: false,
  mustChangePin: false
}
const other: SessionView = { ...cashier, user: { id: 'u2', name: 'Ana Pérez', role: 'cashier' } }
const customer = {
  idType: 'NIT',
  identification: '830059926',
  name: 'Hotel Oriente',
  contracts: []
} as unknown as CustomerView

function startWork(): void {
  useAppStore.getState().go('pay')
  useCustomerStore.getState().setCustomer(customer)
}

describe('session store', () => {
  beforeEach(() => {
    useSessionStore.setState({ view: null })
    useAppStore.setState({ nav: START })
    useCustomerStore.getState().reset()
  })

  it('keeps the work across a lock and unlock of the same person', () => {
    useSessionStore.getState().setView(cashier)
    startWork()
    useSessionStore.getState().setView({ ...cashier, locked: true })
    useSessionStore.getState().setView(cashier)
    expect(useAppStore.getState().nav.screen).toBe('pay')
    expect(useCustomerStore.getState().customer).toEqual(customer)
  })

  it('clears the work when another person signs in, including registered stores', () => {
    let extraCleared = 0
    const off = onUserChange(() => extraCleared++)
    useSessionStore.getState().setView(cashier)
    startWork()
    useSessionStore.getState().setView({ ...cashier, locked: true })
    useSessionStore.getState().setView(other)
    expect(useAppStore.getState().nav).toEqual(START)
    expect(useCustomerStore.getState().customer).toBeNull()
    expect(extraCleared).toBe(1)
    off()
  })

  it('sends a signed_out from any call to the sign-in screen and clears the work', () => {
    useSessionStore.getState().setView(cashier)
    startWork()
    expect(useSessionStore.getState().applyError('forbidden')).toBe(false)
    expect(useSessionStore.getState().view).toEqual(cashier)
    expect(useSessionStore.getState().applyError('signed_out')).toBe(true)
    expect(useSessionStore.getState().view?.user).toBeNull()
    expect(useCustomerStore.getState().customer).toBeNull()
  })

  it('shows the users entry to supervisors only', () => {
    const screens = (role?: 'cashier' | 'supervisor') =>
      navEntriesFor(role).map((entry) => entry.screen)
    expect(screens('supervisor')).toContain('users')
    expect(screens('cashier')).not.toContain('users')
    expect(screens(undefined)).not.toContain('users')
    expect(screens('cashier')).toContain('pay')
  })
})
