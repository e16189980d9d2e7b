/**
 * Terminal settings. The client secret is write-only: the box starts empty, the screen only says
 * whether one is set, and warns when this machine cannot keep it encrypted.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react'
import type { SettingsView } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { CashierSettings } from '@renderer/components/cashier-settings'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { PrinterSelect, TestPrintButton } from '@renderer/components/printer-picker'
import { ScreenHeader } from '@renderer/components/screen-header'
import { translate, type Language } from '@shared/i18n'
import { describeError, useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useSessionStore } from '@renderer/store/session'
import {
  fieldOfError,
  formFromSettings,
  patchFromForm,
  type FormField,
  type SettingsForm
} from '@renderer/lib/settings-form'
import { useAppStore } from '@renderer/store/app-store'

type FieldErrors = Partial<Record<FormField, string>>

function errorParams(error: unknown): Record<string, unknown> {
  const params = (error as { params?: unknown }).params
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {}
}

/** The field's own label and grouped numbers read better than `caps.maxPaymentAmount (1000–…)`. */
function describeFieldError(
  error: unknown,
  params: Record<string, unknown>,
  label: string,
  language: Language
): string {
  const readable: Record<string, string | number> = { field: label }
  for (const [key, value] of Object.entries(params)) {
    if (key === 'field') continue
    if (typeof value === 'number')
      readable[key] = value.toLocaleString(language === 'es' ? 'es-CO' : 'en-US')
    else if (typeof value === 'string') readable[key] = value
  }
  return describeError(language, {
    ...(error as object),
    code: (error as { code: string }).code,
    params: readable
  })
}

function SecretStatus({ settings }: { settings: SettingsView }) {
  const t = useT()
  return (
    <div className="secret-status">
      <span className={`chip ${settings.hasClientSecret ? 'chip-registered' : 'chip-rejected'}`}>
        {settings.hasClientSecret ? t('ui.settings.secretSet') : t('ui.settings.secretMissing')}
      </span>
      {settings.secretProtection === 'weak' ? (
        <p className="warning" role="alert">
          {t('ui.settings.secretWeak')}
        </p>
      ) : null}
      {settings.secretProtection === 'memory' ? (
        <p className="warning">{t('ui.settings.secretMemory')}</p>
      ) : null}
    </div>
  )
}

export function SettingsScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const settings = useAppStore((state) => state.settings)
  const setSettings = useAppStore((state) => state.setSettings)
  const announce = useAppStore((state) => state.announce)
  const [form, setForm] = useState<SettingsForm | null>(
    settings ? formFromSettings(settings) : null
  )
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const role = useSessionStore((state) => state.view?.user?.role)

  /** Set at the first keystroke: the fresh settings must not overwrite what is being typed. */
  const edited = useRef(false)

  useEffect(() => {
    api
      .invoke('settings:get')
      .then((fresh) => {
        setSettings(fresh)
        if (!edited.current) setForm(formFromSettings(fresh))
      })
      .catch((error: unknown) => setFailure(describe(error)))
    // Load once per visit; `describe` changing language must not reset what is being typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  if (!settings || !form) {
    return (
      <section>
        <ScreenHeader title={t('ui.settings.title')} />
        <ErrorMessage text={failure} />
        {!failure ? <p className="muted">{t('ui.common.loading')}</p> : null}
      </section>
    )
  }
  // Only a supervisor may change settings: a cashier sees the till's, read-only, nothing more.
  if (role !== 'supervisor') {
    return (
      <section className="settings-screen">
        <ScreenHeader title={t('ui.settings.title')} />
        <CashierSettings settings={settings} />
      </section>
    )
  }
  const before = settings
  const current = form

  async function save(event: FormEvent): Promise<void> {
    event.preventDefault()
    setFailure(null)
    const result = patchFromForm(current, before)
    if (!result.ok) {
      const local: FieldErrors = {}
      for (const field of Object.keys(result.errors) as FormField[]) {
        local[field] = t('ui.settings.notNumber')
      }
      setErrors(local)
      return
    }
    setErrors({})
    if (Object.keys(result.patch).length === 0) {
      announce('info', t('ui.settings.unchanged'))
      return
    }
    setBusy(true)
    try {
      const saved = await api.invoke('settings:set', result.patch)
      setSettings(saved)
      setForm(formFromSettings(saved))
      // The message speaks the language just chosen, not the one the form was filled in.
      announce('success', translate(saved.language, 'ui.settings.saved'))
    } catch (error) {
      const params = errorParams(error)
      const field = fieldOfError(params.field)
      if (field)
        setErrors({
          [field]: describeFieldError(error, params, t(`ui.settings.${field}`), language)
        })
      else setFailure(describe(error))
    } finally {
      setBusy(false)
    }
  }

  function set<K extends FormField>(name: K, value: SettingsForm[K]): void {
    edited.current = true
    setForm({ ...current, [name]: value })
    setErrors((previous) => ({ ...previous, [name]: undefined }))
  }

  function field(name: FormField, control: ReactElement<Record<string, unknown>>, hint?: string) {
    return (
      <Field label={t(`ui.settings.${name}`)} hint={hint} error={errors[name] ?? null}>
        {control}
      </Field>
    )
  }

  function text(
    name: Exclude<FormField, 'paperWidth' | 'language'>,
    extra: Record<string, unknown> = {}
  ) {
    return (
      <input
        type="text"
        autoComplete="off"
        spellCheck={false}
        value={current[name]}
        data-testid={`settings-${name}`}
        onChange={(event) => set(name, event.target.value)}
        {...extra}
      />
    )
  }

  return (
    <section className="settings-screen">
      <ScreenHeader title={t('ui.settings.title')} />
      <form className="settings-form" onSubmit={(event) => void save(event)} noValidate>
        <fieldset className="panel">
          <legend>{t('ui.settings.connection')}</legend>
          {field('apiBaseUrl', text('apiBaseUrl', { 'data-autofocus': true, inputMode: 'url' }))}
          {field('tokenUrl', text('tokenUrl', { inputMode: 'url' }))}
          {field('clientId', text('clientId'))}
          {field(
            'clientSecret',
            text('clientSecret', {
              type: 'password',
              autoComplete: 'new-password',
              placeholder: before.hasClientSecret ? t('ui.settings.secretPlaceholder') : ''
            }),
            t('ui.settings.secretHint')
          )}
          <SecretStatus settings={before} />
        </fieldset>
        <fieldset className="panel">
          <legend>{t('ui.settings.terminal')}</legend>
          {field('terminalId', text('terminalId'))}
          {field('businessName', text('businessName'))}
          {field('businessNit', text('businessNit', { inputMode: 'numeric' }))}
          {field('businessAddress', text('businessAddress'))}
          {field(
            'printerName',
            <PrinterSelect
              value={current.printerName}
              onChange={(name) => set('printerName', name)}
            />
          )}
          {field(
            'paperWidth',
            <select
              value={current.paperWidth}
              onChange={(event) => set('paperWidth', event.target.value === '58' ? '58' : '80')}
            >
              <option value="80">{t('ui.settings.paper80')}</option>
              <option value="58">{t('ui.settings.paper58')}</option>
            </select>
          )}
          <TestPrintButton
            printerName={current.printerName}
            paperWidth={current.paperWidth === '58' ? 58 : 80}
          />
          {field(
            'language',
            <select
              value={current.language}
              onChange={(event) => set('language', event.target.value === 'en' ? 'en' : 'es')}
            >
              <option value="es">{t('ui.settings.languageEs')}</option>
              <option value="en">{t('ui.settings.languageEn')}</option>
            </select>
          )}
          {field('idleLockMinutes', text('idleLockMinutes', { inputMode: 'numeric' }))}
        </fieldset>
        <fieldset className="panel">
          <legend>{t('ui.settings.caps')}</legend>
          {field(
            'maxPaymentAmount',
            text('maxPaymentAmount', { inputMode: 'numeric' }),
            t('ui.settings.maxPaymentAmountHint')
          )}
          {field(
            'maxPendingTotal',
            text('maxPendingTotal', { inputMode: 'numeric' }),
            t('ui.settings.maxPendingTotalHint')
          )}
          {field('maxPendingAgeHours', text('maxPendingAgeHours', { inputMode: 'numeric' }))}
          {field(
            'closingApprovalAbove',
            text('closingApprovalAbove', { inputMode: 'numeric' }),
            t('ui.settings.closingApprovalAboveHint')
          )}
        </fieldset>
        <ErrorMessage text={failure} />
        <div className="form-actions">
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy}>
            {busy ? t('ui.settings.saving') : t('ui.settings.save')}
          </ActionButton>
        </div>
      </form>
    </section>
  )
}
