/**
 * The till's people (supervisors only; main refuses the calls to anyone else): who may sign in,
 * with which role, and a new temporary PIN for someone who forgot theirs or is locked out.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import type { Role } from '@shared/ipc/channels/session'
import { ROLES } from '@shared/ipc/channels/session'
import type { UserView } from '@shared/ipc/channels/users'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { ErrorMessage } from '@renderer/components/error-message'
import { NameField } from '@renderer/components/name-field'
import { PinField } from '@renderer/components/pin-pad'
import { ScreenHeader } from '@renderer/components/screen-header'
import { formatMoment } from '@renderer/lib/format'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useAppStore } from '@renderer/store/app-store'
import { useSessionStore } from '@renderer/store/session'
import '@renderer/styles/session.css'
import { TableHead } from '@renderer/components/table-head'

function MustChangePinCheck({
  checked,
  onChange
}: {
  checked: boolean
  onChange: (checked: boolean) => void
}) {
  const t = useT()
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      {t('ui.users.mustChangePin')}
    </label>
  )
}

function CreateUserForm({ onCreated }: { onCreated: (user: UserView) => void }) {
  const t = useT()
  const { busy, failure, submit: send } = useSubmission()
  const [name, setName] = useState('')
  const [role, setRole] = useState<Role>('cashier')
  const [pin, setPin] = useState('')
  const [mustChangePin, setMustChangePin] = useState(true)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (busy) return
    await send(async () => {
      const user = await api.invoke('users:create', { name: name.trim(), role, pin, mustChangePin })
      setName('')
      setPin('')
      setMustChangePin(true)
      onCreated(user)
    })
  }

  return (
    <form
      className="panel users-create"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="user-create"
    >
      <h2 className="panel-title">{t('ui.users.create')}</h2>
      <NameField label={t('ui.users.name')} value={name} onChange={setName} focusTarget />
      <div className="field">
        <label htmlFor="user-role">{t('ui.users.role')}</label>
        <select
          id="user-role"
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
        >
          {ROLES.map((option) => (
            <option key={option} value={option}>
              {t(`ui.role.${option}`)}
            </option>
          ))}
        </select>
      </div>
      <PinField label={t('ui.users.initialPin')} value={pin} onChange={setPin} />
      <MustChangePinCheck checked={mustChangePin} onChange={setMustChangePin} />
      <ErrorMessage text={failure} />
      <ActionButton type="submit" variant="primary" disabled={busy}>
        {t('ui.users.createSubmit')}
      </ActionButton>
    </form>
  )
}

function ResetPinForm({
  user,
  onDone,
  onCancel
}: {
  user: UserView
  onDone: (user: UserView) => void
  onCancel: () => void
}) {
  const t = useT()
  const describe = useDescribeError()
  const [pin, setPin] = useState('')
  const [mustChangePin, setMustChangePin] = useState(true)
  const [failure, setFailure] = useState<string | null>(null)

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault()
    setFailure(null)
    try {
      onDone(await api.invoke('users:resetPin', { userId: user.id, pin, mustChangePin }))
    } catch (error) {
      setFailure(describe(error))
    }
  }

  return (
    <form className="users-reset" onSubmit={(event) => void submit(event)} noValidate>
      <PinField
        label={t('ui.users.newPinFor', { name: user.name })}
        value={pin}
        onChange={setPin}
        autoFocus
      />
      <MustChangePinCheck checked={mustChangePin} onChange={setMustChangePin} />
      <ErrorMessage text={failure} />
      <div className="session-actions">
        <ActionButton type="submit" variant="primary">
          {t('ui.users.resetSubmit')}
        </ActionButton>
        <ActionButton onClick={onCancel}>{t('ui.approval.cancel')}</ActionButton>
      </div>
    </form>
  )
}

function userState(user: UserView, t: (key: string) => string): string {
  if (!user.active) return t('ui.users.disabled')
  if (user.lockedUntil) return t('ui.users.lockedOut')
  if (user.mustChangePin) return t('ui.users.pinPending')
  return t('ui.users.active')
}

export function UsersScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const me = useSessionStore((state) => state.view?.user)
  const [users, setUsers] = useState<UserView[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [resetting, setResetting] = useState<string | null>(null)
  const supervisor = me?.role === 'supervisor'

  const load = useCallback(async () => {
    try {
      setUsers(await api.invoke('users:list'))
    } catch (error) {
      setFailure(describe(error))
    }
  }, [describe])

  useEffect(() => {
    if (supervisor) void load()
  }, [supervisor, load])

  function replace(user: UserView): void {
    setUsers((list) => {
      const rest = (list ?? []).filter((other) => other.id !== user.id)
      return [...rest, user].sort((a, b) => a.name.localeCompare(b.name))
    })
  }

  async function setActive(user: UserView, active: boolean): Promise<void> {
    setFailure(null)
    try {
      replace(await api.invoke('users:setActive', { userId: user.id, active }))
      announce(
        'success',
        t(active ? 'ui.users.enabled' : 'ui.users.disabledDone', { name: user.name })
      )
    } catch (error) {
      setFailure(describe(error))
    }
  }

  if (!supervisor) {
    return (
      <section>
        <ScreenHeader title={t('ui.users.title')} />
        <p className="empty">{t('ui.users.supervisorsOnly')}</p>
      </section>
    )
  }

  return (
    <section className="users-screen">
      <ScreenHeader title={t('ui.users.title')} />
      <div className="two-columns">
        <div className="users-list">
          <ErrorMessage text={failure} />
          {users === null ? <p>{t('ui.common.loading')}</p> : null}
          <table className="data-table" data-testid="users-table">
            <TableHead
              columns={[
                { label: t('ui.users.name') },
                { label: t('ui.users.role') },
                { label: t('ui.users.state') },
                { label: t('ui.users.createdAt') },
                { label: t('ui.bills.actions') }
              ]}
            />
            <tbody>
              {(users ?? []).map((user) => (
                <tr key={user.id} data-testid="user-row">
                  <td>{user.name}</td>
                  <td>{t(`ui.role.${user.role}`)}</td>
                  <td>{userState(user, t)}</td>
                  <td>{formatMoment(user.createdAt, language)}</td>
                  <td className="users-actions">
                    {resetting === user.id ? (
                      <ResetPinForm
                        user={user}
                        onCancel={() => setResetting(null)}
                        onDone={(updated) => {
                          replace(updated)
                          setResetting(null)
                          announce('success', t('ui.users.pinReset', { name: user.name }))
                        }}
                      />
                    ) : (
                      <>
                        <ActionButton variant="ghost" onClick={() => setResetting(user.id)}>
                          {t('ui.users.resetPin')}
                        </ActionButton>
                        {user.id === me?.id ? null : (
                          <ActionButton
                            variant="ghost"
                            onClick={() => void setActive(user, !user.active)}
                          >
                            {user.active ? t('ui.users.disable') : t('ui.users.enable')}
                          </ActionButton>
                        )}
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CreateUserForm
          onCreated={(user) => {
            replace(user)
            announce('success', t('ui.users.created', { name: user.name }))
          }}
        />
      </div>
    </section>
  )
}
