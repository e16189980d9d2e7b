/**
 * Take the money: ticked bills of one customer, a method, cash tendered and change, confirm with
 * Enter. The receipt appears at once whether or not Tigo was reachable. Offline above the cap, a
 * supervisor at the till may approve the payment (name and PIN) and it is taken again with that.
 */
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { parseCopInput } from '../../shared/domain/money'
import type { ApprovalView } from '../../shared/ipc/channels/session'
import { isIpcError } from '../../shared/ipc/result'
import type { BillView, PaymentMethod } from '../../shared/ipc/views'
import { api } from '../api'
import { ActionButton } from '../components/action-button'
import { CashTender } from '../components/cash-tender'
import { ErrorMessage } from '../components/error-message'
import { IdTypeConfirm } from '../components/id-type-confirm'
import { MethodPicker } from '../components/method-picker'
import { Money } from '../components/money'
import { ScreenHeader } from '../components/screen-header'
import { SupervisorApproval } from '../components/supervisor-approval'
import { formatDay } from '../lib/format'
import { useDescribeError, useLanguage, useT } from '../i18n/use-t'
import { useAppStore } from '../store/app-store'
import { billKey, isPayable, selectionTotal } from '../store/bill-selection'
import { useCustomerStore } from '../store/customer-store'
import { useReceiptStore } from '../store/receipt-store'

/** Refusals a supervisor's approval answers, and the cap each approval lifts. */
type ApprovalFor = 'over_offline_cap' | 'over_pending_total'
const APPROVAL_CODES = new Set(['over_offline_cap', 'over_pending_total', 'approval_invalid'])

/** Other unpaid bills of the open contract offered for ticking here; the rest stay on the file. */
const EXTRA_BILLS_SHOWN = 30

function useBillChoices(): BillView[] {
  const selection = useCustomerStore((state) => state.selection)
  const bills = useCustomerStore((state) => state.bills)
  return useMemo(() => {
    const chosen = new Set(selection.map(billKey))
    const extra = (bills?.bills ?? [])
      .filter((bill) => isPayable(bill) && !chosen.has(billKey(bill)))
      .slice(0, EXTRA_BILLS_SHOWN)
    return [...selection, ...extra]
  }, [selection, bills])
}

function tenderError(text: string, total: number, t: (key: string) => string): string | null {
  if (text.trim() === '') return null
  const tendered = parseCopInput(text)
  if (tendered === undefined) return t('ui.pay.tenderedInvalid')
  return tendered < total ? t('ui.pay.tenderedShort') : null
}

export function PayScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const go = useAppStore((state) => state.go)
  const announce = useAppStore((state) => state.announce)
  const customer = useCustomerStore((state) => state.customer)
  const selection = useCustomerStore((state) => state.selection)
  const toggle = useCustomerStore((state) => state.toggle)
  const clearSelection = useCustomerStore((state) => state.clearSelection)
  const setReceipt = useReceiptStore((state) => state.setReceipt)
  const choices = useBillChoices()
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [tenderedText, setTenderedText] = useState('')
  const [tenderShown, setTenderShown] = useState<string | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** Offline above the cap: a supervisor may approve this payment. */
  const [overCap, setOverCap] = useState(false)
  const [approvalFor, setApprovalFor] = useState<ApprovalFor>('over_offline_cap')
  /** Refused for want of an open shift: one key (F7) opens the shift screen. */
  const [needsShift, setNeedsShift] = useState(false)
  const [approving, setApproving] = useState(false)
  const submitting = useRef(false)
  const total = selectionTotal(selection)
  const chosen = new Set(selection.map(billKey))

  if (!customer) {
    return (
      <section>
        <ScreenHeader title={t('ui.pay.title')} />
        <p className="empty">{t('ui.pay.noCustomer')}</p>
        <ActionButton variant="primary" shortcut="F2" onClick={() => go('search')} data-autofocus>
          {t('ui.nav.search')}
        </ActionButton>
      </section>
    )
  }
  const payer = customer

  async function confirm(event: FormEvent): Promise<void> {
    event.preventDefault()
    await submit()
  }

  async function approved(approval: ApprovalView): Promise<void> {
    setApproving(false)
    await submit(approval.approvalId)
  }

  async function submit(approvalId?: string): Promise<void> {
    if (submitting.current) return
    setFailure(null)
    setOverCap(false)
    setNeedsShift(false)
    if (selection.length === 0) {
      setFailure(t('ui.pay.nothingSelected'))
      return
    }
    // Never a guessed id type: it decides the customer the payment is registered to.
    const idType = payer.idType
    if (idType === null) {
      setFailure(t('ui.idConfirm.required'))
      return
    }
    const cashError = method === 'cash' ? tenderError(tenderedText, total, t) : null
    setTenderShown(cashError)
    if (cashError) return
    const tendered = method === 'cash' ? parseCopInput(tenderedText) : undefined
    submitting.current = true
    setBusy(true)
    try {
      const receipt = await api.invoke('payments:register', {
        idType,
        identification: payer.identification,
        customerName: payer.name || undefined,
        bills: selection.map(({ billNo, contractId, amount }) => ({ billNo, contractId, amount })),
        method,
        tendered,
        ...(approvalId ? { approvalId, approvalFor } : {})
      })
      setReceipt(receipt)
      clearSelection()
      setTenderedText('')
      announce('success', t('ui.pay.saved', { receiptNo: receipt.receiptNo }))
      go('receipt')
    } catch (error) {
      // An approval that expired or was spent meanwhile can be asked for again.
      setOverCap(isIpcError(error) && APPROVAL_CODES.has(error.code))
      if (isIpcError(error) && error.code === 'over_offline_cap') setApprovalFor('over_offline_cap')
      if (isIpcError(error) && error.code === 'over_pending_total') {
        setApprovalFor('over_pending_total')
      }
      setNeedsShift(isIpcError(error) && error.code === 'shift_required')
      setFailure(describe(error))
    } finally {
      submitting.current = false
      setBusy(false)
    }
  }

  // Enter on a checkbox or radio confirms too, as the button says.
  function onKeyDown(event: KeyboardEvent<HTMLFormElement>): void {
    const target = event.target as HTMLElement
    if (event.key === 'Enter' && target instanceof HTMLInputElement && target.type !== 'text') {
      event.preventDefault()
      event.currentTarget.requestSubmit()
    }
  }

  return (
    <section className="pay-screen">
      <ScreenHeader
        title={
          <>
            {t('ui.pay.title')}{' '}
            <span className="subtitle">
              {payer.name} ·{' '}
              {payer.idType ? t(`idType.${payer.idType}`) : `(${t('ui.idConfirm.unconfirmed')})`}{' '}
              {payer.identification}
            </span>
          </>
        }
      />
      <IdTypeConfirm key={payer.identification} customer={payer} />
      <form
        className="pay-form"
        onSubmit={(event) => void confirm(event)}
        onKeyDown={onKeyDown}
        noValidate
      >
        <fieldset className="pay-bills">
          <legend>{t('ui.pay.bills')}</legend>
          {choices.length === 0 ? <p className="empty">{t('ui.pay.noBills')}</p> : null}
          <ul>
            {choices.map((bill, index) => (
              <li key={billKey(bill)} className={chosen.has(billKey(bill)) ? 'pay-bill-on' : ''}>
                <label>
                  <input
                    type="checkbox"
                    checked={chosen.has(billKey(bill))}
                    onChange={() => toggle(bill)}
                    data-autofocus={index === 0 ? true : undefined}
                  />
                  <span className="mono">{bill.billNo}</span>
                  <span className="muted">
                    {t('ui.pay.billLine', {
                      contractId: bill.contractId,
                      due: formatDay(bill.dueDate, language)
                    })}
                  </span>
                  {bill.overdue ? (
                    <span className="chip chip-overdue">{t('ui.state.overdue')}</span>
                  ) : null}
                  <Money value={bill.amount} />
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="pay-side">
          <div className="pay-total" data-testid="pay-total">
            <span>{t('ui.pay.total')}</span>
            <Money value={total} className="huge" />
          </div>
          <MethodPicker value={method} onChange={setMethod} />
          {method === 'cash' ? (
            <CashTender
              total={total}
              text={tenderedText}
              onText={(text) => {
                setTenderedText(text)
                setTenderShown(null)
              }}
              error={tenderShown}
            />
          ) : null}
          <ErrorMessage text={failure} />
          {needsShift ? (
            <ActionButton
              variant="primary"
              shortcut="F7"
              onClick={() => go('shift')}
              data-testid="open-shift-now"
            >
              {t('ui.shift.openNow')}
            </ActionButton>
          ) : null}
          {overCap ? (
            <ActionButton onClick={() => setApproving(true)} data-testid="request-approval">
              {t('ui.approval.request')}
            </ActionButton>
          ) : null}
          <ActionButton
            type="submit"
            variant="primary"
            shortcut="Enter"
            className="btn-confirm"
            disabled={busy || selection.length === 0 || payer.idType === null}
          >
            {busy ? t('ui.pay.saving') : t('ui.pay.confirm')}
          </ActionButton>
        </div>
      </form>
      {approving ? (
        <SupervisorApproval
          action={`payment.${approvalFor}`}
          reason={
            approvalFor === 'over_pending_total'
              ? t('ui.approval.overPendingTotal')
              : t('ui.approval.overCap')
          }
          onApproved={(approval) => void approved(approval)}
          onCancel={() => setApproving(false)}
        />
      ) : null}
    </section>
  )
}
