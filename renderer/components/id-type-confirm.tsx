/**
 * A customer found by contract or barcode comes without an id type (Tigo's contract answer does
 * not say it). The cashier asks and confirms it here, pre-filled only where the number shows it
 * (a NIT with its check digit); until then the customer cannot be paid for.
 */
import { useState, type FormEvent, type Ref } from 'react'
import type { IdType } from '@shared/domain/identification'
import type { CustomerView } from '@shared/ipc/views'
import { useSubmission } from '@renderer/hooks/use-submission'
import { useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { confirmIdType } from '@renderer/store/customer-actions'
import { useCustomerStore } from '@renderer/store/customer-store'
import { ActionButton } from './action-button'
import { ErrorMessage } from './error-message'
import { IdTypeField } from './id-type-options'

/**
 * `compact`: one row, for the pay screen, which must fit 1366×768 and 1024×768 with the basket
 * and the tender; the explanation is then read with the select (aria-describedby), not shown.
 */
export function IdTypeConfirm({
  customer,
  compact = false,
  selectRef
}: {
  customer: CustomerView
  compact?: boolean
  /** For a screen that moves the focus here (the pay screen after a scan). */
  selectRef?: Ref<HTMLSelectElement>
}) {
  const t = useT()
  const announce = useAppStore((state) => state.announce)
  const openContractId = useCustomerStore((state) => state.contractId)
  const { busy, failure, setFailure, submit } = useSubmission()
  const [chosen, setChosen] = useState<IdType | ''>(customer.suggestedIdType ?? '')
  const contractId = openContractId ?? customer.contracts[0]?.contractId
  if (customer.idType !== null || !contractId) return null

  async function onConfirm(event: FormEvent): Promise<void> {
    event.preventDefault()
    if (chosen === '' || !contractId) {
      setFailure(t('ui.idConfirm.required'))
      return
    }
    const idType = chosen
    await submit(async () => {
      await confirmIdType(contractId, idType)
      announce('success', t('ui.idConfirm.done', { type: t(`idType.${idType}`) }))
    })
  }

  return (
    <form
      className={`panel id-type-confirm${compact ? ' compact' : ''}`}
      data-testid="id-type-confirm"
      onSubmit={(event) => void onConfirm(event)}
      noValidate
    >
      <h2>{t('ui.idConfirm.title')}</h2>
      <p className={compact ? 'sr-only' : undefined}>{t('ui.idConfirm.explain')}</p>
      <IdTypeField
        label={t('ui.idConfirm.label')}
        hint={
          customer.suggestedIdType
            ? t('ui.idConfirm.suggested', { type: t(`idType.${customer.suggestedIdType}`) })
            : undefined
        }
        value={chosen}
        selectRef={selectRef}
        onChange={(value) => {
          setChosen(value)
          setFailure(null)
        }}
      />
      <ErrorMessage text={failure} />
      <ActionButton type="submit" variant="primary" disabled={busy}>
        {busy ? t('ui.idConfirm.confirming') : t('ui.idConfirm.confirm')}
      </ActionButton>
    </form>
  )
}
