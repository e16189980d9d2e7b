/**
 * Keeps the status bar current: the summary and settings once at start, then whatever main
 * pushes (`sync:status`, `outbox:changed`).
 */
import { useEffect } from 'react'
import { api } from '@renderer/api'
import { describeError } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'

export async function refreshStatus(): Promise<void> {
  useAppStore.getState().setStatus(await api.invoke('outbox:summary'))
}

function reportFailure(error: unknown): void {
  const state = useAppStore.getState()
  state.announce('error', describeError(state.language, error))
}

export function useSyncStatus(): void {
  useEffect(() => {
    api
      .invoke('settings:get')
      .then((settings) => useAppStore.getState().setSettings(settings))
      .catch(reportFailure)
    refreshStatus().catch(reportFailure)
    const offStatus = api.on('sync:status', (status) => useAppStore.getState().setStatus(status))
    const offChanged = api.on('outbox:changed', () => {
      refreshStatus().catch(reportFailure)
    })
    return () => {
      offStatus()
      offChanged()
    }
  }, [])
}
