import { uiEn } from './ui-en'

/** English. Every key of es.ts should be here too (a unit test checks it). */
export const en: Record<string, string> = {
  ...uiEn,
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
  'error.bill_already_queued':
    'Bill {billNo} already has a payment waiting or registered. It cannot be charged twice.',
  'error.bill_duplicate': 'Bill {billNo} appears twice in this payment.',
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
  'error.over_offline_cap':
    "While offline a payment cannot exceed {cap} (this one is {total}). A supervisor's approval is needed.",
  'error.over_pending_total':
    '{pending} in payments is waiting to be sent; this one ({total}) would exceed the maximum of {cap}. Wait until they are sent.',
  'error.payment_method_invalid': 'Payment method "{method}" is not valid.',
  'error.payment_no_bills': 'Select at least one bill to pay.',
  'error.tendered_insufficient': 'The cash received ({tendered}) is less than the total ({total}).',
  'error.internal': 'Something went wrong. Please try again.',
  'error.invalid_input': 'Invalid data: {detail}'
}
