/**
 * Take the money, on one screen without scrolling: the basket (scanned and picked bills of one
 * customer), the total, the method, the cash received and change, confirm with Enter. Each scan
 * adds to the basket and puts the focus on the amount received. The receipt appears at once
 * whether or not Tigo was reachable. Offline above the cap, a supervisor at the till may approve
 * the payment (name and PIN) and it is taken again with that.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { parseCopInput } from '@shared/domain/money'
import { formatReceiptNumber } from '@shared/domain/receipt-number'
import {
  checkReference,
  normalizeReference,
  type PaymentReference,
  type ReferenceField
} from '@shared/domain/payment-reference'
import type { ApprovalView } from '@shared/ipc/channels/session'
import { isIpcError } from '@shared/ipc/result'
import type { BillView, PaymentMethod } from '@shared/ipc/views'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { Basket } from '@renderer/components/basket'
import { CashTender, type CashTenderHandle } from '@renderer/components/cash-tender'
import { ErrorMessage } from '@renderer/components/error-message'
import { IdTypeConfirm } from '@renderer/components/id-type-confirm'
import { MethodPicker } from '@renderer/components/method-picker'
import { MethodReference, type MethodReferenceHandle } from '@renderer/components/method-reference'
import { Money } from '@renderer/components/money'
import { ScreenHeader } from '@renderer/components/screen-header'
import { SupervisorApproval } from '@renderer/components/supervisor-approval'
import { SwitchCustomerDialog } from '@renderer/components/switch-customer-dialog'
import { TypedCustomer } from '@renderer/components/typed-customer'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { translateError } from '@shared/i18n'
import { useAppStore } from '@renderer/store/app-store'
import { billKey, isPayable, selectionTotal } from '@renderer/store/bill-selection'
import { addScannedBill } from '@renderer/store/customer-actions'
import { useCustomerStore } from '@renderer/store/customer-store'
import { useReceiptStore } from '@renderer/store/receipt-store'

/** Refusals a supervisor's approval answers, and the cap each approval lifts. */
type ApprovalFor = 'over_offline_cap' | 'over_pending_total'
const APPROVAL_CODES = new Set(['over_offline_cap', 'over_pending_total', 'approval_invalid'])

/** Other unpaid bills of the open contract offered for adding; the rest stay on the file. */
const EXTRA_BILLS_SHOWN = 30

function useOtherBills(): BillView[] {
  const selection = useCustomerStore((state) => state.selection)
  const bills = useCustomerStore((state) => state.bills)
  return useMemo(() => {
    const chosen = new Set(selection.map(billKey))
    return (bills?.bills ?? [])
      .filter((bill) => isPayable(bill) && !chosen.has(billKey(bill)))
      .slice(0, EXTRA_BILLS_SHOWN)
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
  const describe = useDescribeError()
  const go = useAppStore((state) => state.go)
  const announce = useAppStore((state) => state.announce)
  const customer = useCustomerStore((state) => state.customer)
  const selection = useCustomerStore((state) => state.selection)
  const add = useCustomerStore((state) => state.add)
  const remove = useCustomerStore((state) => state.remove)
  const clearSelection = useCustomerStore((state) => state.clearSelection)
  const pendingSwitch = useCustomerStore((state) => state.pendingSwitch)
  const askSwitch = useCustomerStore((state) => state.askSwitch)
  const scanSerial = useCustomerStore((state) => state.scanSerial)
  const typed = useCustomerStore((state) => state.typed)
  const setReceipt = useReceiptStore((state) => state.setReceipt)
  const others = useOtherBills()
  const [method, setMethod] = useState<PaymentMethod>('cash')
  const [tenderedText, setTenderedText] = useState('')
  const [tenderShown, setTenderShown] = useState<string | null>(null)
  const [reference, setReference] = useState<PaymentReference>({})
  const [referenceErrors, setReferenceErrors] = useState<Partial<Record<ReferenceField, string>>>(
    {}
  )
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  /** Offline above the cap: a supervisor may approve this payment. */
  const [overCap, setOverCap] = useState(false)
  const [approvalFor, setApprovalFor] = useState<ApprovalFor>('over_offline_cap')
  /** Refused for want of an open shift: one key (F7) opens the shift screen. */
  const [needsShift, setNeedsShift] = useState(false)
  const [approving, setApproving] = useState(false)
  const submitting = useRef(false)
  const tender = useRef<CashTenderHandle>(null)
  const referenceFields = useRef<MethodReferenceHandle>(null)
  const language = useLanguage()
  const total = selectionTotal(selection)
  const customerKey = customer ? `${customer.idType}/${customer.identification}` : ''
  const basketEmpty = selection.length === 0

  // Another customer, or an emptied basket, starts from a blank amount received.
  useEffect(() => {
    setTenderedText('')
    setTenderShown(null)
    setReference({})
    setReferenceErrors({})
    setFailure(null)
  }, [customerKey, basketEmpty])

  const idTypeSelect = useRef<HTMLSelectElement>(null)
  const unconfirmed = customer?.idType === null
  // After a scan the next keystroke is the id type to confirm (a customer found by its barcode),
  // then the amount received (or the method's reference).
  useEffect(() => {
    if (scanSerial === 0) return
    if (unconfirmed) idTypeSelect.current?.focus()
    else (tender.current ?? referenceFields.current)?.focus()
  }, [scanSerial, unconfirmed])

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
    const methodReference = normalizeReference(method, reference)
    const problems = checkReference(method, methodReference)
    setReferenceErrors(
      Object.fromEntries(
        problems.map((problem) => [problem.field, translateError(language, problem.code)])
      )
    )
    if (problems.length > 0) return
    const tendered = method === 'cash' ? parseCopInput(tenderedText) : undefined
    submitting.current = true
    setBusy(true)
    try {
      const receipt = await api.invoke('payments:register', {
        idType,
        identification: payer.identification,
        customerName: payer.name || undefined,
        bills: selection.map(({ billNo, contractId, amount, unverified, dueDate }) => ({
          billNo,
          contractId,
          amount,
          // Read offline from its barcode alone: main queues it for the engine's check.
          ...(unverified ? { unverified: { dueDate: dueDate ?? '' } } : {})
        })),
        method,
        tendered,
        ...(method === 'cash' ? {} : { reference: methodReference }),
        ...(approvalId ? { approvalId, approvalFor } : {})
      })
      setReceipt(receipt)
      clearSelection()
      setTenderedText('')
      setReference({})
      announce(
        'success',
        t('ui.pay.saved', {
          receiptNo: formatReceiptNumber(receipt.terminalId, receipt.receiptNo)
        })
      )
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
              {payer.name || (typed ? t('ui.typedCustomer.name') : '')} ·{' '}
              {payer.idType ? t(`idType.${payer.idType}`) : `(${t('ui.idConfirm.unconfirmed')})`}{' '}
              {payer.identification}
            </span>
          </>
        }
      />
      {typed && payer.idType === null ? (
        <TypedCustomer selectRef={idTypeSelect} />
      ) : (
        <IdTypeConfirm
          key={payer.identification}
          customer={payer}
          compact
          selectRef={idTypeSelect}
        />
      )}
      <form
        className="pay-form"
        onSubmit={(event) => void confirm(event)}
        onKeyDown={onKeyDown}
        noValidate
      >
        <Basket basket={selection} others={others} onAdd={add} onRemove={remove} />
        <div className="pay-side">
          <div className="pay-total" data-testid="pay-total">
            <span>{t('ui.pay.total')}</span>
            <Money value={total} className="huge" />
          </div>
          <MethodPicker
            value={method}
            onChange={(next) => {
              setMethod(next)
              setReferenceErrors({})
            }}
          />
          {method === 'cash' ? (
            <CashTender
              ref={tender}
              total={total}
              text={tenderedText}
              onText={(text) => {
                setTenderedText(text)
                setTenderShown(null)
              }}
              error={tenderShown}
            />
          ) : (
            <MethodReference
              ref={referenceFields}
              method={method}
              value={reference}
              onChange={(next) => {
                setReference(next)
                setReferenceErrors({})
              }}
              errors={referenceErrors}
            />
          )}
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
      {pendingSwitch ? (
        <SwitchCustomerDialog
          current={payer}
          scanned={pendingSwitch}
          onFinish={() => {
            askSwitch(null)
            tender.current?.focus()
          }}
          onStartNew={() => {
            clearSelection()
            addScannedBill(pendingSwitch)
          }}
        />
      ) : null}
    </section>
  )
}
