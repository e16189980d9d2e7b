/**
 * The bills of the payment in progress (ticked) and the open contract's other unpaid bills
 * (unticked, one click to add). Supr/Delete or Retroceso on a ticked line takes it out; the
 * list scrolls inside its own box so the pay screen never does.
 */
import type { KeyboardEvent } from 'react'
import type { BillView } from '@shared/ipc/views'
import { formatDay } from '@renderer/lib/format'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { billKey } from '@renderer/store/bill-selection'
import { Money } from './money'

interface BasketProps {
  basket: readonly BillView[]
  others: readonly BillView[]
  onAdd: (bill: BillView) => void
  onRemove: (bill: BillView) => void
}

const REMOVE_KEYS = new Set(['Delete', 'Backspace'])

function BillLine({
  bill,
  inBasket,
  onToggle,
  onRemove
}: {
  bill: BillView
  inBasket: boolean
  onToggle: () => void
  onRemove: () => void
}) {
  const t = useT()
  const language = useLanguage()
  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (inBasket && REMOVE_KEYS.has(event.key)) {
      event.preventDefault()
      // The focus stays in the basket: on the next line, or the previous one at the end.
      const line = event.currentTarget.closest('li')
      const neighbour = (line?.nextElementSibling ?? line?.previousElementSibling)?.querySelector(
        'input'
      )
      onRemove()
      if (neighbour instanceof HTMLInputElement) requestAnimationFrame(() => neighbour.focus())
    }
  }
  return (
    <li
      className={inBasket ? 'pay-bill-on' : ''}
      data-testid={inBasket ? 'basket-line' : undefined}
    >
      <label>
        <input
          type="checkbox"
          checked={inBasket}
          onChange={onToggle}
          onKeyDown={onKeyDown}
          aria-keyshortcuts={inBasket ? 'Delete' : undefined}
        />
        <span className="pay-bill-text">
          <span className="mono">{bill.billNo}</span>
          <span className="muted pay-bill-detail">
            {t('ui.pay.billLine', {
              contractId: bill.contractId,
              due: formatDay(bill.dueDate, language)
            })}
          </span>
        </span>
        {bill.unverified ? (
          <span className="chip chip-unverified" title={t('ui.unverified.explain')}>
            {t('ui.unverified.chip')}
          </span>
        ) : bill.overdue ? (
          <span className="chip chip-overdue">{t('ui.state.overdue')}</span>
        ) : (
          <span />
        )}
        <Money value={bill.amount} />
      </label>
    </li>
  )
}

export function Basket({ basket, others, onAdd, onRemove }: BasketProps) {
  const t = useT()
  return (
    <div className="pay-bills" data-testid="basket">
      <fieldset>
        <legend>{t('ui.basket.title', { count: basket.length })}</legend>
        {basket.length === 0 ? <p className="empty">{t('ui.pay.noBills')}</p> : null}
        <ul>
          {basket.map((bill) => (
            <BillLine
              key={billKey(bill)}
              bill={bill}
              inBasket
              onToggle={() => onRemove(bill)}
              onRemove={() => onRemove(bill)}
            />
          ))}
        </ul>
        {basket.length > 0 ? <p className="pay-hint muted">{t('ui.basket.removeHint')}</p> : null}
      </fieldset>
      {others.length > 0 ? (
        <fieldset className="pay-others">
          <legend>{t('ui.basket.others')}</legend>
          <ul>
            {others.map((bill) => (
              <BillLine
                key={billKey(bill)}
                bill={bill}
                inBasket={false}
                onToggle={() => onAdd(bill)}
                onRemove={() => undefined}
              />
            ))}
          </ul>
        </fieldset>
      ) : null}
    </div>
  )
}
