/** The customer's file: contracts, the open contract's facts and bills, and what is ticked. */
import { useEffect, useMemo, useState } from 'react'
import type { BillView } from '@shared/ipc/views'
import { ActionButton } from '@renderer/components/action-button'
import { BillList } from '@renderer/components/bill-list'
import { BillPayments } from '@renderer/components/bill-payments'
import { ContractList } from '@renderer/components/contract-list'
import { CustomerFacts } from '@renderer/components/customer-facts'
import { ErrorMessage } from '@renderer/components/error-message'
import { IdTypeConfirm } from '@renderer/components/id-type-confirm'
import { LocalPayments } from '@renderer/components/local-payments'
import { Money } from '@renderer/components/money'
import { ScreenHeader } from '@renderer/components/screen-header'
import { SourceNote } from '@renderer/components/source-note'
import { useDescribeError, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { billKey, selectionTotal } from '@renderer/store/bill-selection'
import { loadBills, loadCharacteristics, searchCustomer } from '@renderer/store/customer-actions'
import { useCustomerStore } from '@renderer/store/customer-store'

function useContractData(): { loading: boolean; failure: string | null } {
  const describe = useDescribeError()
  const customer = useCustomerStore((state) => state.customer)
  const contractId = useCustomerStore((state) => state.contractId)
  const [loading, setLoading] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  useEffect(() => {
    if (!customer || !contractId) return
    let current = true
    setLoading(true)
    setFailure(null)
    // Characteristics are a nice-to-have: their failure must not hide the bills.
    loadCharacteristics(customer, contractId).catch(() => undefined)
    loadBills(contractId)
      .catch((error: unknown) => current && setFailure(describe(error)))
      .finally(() => current && setLoading(false))
    return () => {
      current = false
    }
    // Reload when the contract changes, not on every customer page refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contractId])

  return { loading, failure }
}

export function CustomerScreen() {
  const t = useT()
  const describe = useDescribeError()
  const go = useAppStore((state) => state.go)
  const customer = useCustomerStore((state) => state.customer)
  const contractId = useCustomerStore((state) => state.contractId)
  const bills = useCustomerStore((state) => state.bills)
  const characteristics = useCustomerStore((state) => state.characteristics)
  const selection = useCustomerStore((state) => state.selection)
  const openContract = useCustomerStore((state) => state.openContract)
  const toggle = useCustomerStore((state) => state.toggle)
  const [paging, setPaging] = useState(false)
  const [pageFailure, setPageFailure] = useState<string | null>(null)
  const [paymentsOf, setPaymentsOf] = useState<BillView | null>(null)
  const { loading, failure } = useContractData()
  const selectedKeys = useMemo(() => new Set(selection.map(billKey)), [selection])

  if (!customer) {
    return (
      <section>
        <ScreenHeader title={t('ui.customer.title')} />
        <p className="empty">{t('ui.customer.none')}</p>
        <ActionButton variant="primary" shortcut="F2" onClick={() => go('search')} data-autofocus>
          {t('ui.nav.search')}
        </ActionButton>
      </section>
    )
  }

  async function changePage(regIni: number): Promise<void> {
    // Only a customer found by id type has pages of contracts; one found by contract has one.
    if (!customer?.idType) return
    setPaging(true)
    setPageFailure(null)
    try {
      await searchCustomer(customer.idType, customer.identification, regIni)
    } catch (error) {
      setPageFailure(describe(error))
    } finally {
      setPaging(false)
    }
  }

  const contract = customer.contracts.find((item) => item.contractId === contractId)
  return (
    <section className="customer-screen">
      <ScreenHeader
        title={
          <>
            {customer.name || t('ui.customer.unnamed')}{' '}
            <span className="subtitle">
              {customer.idType
                ? t(`idType.${customer.idType}`)
                : `(${t('ui.idConfirm.unconfirmed')})`}{' '}
              {customer.identification}
            </span>
          </>
        }
      >
        <span className="selection-total" data-testid="selection-total">
          {t('ui.customer.selected', { count: selection.length })}{' '}
          <Money value={selectionTotal(selection)} />
        </span>
        <ActionButton
          variant="primary"
          shortcut="F4"
          disabled={selection.length === 0 || customer.idType === null}
          onClick={() => go('pay')}
        >
          {t('ui.nav.pay')}
        </ActionButton>
        <ActionButton
          shortcut="F9"
          disabled={selection.length === 0 || customer.idType === null}
          onClick={() => go('checkout')}
        >
          {t('ui.nav.checkout')}
        </ActionButton>
      </ScreenHeader>
      <SourceNote source={customer.source} fetchedAt={customer.fetchedAt} />
      <IdTypeConfirm key={customer.identification} customer={customer} />
      <ErrorMessage text={pageFailure} />
      <div className="customer-layout">
        <ContractList
          contracts={customer.contracts}
          page={customer.page}
          openId={contractId}
          busy={paging}
          onOpen={openContract}
          onPage={(regIni) => void changePage(regIni)}
        />
        <div className="contract-detail">
          <CustomerFacts contract={contract} characteristics={characteristics} loading={loading} />
          <ErrorMessage text={failure} />
          {paymentsOf ? (
            <BillPayments
              key={billKey(paymentsOf)}
              bill={paymentsOf}
              onClose={() => setPaymentsOf(null)}
            />
          ) : null}
          {bills ? (
            <>
              <div className="bills-heading">
                <h2>{t('ui.bills.title', { count: bills.bills.length })}</h2>
                <SourceNote source={bills.source} fetchedAt={bills.fetchedAt} />
              </div>
              <LocalPayments bills={bills.bills} />
              {bills.bills.length === 0 ? (
                <p className="empty">{t('ui.bills.none')}</p>
              ) : (
                <BillList
                  bills={bills.bills}
                  selectedKeys={selectedKeys}
                  onToggle={toggle}
                  onShowPayments={setPaymentsOf}
                />
              )}
            </>
          ) : null}
        </div>
      </div>
    </section>
  )
}
