/**
 * Offline, a bill read from its barcode alone does not say whose it is. The customer is at the
 * counter: the cashier types their id type and number here, checked as any identification is;
 * Tigo checks the bill is theirs, for that amount, before the payment is sent.
 */
import { useState, type FormEvent, type Ref } from 'react'
import { validateIdentification, type IdType } from '@shared/domain/identification'
import { translateError } from '@shared/i18n'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { typeCustomer } from '@renderer/store/customer-actions'
import { ActionButton } from './action-button'
import { ErrorMessage } from './error-message'
import { IdTypeField } from './id-type-options'
import { Field } from './field'

export function TypedCustomer({ selectRef }: { selectRef?: Ref<HTMLSelectElement> }) {
  const t = useT()
  const language = useLanguage()
  const [idType, setIdType] = useState<IdType | ''>('')
  const [number, setNumber] = useState('')
  const [failure, setFailure] = useState<string | null>(null)

  function onUse(event: FormEvent): void {
    event.preventDefault()
    if (idType === '') {
      setFailure(t('ui.idConfirm.required'))
      return
    }
    const checked = validateIdentification(idType, number)
    if (!checked.ok) {
      setFailure(translateError(language, checked.code, checked.params ?? {}))
      return
    }
    typeCustomer(idType, checked.value)
  }

  return (
    <form
      className="panel id-type-confirm compact"
      data-testid="typed-customer"
      onSubmit={onUse}
      noValidate
    >
      <h2>{t('ui.typedCustomer.title')}</h2>
      <p className="sr-only">{t('ui.typedCustomer.explain')}</p>
      <IdTypeField
        label={t('ui.typedCustomer.idType')}
        value={idType}
        selectRef={selectRef}
        onChange={(value) => {
          setIdType(value)
          setFailure(null)
        }}
      />
      <Field label={t('ui.typedCustomer.number')}>
        <input
          type="text"
          autoComplete="off"
          placeholder={t('ui.typedCustomer.number')}
          value={number}
          onChange={(event) => {
            setNumber(event.target.value)
            setFailure(null)
          }}
        />
      </Field>
      <ErrorMessage text={failure} />
      <ActionButton type="submit" variant="primary">
        {t('ui.typedCustomer.use')}
      </ActionButton>
    </form>
  )
}
