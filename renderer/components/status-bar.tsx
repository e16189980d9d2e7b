/** Always on screen: connection, what waits to be sent, what needs a look, who is at the till. */
import { useState } from 'react'
import { api } from '@renderer/api'
import { formatMoment } from '@renderer/lib/format'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { lockTill, signOut } from '@renderer/hooks/use-session'
import { useAppStore } from '@renderer/store/app-store'
import { useSessionStore } from '@renderer/store/session'
import type { SyncStatus } from '@shared/ipc/views'
import { Money } from './money'

export function StatusBar() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const status = useAppStore((state) => state.status)
  const settings = useAppStore((state) => state.settings)
  const setStatus = useAppStore((state) => state.setStatus)
  const announce = useAppStore((state) => state.announce)
  const go = useAppStore((state) => state.go)
  const [syncing, setSyncing] = useState(false)
  const session = useSessionStore((state) => state.view)
  const user = session?.user ?? null
  const atWork = user !== null && !session?.locked
  // Before the first PIN change there is nothing on screen worth locking.
  const lockable = atWork && !session?.mustChangePin
  const demo = status?.usesSimulator ?? settings?.usesSimulator ?? false

  const lastSync = status
    ? t('ui.status.lastSync', {
        when: status.lastSyncAt ? formatMoment(status.lastSyncAt, language) : t('ui.status.never')
      })
    : ''
  const who = status
    ? `${t('ui.status.terminal', { terminal: status.terminalId })}${
        user
          ? ` · ${t(user.role === 'supervisor' ? 'ui.status.supervisor' : 'ui.status.cashier', { name: user.name })}`
          : ''
      }`
    : ''

  async function syncNow(): Promise<void> {
    setSyncing(true)
    try {
      setStatus(await api.invoke('sync:now'))
      announce('info', t('ui.status.syncDone'))
    } catch (error) {
      announce('error', describe(error))
    } finally {
      setSyncing(false)
    }
  }

  return (
    <header className="status-area">
      {demo ? (
        <div className="demo-banner" role="note" data-testid="demo-banner">
          {t('ui.status.demo')}
        </div>
      ) : null}
      <div className="status-bar" aria-label={t('ui.status.label')} data-testid="status-bar">
        <span className="brand">{t('ui.app.name')}</span>
        {status ? (
          <>
            <span
              className={`status-item conn conn-${connection(status)}`}
              data-testid="connection"
            >
              <span className="dot" aria-hidden="true" />
              {t(`ui.status.${connection(status)}`)}
            </span>
            <button
              type="button"
              className="status-item status-link"
              onClick={() => go('outbox')}
              data-testid="pending"
            >
              {t('ui.status.pending', { count: status.pendingCount })}{' '}
              <Money value={status.pendingSum} />
            </button>
            <button
              type="button"
              className={`status-item status-link ${status.problemCount > 0 ? 'status-alert' : ''}`}
              onClick={() => go('outbox')}
              data-testid="problems"
            >
              {t('ui.status.problems', { count: status.problemCount })}
            </button>
            <span className="status-item status-last" title={lastSync}>
              {lastSync}
            </span>
            <span className="status-item status-who" title={who}>
              {who}
            </span>
            <button
              type="button"
              className="status-item status-sync"
              onClick={() => void syncNow()}
              disabled={syncing || status.draining}
            >
              {status.draining || syncing ? t('ui.status.syncing') : t('ui.status.syncNow')}
            </button>
          </>
        ) : (
          <span className="status-item">{t('ui.status.loading')}</span>
        )}
        {atWork ? (
          <span className="status-item status-session">
            {lockable ? (
              <button
                type="button"
                className="status-link"
                aria-keyshortcuts="Control+L"
                onClick={() =>
                  void lockTill().catch((error: unknown) => announce('error', describe(error)))
                }
                data-testid="lock"
              >
                {t('ui.session.lock')} (Ctrl+L)
              </button>
            ) : null}
            <button
              type="button"
              className="status-link"
              onClick={() =>
                void signOut().catch((error: unknown) => announce('error', describe(error)))
              }
              data-testid="sign-out"
            >
              {t('ui.session.signOut')}
            </button>
          </span>
        ) : null}
      </div>
    </header>
  )
}

/** Offline wins; online but failing or hanging reads "degraded". */
function connection(status: Pick<SyncStatus, 'online' | 'degraded'>): ConnectionState {
  if (!status.online) return 'offline'
  return status.degraded ? 'degraded' : 'online'
}

type ConnectionState = 'online' | 'degraded' | 'offline'
