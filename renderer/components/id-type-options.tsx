/** The id types as `<option>`s, each in the cashier's words; `choose`: a blank "Elija…" first. */
import type { Ref } from 'react'
import { ID_TYPES, type IdType } from '@shared/domain/identification'
import { useT } from '@renderer/i18n/use-t'
import { Field } from './field'

export function IdTypeOptions({ choose = false }: { choose?: boolean }) {
  const t = useT()
  return (
    <>
      {choose ? <option value="">{t('ui.idConfirm.choose')}</option> : null}
      {ID_TYPES.map((type) => (
        <option key={type.code} value={type.code}>
          {t(type.labelKey)}
        </option>
      ))}
    </>
  )
}

/** The id type to choose, blank until the cashier picks one; it takes the focus first. */
export function IdTypeField({
  label,
  hint,
  value,
  onChange,
  selectRef
}: {
  label: string
  hint?: string | undefined
  value: IdType | ''
  onChange: (value: IdType | '') => void
  selectRef?: Ref<HTMLSelectElement> | undefined
}) {
  return (
    <Field label={label} hint={hint}>
      <select
        ref={selectRef}
        value={value}
        data-autofocus
        onChange={(event) => onChange(event.target.value as IdType | '')}
      >
        <IdTypeOptions choose />
      </select>
    </Field>
  )
}
