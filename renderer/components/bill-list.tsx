/**
 * A contract's bills, virtualized: a customer with 10,000 bills keeps a few dozen rows in the
 * DOM. Rows are fixed height so the scroll math stays exact.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useRef } from 'react'
import type { BillView } from '@shared/ipc/views'
import { formatDay } from '@renderer/lib/format'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { billKey, isPayable } from '@renderer/store/bill-selection'
import { Money } from './money'
import { StateChip, type ChipState } from './state-chip'

const ROW_HEIGHT = 52

export function billChipState(bill: BillView): ChipState {
  if (bill.outboxState) return bill.outboxState
  if (bill.paid) return 'paid'
  return bill.overdue ? 'overdue' : 'due'
}

interface BillListProps {
  bills: readonly BillView[]
  selectedKeys: ReadonlySet<string>
  onToggle: (bill: BillView) => void
  onShowPayments: (bill: BillView) => void
}

export function BillList({ bills, selectedKeys, onToggle, onShowPayments }: BillListProps) {
  const t = useT()
  const language = useLanguage()
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: bills.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6
  })

  return (
    <div
      className="virtual-table"
      role="table"
      aria-rowcount={bills.length + 1}
      data-testid="bills"
    >
      <div className="virtual-row virtual-head bill-row" role="row" aria-rowindex={1}>
        <span role="columnheader" className="col-pick">
          <span className="sr-only">{t('ui.bills.pick')}</span>
        </span>
        <span role="columnheader">{t('ui.bills.billNo')}</span>
        <span role="columnheader">{t('ui.bills.billDate')}</span>
        <span role="columnheader">{t('ui.bills.dueDate')}</span>
        <span role="columnheader" className="col-amount">
          {t('ui.bills.amount')}
        </span>
        <span role="columnheader">{t('ui.bills.state')}</span>
        <span role="columnheader">
          <span className="sr-only">{t('ui.bills.actions')}</span>
        </span>
      </div>
      <div className="virtual-scroll bill-scroll" role="rowgroup" ref={scrollRef} tabIndex={-1}>
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((row) => {
            const bill = bills[row.index]
            if (!bill) return null
            const key = billKey(bill)
            const payable = isPayable(bill)
            const checkboxId = `bill-${key}`
            return (
              <div
                key={key}
                className={`virtual-row bill-row ${selectedKeys.has(key) ? 'bill-selected' : ''}`}
                role="row"
                aria-rowindex={row.index + 2}
                style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
                data-testid="bill-row"
              >
                <span role="cell" className="col-pick">
                  <input
                    id={checkboxId}
                    type="checkbox"
                    checked={selectedKeys.has(key)}
                    disabled={!payable}
                    onChange={() => onToggle(bill)}
                    aria-label={t('ui.bills.pickBill', { billNo: bill.billNo })}
                  />
                </span>
                <span role="cell" className="mono">
                  <label htmlFor={checkboxId}>{bill.billNo}</label>
                </span>
                <span role="cell">{formatDay(bill.billDate, language)}</span>
                <span role="cell">{formatDay(bill.dueDate, language)}</span>
                <span role="cell" className="col-amount">
                  <Money value={bill.amount} />
                </span>
                <span role="cell">
                  <StateChip state={billChipState(bill)} />
                </span>
                <span role="cell">
                  {bill.paid ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onShowPayments(bill)}
                    >
                      {t('ui.bills.showPayments')}
                    </button>
                  ) : null}
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
