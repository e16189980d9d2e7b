/** Spanish (es-CO) texts of "Buscar pago" and of a receipt's QR code scanned back. Spread into `es.ts`. */
export const findPaymentEs = {
  'ui.nav.findPayment': 'Buscar pago',
  'ui.navShort.findPayment': 'Recibos',
  'ui.findPayment.bills': 'Facturas',
  'ui.findPayment.count': '{count, plural, one {# pago encontrado} other {# pagos encontrados}}',
  'ui.findPayment.customer': 'Cliente',
  'ui.findPayment.date': 'Fecha',
  'ui.findPayment.hint':
    'Número de recibo (CAJA-01-000042), NIT o cédula del cliente, o número de factura. También puede escanear el código QR del recibo.',
  'ui.findPayment.more': 'Hay más pagos: escriba un dato más preciso para verlos todos.',
  'ui.findPayment.none': 'No hay pagos con «{query}».',
  'ui.findPayment.open': 'Ver recibo',
  'ui.findPayment.query': 'Recibo, NIT, cédula o factura',
  'ui.findPayment.receipt': 'Recibo',
  'ui.findPayment.results': 'Pagos encontrados',
  'ui.findPayment.search': 'Buscar',
  'ui.findPayment.searching': 'Buscando…',
  'ui.findPayment.state': 'Estado',
  'ui.findPayment.title': 'Buscar pago',
  'ui.findPayment.total': 'Total',
  'ui.scan.receiptNotFound': 'No se encontró el recibo {receiptNo} en esta caja.',
  'ui.scan.receiptOpened': 'Recibo {receiptNo} abierto.',
  'ui.scan.readingReceipt': 'Leyendo el código del recibo…'
} as const
