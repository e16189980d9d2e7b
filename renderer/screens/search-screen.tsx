/** Find the customer: by id type and number, or by contract. A scanned bill skips this screen. */
import { useState, type FormEvent } from 'react'
import { validateIdentification, type IdType } from '@shared/domain/identification'
import { translateError } from '@shared/i18n'
import { ActionButton } from '@renderer/components/action-button'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { IdTypeOptions } from '@renderer/components/id-type-options'
import { ScreenHeader } from '@renderer/components/screen-header'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { checkWhileTyping } from '@renderer/lib/identification-check'
import { useAppStore } from '@renderer/store/app-store'
import { searchContract, searchCustomer } from '@renderer/store/customer-actions'
import { isLookupCancelled } from '@renderer/store/lookup-store'

const CONTRACT_PATTERN = /^\d{1,20}$/

export function SearchScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const go = useAppStore((state) => state.go)
  const announce = useAppStore((state) => state.announce)
  const [idType, setIdType] = useState<IdType>('NIT')
  const [identification, setIdentification] = useState('')
  const [idError, setIdError] = useState<string | null>(null)
  const [contractId, setContractId] = useState('')
  const [contractError, setContractError] = useState<string | null>(null)
  const [busy, setBusy] = useState<'customer' | 'contract' | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const typing = checkWhileTyping(idType, identification)
  const typingError =
    typing.kind === 'error' ? translateError(language, typing.code, typing.params) : null
  const checkDigitHint =
    typing.kind === 'ok' && typing.checkDigit !== undefined && !identification.includes('-')
      ? t('ui.search.checkDigit', { digit: typing.checkDigit })
      : undefined

  // A lookup the cashier cancelled is no failure: said on the status line, the form stays.
  function failed(error: unknown): void {
    if (isLookupCancelled(error)) announce('info', describe(error))
    else setFailure(describe(error))
  }

  async function onSearchCustomer(event: FormEvent): Promise<void> {
    event.preventDefault()
    setFailure(null)
    const result = validateIdentification(idType, identification)
    if (!result.ok) {
      setIdError(translateError(language, result.code, result.params ?? {}))
      return
    }
    setIdError(null)
    setBusy('customer')
    try {
      await searchCustomer(idType, result.value)
      go('customer')
    } catch (error) {
      failed(error)
    } finally {
      setBusy(null)
    }
  }

  async function onSearchContract(event: FormEvent): Promise<void> {
    event.preventDefault()
    setFailure(null)
    const cleaned = contractId.trim()
    if (!CONTRACT_PATTERN.test(cleaned)) {
      setContractError(t('ui.search.contractInvalid'))
      return
    }
    setContractError(null)
    setBusy('contract')
    try {
      await searchContract(cleaned)
      go('customer')
    } catch (error) {
      failed(error)
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="search-screen" aria-labelledby="search-title">
      <ScreenHeader title={<span id="search-title">{t('ui.search.title')}</span>} />
      <p className="scan-hint">{t('ui.search.scanHint')}</p>
      <ErrorMessage text={failure} />
      <div className="search-forms">
        <form className="panel" onSubmit={(event) => void onSearchCustomer(event)} noValidate>
          <h2>{t('ui.search.byId')}</h2>
          <Field label={t('ui.search.idType')}>
            <select
              value={idType}
              onChange={(event) => {
                setIdType(event.target.value as IdType)
                setIdError(null)
              }}
            >
              <IdTypeOptions />
            </select>
          </Field>
          <Field
            label={t('ui.search.identification')}
            hint={checkDigitHint ?? t(idType === 'NIT' ? 'ui.search.nitHint' : 'ui.search.idHint')}
            error={typingError ?? idError}
          >
            <input
              type="text"
              inputMode={idType === 'NIT' ? 'numeric' : 'text'}
              autoComplete="off"
              spellCheck={false}
              value={identification}
              data-autofocus
              data-testid="identification"
              onChange={(event) => {
                setIdentification(event.target.value)
                setIdError(null)
              }}
            />
          </Field>
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy !== null}>
            {busy === 'customer' ? t('ui.common.searching') : t('ui.search.submit')}
          </ActionButton>
        </form>
        <form className="panel" onSubmit={(event) => void onSearchContract(event)} noValidate>
          <h2>{t('ui.search.byContract')}</h2>
          <Field label={t('ui.search.contractId')} error={contractError}>
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={contractId}
              data-testid="contract-id"
              onChange={(event) => {
                setContractId(event.target.value)
                setContractError(null)
              }}
            />
          </Field>
          <ActionButton type="submit" variant="primary" shortcut="Enter" disabled={busy !== null}>
            {busy === 'contract' ? t('ui.common.searching') : t('ui.search.submitContract')}
          </ActionButton>
        </form>
      </div>
    </section>
  )
}
