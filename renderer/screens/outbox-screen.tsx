/** Every payment this terminal took, with each bill's sync state, filters and retries. */
import { useCallback, useEffect, useMemo, useState } from 'react'
import type { OutboxPaymentView, OutboxState } from '@shared/ipc/views'
import { OUTBOX_STATES } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { DayField } from '@renderer/components/day-field'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { BulkDecision } from '@renderer/components/outbox-bulk-decision'
import { OutboxPayment, type SupervisorDecision } from '@renderer/components/outbox-payment'
import { ReceiptPrintActions } from '@renderer/components/receipt-print-actions'
import { ScreenHeader } from '@renderer/components/screen-header'
import {
  canRetry,
  decisionsFor,
  matchesFilter,
  openFirst,
  parseDayInput,
  toOutboxQuery,
  type OutboxFilter,
  type StateFilter
} from '@renderer/lib/outbox-rules'
import { useDescribeError, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'

const STATE_FILTERS: readonly StateFilter[] = ['open', 'all', ...OUTBOX_STATES, 'flagged']

function useOutbox(filter: OutboxFilter) {
  const describe = useDescribeError()
  const [payments, setPayments] = useState<OutboxPaymentView[] | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const { state, from, to } = filter

  const reload = useCallback(async () => {
    try {
      setPayments(await api.invoke('outbox:list', toOutboxQuery({ state, from, to })))
      setFailure(null)
    } catch (error) {
      setFailure(describe(error))
    }
  }, [state, from, to, describe])

  useEffect(() => {
    void reload()
    return api.on('outbox:changed', () => void reload())
  }, [reload])

  return { payments, failure, reload }
}

export function OutboxScreen() {
  const t = useT()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  // Pending payments by default: registered ones are history, under their own filter.
  const [stateFilter, setStateFilter] = useState<StateFilter>('open')
  const [fromText, setFromText] = useState('')
  const [toText, setToText] = useState('')
  const from = parseDayInput(fromText)
  const to = parseDayInput(toText)
  const filter: OutboxFilter = useMemo(
    () => ({ state: stateFilter, from: from ?? '', to: to ?? '' }),
    [stateFilter, from, to]
  )
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set())
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set())
  const [paidAtTigo, setPaidAtTigo] = useState<ReadonlySet<number>>(new Set())
  const [busy, setBusy] = useState(false)
  const { payments, failure, reload } = useOutbox(filter)

  const shown = useMemo(
    () =>
      openFirst(payments ?? [])
        .map((payment) => ({
          payment,
          items: payment.items.filter((item) => matchesFilter(item, filter))
        }))
        .filter((entry) => entry.items.length > 0),
    [payments, filter]
  )
  const retryable = shown.flatMap((entry) =>
    entry.items
      .filter((item) => canRetry(item) && !paidAtTigo.has(item.itemId))
      .map((item) => item.itemId)
  )
  const decidable = shown.flatMap((entry) => entry.items.filter((i) => decisionsFor(i).length > 0))
  const chosenItems = decidable.filter((item) => chosen.has(item.itemId))

  const toggle = (itemId: number) => (current: ReadonlySet<number>) => {
    const next = new Set(current)
    if (next.has(itemId)) next.delete(itemId)
    else next.add(itemId)
    return next
  }
  const pick = (itemId: number): void => setPicked(toggle(itemId))
  const choose = (itemId: number): void => setChosen(toggle(itemId))

  /** One supervisor action at a time: busy while it runs, a failure announced, then the list again. */
  async function act(work: () => Promise<void>): Promise<boolean> {
    setBusy(true)
    try {
      await work()
      await reload()
      return true
    } catch (error) {
      announce('error', describe(error))
      return false
    } finally {
      setBusy(false)
    }
  }

  async function retry(itemIds: number[]): Promise<void> {
    if (itemIds.length === 0) return
    await act(async () => {
      const { retried, billPaid = [] } = await api.invoke('outbox:retry', { itemIds })
      if (billPaid.length > 0) {
        setPaidAtTigo((current) => new Set([...current, ...billPaid]))
        announce('error', t('ui.outbox.retryBillPaid', { count: billPaid.length }))
      } else announce('success', t('ui.outbox.retried', { count: retried }))
      setPicked(new Set())
    })
  }

  async function decide(
    itemId: number,
    decision: SupervisorDecision,
    note: string
  ): Promise<boolean> {
    return act(async () => {
      const { state } = await api.invoke('outbox:decide', { itemId, decision, note })
      announce('success', t(`ui.state.${state}`))
    })
  }

  async function decideMany(decision: SupervisorDecision, note: string): Promise<boolean> {
    const itemIds = chosenItems.map((item) => item.itemId)
    if (itemIds.length === 0) return false
    return act(async () => {
      const { results } = await api.invoke('outbox:decideMany', { itemIds, decision, note })
      const failed = results.filter((result) => result.error !== undefined)
      const billOf = new Map(chosenItems.map((item) => [item.itemId, item.billNo]))
      announce(
        failed.length > 0 ? 'error' : 'success',
        [
          t('ui.outbox.bulkDone', { done: results.length - failed.length, failed: failed.length }),
          ...failed.map((result) =>
            t('ui.outbox.bulkFailed', {
              billNo: billOf.get(result.itemId) ?? String(result.itemId),
              reason: describe({ code: result.error })
            })
          )
        ].join(' ')
      )
      setChosen(new Set(failed.map((result) => result.itemId)))
    })
  }

  return (
    <section className="outbox-screen">
      <ScreenHeader title={t('ui.outbox.title')}>
        <ActionButton
          variant="primary"
          disabled={busy || picked.size === 0}
          onClick={() => void retry([...picked])}
        >
          {t('ui.outbox.retryPicked', { count: picked.size })}
        </ActionButton>
        <ActionButton
          disabled={busy || retryable.length === 0}
          onClick={() => setPicked(new Set(retryable))}
        >
          {t('ui.outbox.pickAll')}
        </ActionButton>
        <ActionButton
          disabled={busy || decidable.length === 0}
          onClick={() => setChosen(new Set(decidable.map((item) => item.itemId)))}
        >
          {t('ui.outbox.chooseAll')}
        </ActionButton>
      </ScreenHeader>
      {chosenItems.length > 0 ? (
        <BulkDecision
          chosen={chosenItems}
          busy={busy}
          onDecide={decideMany}
          onClear={() => setChosen(new Set())}
        />
      ) : null}
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <Field label={t('ui.outbox.filterState')}>
          <select
            value={stateFilter}
            data-autofocus
            onChange={(event) => setStateFilter(event.target.value as StateFilter)}
          >
            {STATE_FILTERS.map((state) => (
              <option key={state} value={state}>
                {state === 'all'
                  ? t('ui.outbox.allStates')
                  : state === 'open'
                    ? t('ui.outbox.openStates')
                    : t(`ui.state.${state as OutboxState | 'flagged'}`)}
              </option>
            ))}
          </select>
        </Field>
        <DayField
          label={t('ui.outbox.from')}
          text={fromText}
          onText={setFromText}
          testId="outbox-from"
        />
        <DayField label={t('ui.outbox.to')} text={toText} onText={setToText} testId="outbox-to" />
      </form>
      <ErrorMessage text={failure} />
      {payments && shown.length === 0 ? <p className="empty">{t('ui.outbox.empty')}</p> : null}
      {!payments && !failure ? <p className="muted">{t('ui.common.loading')}</p> : null}
      <div className="outbox-list">
        {shown.map(({ payment, items }) => (
          <div key={payment.id} className="outbox-entry">
            <OutboxPayment
              payment={payment}
              items={items}
              picked={picked}
              onPick={pick}
              chosen={chosen}
              onChoose={choose}
              paidAtTigo={paidAtTigo}
              onRetry={(itemIds) => void retry(itemIds)}
              onDecide={decide}
              busy={busy}
            />
            <ReceiptPrintActions paymentId={payment.id} reprint />
          </div>
        ))}
      </div>
    </section>
  )
}
