/** The customer's contracts, one page at a time (the API pages them with reg_ini/num_reg). */
import type { ContractView, PageView } from '@shared/ipc/views'
import { useT, type Translate } from '@renderer/i18n/use-t'

interface ContractListProps {
  contracts: readonly ContractView[]
  page: PageView
  openId: string | null
  busy: boolean
  onOpen: (contractId: string) => void
  onPage: (regIni: number) => void
}

/** Some billing systems send "4", others "Ciclo 4": only a bare number gets our label. */
function cycleText(cycle: string, t: Translate): string {
  return /^\d+$/.test(cycle.trim()) ? t('ui.customer.cycle', { cycle }) : cycle
}

export function ContractList({ contracts, page, openId, busy, onOpen, onPage }: ContractListProps) {
  const t = useT()
  const first = page.regIni + 1
  const last = page.regIni + contracts.length
  return (
    <div className="contract-list">
      <h2>{t('ui.customer.contracts')}</h2>
      {contracts.length === 0 ? <p className="empty">{t('ui.customer.noContracts')}</p> : null}
      <ul>
        {contracts.map((contract) => (
          <li key={contract.contractId}>
            <button
              type="button"
              className={`contract-card ${openId === contract.contractId ? 'contract-open' : ''}`}
              aria-pressed={openId === contract.contractId}
              onClick={() => onOpen(contract.contractId)}
              data-testid="contract"
            >
              <span className="contract-id mono">
                {t('ui.customer.contract', { contractId: contract.contractId })}
              </span>
              <span className="contract-address">
                {contract.address ?? t('ui.customer.noAddress')}
              </span>
              {contract.cycle ? (
                <span className="contract-cycle">{cycleText(contract.cycle, t)}</span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
      <div className="pager" aria-label={t('ui.customer.pager')}>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy || page.regIni === 0}
          onClick={() => onPage(Math.max(0, page.regIni - page.numReg))}
        >
          {t('ui.common.previous')}
        </button>
        <span className="pager-range">
          {contracts.length > 0 ? t('ui.customer.range', { first, last }) : ''}
        </span>
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy || !page.hasMore}
          onClick={() => onPage(page.regIni + page.numReg)}
        >
          {t('ui.common.next')}
        </button>
      </div>
    </div>
  )
}
