/** What the cashier may need to tell the customer: plus badge, web bill, contact details. */
import type { CharacteristicsView, ContractView } from '@shared/ipc/views'
import { useT } from '@renderer/i18n/use-t'

interface CustomerFactsProps {
  contract: ContractView | undefined
  characteristics: CharacteristicsView | null
  loading: boolean
}

export function CustomerFacts({ contract, characteristics, loading }: CustomerFactsProps) {
  const t = useT()
  return (
    <div className="customer-facts">
      {characteristics?.plusCustomer ? (
        <span className="badge badge-plus">{t('ui.customer.plus')}</span>
      ) : null}
      <dl className="facts">
        {contract ? (
          <>
            <dt>{t('ui.customer.address')}</dt>
            <dd>{contract.address ?? '—'}</dd>
            <dt>{t('ui.customer.cycleLabel')}</dt>
            <dd>{contract.cycle ?? '—'}</dd>
          </>
        ) : null}
        {characteristics ? (
          <>
            <dt>{t('ui.customer.webBill')}</dt>
            <dd>{characteristics.webBillStatus ?? '—'}</dd>
            <dt>{t('ui.customer.phone')}</dt>
            <dd>{characteristics.contactPhone ?? '—'}</dd>
            <dt>{t('ui.customer.email')}</dt>
            <dd>{characteristics.contactEmail ?? '—'}</dd>
          </>
        ) : null}
      </dl>
      {loading ? <p className="muted">{t('ui.common.loading')}</p> : null}
    </div>
  )
}
