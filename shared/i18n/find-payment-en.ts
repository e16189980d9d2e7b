/** English texts of "Buscar pago" and of a receipt's QR code scanned back. Spread into `en.ts`. */
export const findPaymentEn = {
  'ui.nav.findPayment': 'Find payment',
  'ui.navShort.findPayment': 'Receipts',
  'ui.findPayment.bills': 'Bills',
  'ui.findPayment.count': '{count, plural, one {# payment found} other {# payments found}}',
  'ui.findPayment.customer': 'Customer',
  'ui.findPayment.date': 'Date',
  'ui.findPayment.hint':
    "Receipt number (CAJA-01-000042), the customer's NIT or ID number, or a bill number. You can also scan the receipt's QR code.",
  'ui.findPayment.more': 'More payments match: type something more precise to see them all.',
  'ui.findPayment.none': 'No payments match «{query}».',
  'ui.findPayment.open': 'Open receipt',
  'ui.findPayment.query': 'Receipt, NIT, ID or bill',
  'ui.findPayment.receipt': 'Receipt',
  'ui.findPayment.results': 'Payments found',
  'ui.findPayment.search': 'Search',
  'ui.findPayment.searching': 'Searching…',
  'ui.findPayment.state': 'State',
  'ui.findPayment.title': 'Find payment',
  'ui.findPayment.total': 'Total',
  'ui.scan.receiptNotFound': 'Receipt {receiptNo} was not found at this till.',
  'ui.scan.receiptOpened': 'Receipt {receiptNo} opened.',
  'ui.scan.readingReceipt': "Reading the receipt's code…"
} as const
