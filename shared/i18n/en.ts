import type { EsKey } from './es'
import { findPaymentEn } from './find-payment-en'
import { shellEn } from './shell-en'
import { uiBackOfficeEn } from './ui-back-office-en'
import { uiCounterEn } from './ui-counter-en'
import { uiOutboxAuditEn } from './ui-outbox-audit-en'
import { uiShiftEn } from './ui-shift-en'

/** English. Every key of es.ts should be here too (a unit test checks it). */
export const en: Record<EsKey, string> = {
  ...uiCounterEn,
  ...uiShiftEn,
  ...uiOutboxAuditEn,
  ...uiBackOfficeEn,
  ...shellEn,
  ...findPaymentEn,
  'idType.CC': 'Citizenship ID card (CC)',
  'idType.CE': 'Foreigner ID card (CE)',
  'idType.DE': 'Foreign ID document',
  'idType.NIT': 'NIT (tax ID)',
  'idType.NITE': 'Foreign tax ID',
  'idType.NUIP': 'NUIP (personal ID number)',
  'idType.PEP': 'Special stay permit (PEP)',
  'idType.PP': 'Passport',
  'idType.RC': 'Birth certificate (civil registry)',
  'idType.TE': 'Foreigner card (TE)',
  'idType.TI': 'Identity card for minors (TI)',
  'error.amount_invalid':
    'The amount "{value}" is not valid: it must be whole pesos, without cents.',
  'error.amount_not_positive': 'The amount must be greater than zero.',
  'error.amount_over_cap': 'The amount is over the allowed maximum ({cap} pesos).',
  'error.api_bad_credentials':
    'Tigo rejected the application credentials. Check the client ID and secret in Settings.',
  'error.api_busy': 'Tigo is receiving too many requests. Try again in a moment.',
  'error.api_invalid_response':
    'Tigo sent an answer the app does not understand. Try again or contact support.',
  'error.api_not_found': 'Tigo did not find what you looked for. Check the data.',
  'error.api_rejected': 'Tigo rejected the request: {message}',
  'error.api_unauthorized': 'Tigo did not accept the application authorization. Contact support.',
  'error.api_uncertain':
    'Tigo did not confirm the operation. It may have gone through: it will be checked before any retry.',
  'error.api_unreachable': 'There is no connection to Tigo. The request was not sent.',
  'error.barcode_ambiguous':
    'The barcode can be read in more than one way. Type the bill details instead.',
  'error.barcode_amount': 'The amount in the barcode is not valid ({value}).',
  'error.barcode_due_date': 'The due date in the barcode is not a valid date ({value}).',
  'error.barcode_gln_check': 'The company code in the barcode ({gln}) is not valid. Scan again.',
  'error.barcode_malformed': 'The bill barcode could not be read. Scan again or type the details.',
  'error.nit_check_digit':
    'The check digit does not match this NIT (it should be {expected}). Check the number.',
  'error.nit_format':
    'Type the NIT with digits only and, if you have it, the check digit after a dash (900123456-7).',
  'error.nit_invalid': 'A NIT has digits only, at most {max}.',
  'error.settings_invalid_url':
    'The {field} address is not valid: it must start with http:// or https:// and contain no user or password.',
  'error.identification_format': 'For {type} type digits only.',
  'error.identification_format_alphanumeric': 'For {type} type letters and digits only.',
  'error.identification_length': 'The {type} number must have between {min} and {max} characters.',
  'error.identification_required': 'Type the identification number.',
  'error.bill_already_paid': 'Bill {billNo} is already paid. Look the customer up again.',
  'error.bill_paid_elsewhere':
    'Tigo already had this bill as paid through another channel: this payment was not registered. Check whether the money must be returned.',
  'error.register_refused': 'Tigo refused to register the bill. Review it with a supervisor.',
  'error.invalid_id_type': 'The payment has an invalid document type: it cannot be sent to Tigo.',
  'error.invalid_request': 'The payment has data that cannot be sent to Tigo: {detail}',
  'error.bill_already_queued':
    'Bill {billNo} already has a payment waiting or registered. It cannot be charged twice.',
  'error.bill_duplicate': 'Bill {billNo} appears twice in this payment.',
  'error.id_type_unconfirmed':
    "Confirm the customer's id type before taking payment for bill {billNo}.",
  'error.id_type_not_found':
    'Tigo has no customer with {idType} {identification}. Check the id type with the customer.',
  'error.bill_not_customer': 'Bill {billNo} does not belong to customer {identification}.',
  'error.bill_unknown':
    'Bill {billNo} of contract {contractId} is not in the looked-up data. Look the customer up again.',
  'error.amount_mismatch':
    'Bill {billNo} must be paid exactly {expected} ({given} was given). Partial payments are not accepted.',
  'error.db_busy':
    'The database is busy with another process. Try again; if it keeps happening, close other copies of Caja.',
  'error.db_migration_failed':
    'The database could not be updated (step {version}): {detail}. Nothing was changed. Contact support.',
  'error.db_newer_version':
    'The database belongs to a newer Caja (version {found}, this one supports up to {supported}). Install the latest version.',
  'error.db_pragmas':
    'Caja cannot store payments safely in the folder {dir} ({detail}). Check that it exists and is writable.',
  'error.db_readonly':
    'The payment database is read-only: the last change was not saved. Check the data folder permissions.',
  'error.disk_full':
    'The disk is full: the last change was not saved (everything saved before is intact). Free some space and try again.',
  'error.outbox_item_unknown': 'Outbox item {itemId} does not exist.',
  'error.outbox_transition_illegal': 'Outbox item {itemId} cannot go from "{from}" to "{to}".',
  'error.supervisor_note_required': 'Write a note that justifies the decision.',
  'error.outbox_decision_not_allowed':
    'Outbox item {itemId} ({state}) does not allow "{decision}".',
  'error.outbox_resend_unverified': 'Tigo could not confirm the bill is still unpaid; not resent.',
  'error.outbox_resend_bill_paid': 'Tigo has the bill as paid; not resent.',
  'error.over_offline_cap':
    "While offline a payment cannot exceed {cap} (this one is {total}). A supervisor's approval is needed.",
  'error.over_pending_total':
    '{pending} in payments is waiting to be sent; this one ({total}) would exceed the maximum of {cap}. Wait until they are sent, or ask a supervisor to approve it.',
  'error.payment_method_invalid': 'Payment method "{method}" is not valid.',
  'error.payment_no_bills': 'Select at least one bill to pay.',
  'error.tendered_insufficient': 'The cash received ({tendered}) is less than the total ({total}).',
  'error.api_credentials_missing':
    'The Tigo API client id or secret is missing. Set them in Settings.',
  'error.barcode_bill_not_found': 'No bill found for reference {reference}.',
  'error.checkout_failed': 'Tigo could not start the online payment. {detail}',
  'error.forbidden': 'You are not allowed to do this.',
  'error.not_implemented': 'This feature is not available yet.',
  'error.payment_not_found': 'Payment not found.',
  'error.settings_out_of_range': '{field} must be between {min} and {max}.',
  'error.settings_api_change_pending':
    'The Tigo connection (API URL, token URL or client ID) cannot be changed while {count, plural, one {# bill waits} other {# bills wait}} to be sent: they would go to a different API. Let them finish sending (or resolve them in "Payments to send") first, then try again. Changing only the client secret is allowed.',
  'error.unknown_channel': 'Unknown request.',
  'error.untrusted_sender': 'Request refused: it does not come from the till window.',
  'error.pin_format': 'The PIN must have {min} to {max} digits, numbers only.',
  'error.pin_too_simple':
    'That PIN is too easy to guess (one repeated digit or a run like 1234). Choose another.',
  'error.pin_wrong':
    'Wrong PIN. {attemptsLeft, plural, one {# attempt} other {# attempts}} left before the user is locked.',
  'error.pin_unchanged': 'The new PIN must differ from the current one.',
  'error.pin_change_required': 'Change your PIN before going on.',
  'error.sign_in_failed': 'Wrong user or PIN.',
  'error.user_disabled': 'User {name} is disabled. Talk to a supervisor.',
  'error.user_locked_out':
    'Too many wrong PINs: the user is locked for {minutes, number} min. A supervisor can reset the PIN.',
  'error.signed_out': 'Sign in to continue.',
  'error.session_locked': 'The screen is locked: type your PIN to continue.',
  'error.approval_needs_supervisor': '{name} is not a supervisor: only a supervisor can approve.',
  'error.approval_pin_change_required':
    '{name} must change the initial PIN before approving anything.',
  'error.approval_invalid':
    "The supervisor's approval was already used, expired (2 min) or is for another operation. Ask again.",
  'error.user_name_invalid':
    'The name must have 1 to {max} characters: letters, digits, spaces, dot, dash or apostrophe.',
  'error.user_name_taken': 'A user named {name} already exists.',
  'error.user_unknown': 'The user does not exist.',
  'error.user_disable_self': 'You cannot disable your own user.',
  'error.last_supervisor': 'The last active supervisor cannot be disabled.',
  'receipt.amount': 'Amount',
  'receipt.approvedBy': 'Approved by',
  'receipt.batchSource': 'Payment taken offline (batch file)',
  'receipt.bill': 'Bill',
  'receipt.billRejected': 'Tigo did not accept this bill',
  'receipt.cashier': 'Cashier',
  'receipt.change': 'Change',
  'receipt.contract': 'Contract',
  'receipt.contracts': 'Contracts',
  'receipt.copy': 'COPY',
  'receipt.customer': 'Customer',
  'receipt.date': 'Date',
  'receipt.externalRef': 'External ref.',
  'receipt.method': 'Payment method',
  'receipt.method.cash': 'Cash',
  'receipt.method.check': 'Check',
  'receipt.method.credit_card': 'Credit card',
  'receipt.method.debit_card': 'Debit card',
  'receipt.method.transfer': 'Transfer',
  'receipt.nit': 'NIT',
  'receipt.number': 'Receipt no.',
  'receipt.paymentId': 'Payment id:',
  'receipt.printedAt': 'Printed: {at}',
  'receipt.reference': 'Ref.',
  'receipt.reprintedAt': 'Reprinted: {at}',
  'receipt.status.pending': 'PENDING CONFIRMATION',
  'receipt.status.pendingNote':
    'The payment is saved at this till and will be reported to Tigo as soon as there is a connection.',
  'receipt.status.registered': 'PAYMENT REGISTERED WITH TIGO',
  'receipt.status.registeredNote': 'Tigo confirmed the payment of the bills.',
  'receipt.status.rejected': 'PAYMENT NOT ACCEPTED BY TIGO',
  'receipt.status.rejectedNote': 'One or more bills were not accepted. Ask the supervisor.',
  'receipt.tendered': 'Tendered',
  'receipt.terminal': 'Till {terminal}',
  'receipt.thanks': 'Thank you for your payment',
  'receipt.title': 'PAYMENT RECEIPT',
  'receipt.total': 'TOTAL',
  'closing.allSettled': 'Every payment of the shift is confirmed by Tigo.',
  'closing.cashIn': 'Cash in',
  'closing.cashOut': 'Cash out',
  'closing.closedAt': 'Closed',
  'closing.counted': 'Counted',
  'closing.even': 'Balanced',
  'closing.expected': 'Expected',
  'closing.notCounted': 'Not counted',
  'closing.notes': 'Notes',
  'closing.openedAt': 'Opened',
  'closing.openingFloat': 'Opening float',
  'closing.payments': '{count, plural, one {# payment} other {# payments}}',
  'closing.shift': 'Shift no.',
  'closing.shortage': 'Shortage',
  'closing.signCashier': 'Cashier signature',
  'closing.signSupervisor': 'Supervisor signature',
  'closing.state.queued': 'queued',
  'closing.state.registered': 'registered',
  'closing.state.rejected': 'rejected',
  'closing.state.sending': 'sending',
  'closing.state.uncertain': 'to be verified',
  'closing.surplus': 'Surplus',
  'closing.taken': 'Taken',
  'closing.terminal': 'Till',
  // Closing report (issue 14)
  'closing.cashLine': 'Cash in the drawer',
  'closing.differenceReason': 'Reason for the difference',
  'closing.approvedBy': 'Approved by',
  'closing.imported': 'Payments imported in batches (outside the till)',
  'closing.title': 'CASH CLOSING',
  'closing.totalCounted': 'Total counted',
  'closing.totalDifference': 'Difference',
  'closing.totalExpected': 'Total expected',
  'closing.totalPayments': 'Payments in shift',
  'closing.totalTaken': 'Total taken',
  'closing.unsettledTitle': '{count, plural, one {# BILL} other {# BILLS}} NOT CONFIRMED BY TIGO',
  'closing.csv.differenceReason': 'difference_reason',
  'closing.csv.approvedBy': 'difference_approved_by',
  'closing.csv.imported': 'imported_in_batches',
  'closing.csv.actor': 'actor',
  'closing.csv.amount': 'amount',
  'closing.csv.bill': 'bill',
  'closing.csv.cashIn': 'cash_in',
  'closing.csv.cashOut': 'cash_out',
  'closing.csv.cashier': 'cashier',
  'closing.csv.closedAt': 'closed_at',
  'closing.csv.counted': 'counted',
  'closing.csv.difference': 'difference',
  'closing.csv.expected': 'expected',
  'closing.csv.method': 'method',
  'closing.csv.movementAt': 'movement_at',
  'closing.csv.movementKind': 'movement_kind',
  'closing.csv.notes': 'notes',
  'closing.csv.openedAt': 'opened_at',
  'closing.csv.openingFloat': 'opening_float',
  'closing.csv.paymentId': 'payment_id',
  'closing.csv.payments': 'payments',
  'closing.csv.reason': 'reason',
  'closing.csv.receiptNo': 'receipt',
  'closing.csv.shift': 'shift',
  'closing.csv.state': 'state',
  'closing.csv.taken': 'taken',
  'closing.csv.terminal': 'till',
  'closing.csv.total': 'total',
  'batch.csv.accepted': 'imported',
  'batch.csv.amount': 'amount',
  'batch.csv.bill': 'bill',
  'batch.csv.detail': 'detail',
  'batch.csv.line': 'line',
  'batch.csv.paymentId': 'payment_id',
  'batch.csv.reason': 'reason',
  'batch.csv.receiptNo': 'receipt',
  'batch.csv.rejected': 'rejected',
  'batch.csv.state': 'sync_state',
  'batch.csv.status': 'result',
  'batch.reason.already_imported': 'This row was already imported (bill {billNo}).',
  'batch.reason.amount_mismatch': 'Bill {billNo} is for {expected}, not {given}.',
  'batch.reason.bill_already_paid': 'Bill {billNo} is already paid.',
  'batch.reason.bill_already_queued': 'Bill {billNo} already has a waiting or registered payment.',
  'batch.reason.bill_not_customer': 'Bill {billNo} does not belong to customer {identification}.',
  'batch.reason.id_type_unconfirmed':
    "The id type of bill {billNo}'s owner is not confirmed: look the customer up at the till and confirm it.",
  'batch.reason.bill_unknown':
    'Bill {billNo} of contract {contractId} is not in the saved data. Look the customer up before importing.',
  'batch.reason.customer_unknown':
    'There is no saved data for customer {idType} {identification}. Look them up before importing.',
  'batch.reason.duplicate_row': 'Bill {billNo} appears more than once in the file.',
  'batch.reason.identification_invalid': 'The identification "{identification}" is not valid.',
  'batch.reason.malformed_amount': 'The amount "{value}" is not a valid peso amount.',
  'batch.reason.malformed_columns':
    'The row has {found} columns and the header {expected}. Check separators and quotes.',
  'batch.reason.malformed_date':
    'The date "{value}" is not valid (use YYYY-MM-DD or DD/MM/YYYY, time optional).',
  'batch.reason.malformed_id_type': 'The id type "{value}" does not exist.',
  'batch.reason.malformed_method': 'The payment method "{value}" does not exist.',
  'batch.reason.malformed_missing': 'The {field} column is empty.',
  'batch.reason.nit_check_digit':
    'The check digit of NIT {identification} is wrong (it should be {expected}).',
  'batch.reason.paid_at_future': 'The payment date {paidAt} is in the future.',
  // Online lookups of bills never seen in this till (issue 14).
  'batch.reason.not_looked_up':
    'Not looked up at Tigo: {cause, select, offline {no connection} cancelled {the lookup was cancelled} limit {the file brings too many new customers} other {Tigo did not answer properly}}. Load the file again.',
  'batch.reason.customer_not_found': 'Tigo did not find customer {idType} {identification}.',
  'batch.reason.bill_not_found': 'Tigo has no bill {billNo} in contract {contractId}.',
  'error.batch_too_many_rows':
    'The file has more than {max} payment rows. Split it into files of up to {max} rows and import them one at a time.',
  'error.batch_too_large':
    'The file is larger than {maxMb} MB. Split it into smaller files and import them one at a time.',
  'error.batch_empty': 'The file has no payment rows.',
  'error.batch_header_invalid':
    'The file lacks columns: {missing}. Use the documented header (tipo_id, identificacion, contrato, factura, valor, medio_pago, fecha_pago).',
  'error.batch_preview_unknown': 'The file preview is no longer available. Load the file again.',
  'error.batch_unknown': 'Import {batchId} does not exist.',
  'error.cash_move_reason_required': 'Write the reason for the cash movement.',
  'error.cash_out_exceeds_drawer':
    'Cannot take out {amount}: the drawer should only hold {available}.',
  'error.print_failed': 'Could not print on "{printer}" ({reason}). Check the printer.',
  'error.shift_already_open': 'A shift is already open at till {terminalId}. Close it first.',
  'error.shift_not_open': 'No shift is open at till {terminalId}. Open one first.',
  'error.shift_not_closed': 'Shift {shiftId} has not been closed yet.',
  'error.shift_unknown': 'Shift {shiftId} does not exist.',
  // Validate by coupon (issue 14)
  'error.coupon_type_unknown':
    'There is no coupon type "{type}". Choose one from the list: {types}.',
  // Shift rules (issue 14): payments need a shift; a closing difference needs a reason.
  'error.shift_required':
    'Open a shift at till {terminalId} before taking payments: open it with the cash float.',
  'error.shift_other_cashier':
    "The shift open at till {terminalId} is {cashier}'s. Only they or a supervisor may take payments on it.",
  'error.closing_reason_required':
    'The count does not match (difference of {difference}). Write the reason for the difference.',
  'error.closing_approval_required':
    'The difference of {difference} is above {threshold}: a supervisor must approve it.',
  'error.closing_count_mismatch':
    'The cash counted ({counted}) does not match the count by denomination ({drawer}).',
  'error.internal': 'Something went wrong. Please try again.',
  'error.invalid_input': 'Invalid data: {detail}',

  // Issue 13: a card, cheque or transfer payment's own reference.
  'reference.approvalCode': 'Approval code',
  'reference.bank': 'Bank',
  'reference.cardLast4': 'Last 4 digits',
  'reference.checkNumber': 'Cheque number',
  'reference.transferReference': 'Transfer reference',
  'closing.referencesTitle': 'Card, cheque and transfer payments',
  'error.reference_missing_approvalCode': "Type the card terminal's approval code.",
  'error.reference_missing_cardLast4': 'Type the last 4 digits of the card.',
  'error.reference_missing_bank': 'Type the bank.',
  'error.reference_missing_checkNumber': 'Type the cheque number.',
  'error.reference_missing_transferReference': 'Type the transfer reference.',
  'error.reference_invalid_approvalCode':
    'The approval code has 4 to 12 letters or digits, as the card terminal prints it.',
  'error.reference_invalid_cardLast4': 'Type exactly the last 4 digits of the card.',
  'error.reference_invalid_bank': 'Type the name of the bank (2 to 60 characters).',
  'error.reference_invalid_checkNumber': 'The cheque number has 4 to 20 digits.',
  'error.reference_invalid_transferReference':
    'The transfer reference has 4 to 40 letters, digits or hyphens.',
  // Issue 13: a failed lookup speaks of the lookup, not of a payment.
  'error.lookup_no_answer':
    'Tigo did not answer the lookup in time. Try again in a moment; nothing was charged or registered.',
  // Issue 13: a bill paid offline from its barcode alone, on the printed receipt.
  'receipt.unverified': 'UNVERIFIED: Tigo will check this bill',
  // Issue 13: Tigo known to be away and nothing saved for the lookup; the cashier cancelled one.
  'error.lookup_offline':
    'There is no connection to Tigo and this lookup is not saved on the till. Try again when the connection is back.',
  'error.lookup_cancelled': 'Lookup cancelled. You can try it again.'
}
