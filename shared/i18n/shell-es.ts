/** Spanish (es-CO) texts the Electron shell shows itself (dialogs of the main process). Spread into `es.ts`. */
export const shellEs = {
  'error.print_timeout':
    'La impresora «{printer}» no respondió en {seconds, plural, one {# segundo} other {# segundos}}. Revise que esté encendida, conectada y con papel, y vuelva a imprimir.',
  'shell.close.cancel': 'Seguir en Caja',
  'shell.close.confirm': 'Cerrar Caja',
  'shell.close.detail':
    'Están guardados en este equipo y se enviarán a Tigo la próxima vez que Caja se abra con conexión. Mientras Caja esté cerrada no se envían.',
  'shell.close.message':
    '{count, plural, one {Hay # pago esperando} other {Hay # pagos esperando}} para enviarse a Tigo. ¿Cerrar Caja de todos modos?',
  'shell.close.title': 'Pagos pendientes',
  'shell.crash.again':
    'La pantalla de Caja falló {count, plural, one {# vez} other {# veces seguidas}} y no se volverá a abrir sola. Cierre Caja y ábrala de nuevo; si se repite, avise a soporte con el registro: {log}',
  'shell.crash.detail':
    'La venta que estaba en curso y no se había confirmado se perdió: búsquela de nuevo. Los pagos ya guardados están a salvo y se enviarán a Tigo. Registro: {log}',
  'shell.crash.message': 'La pantalla de Caja se cerró inesperadamente y se volvió a abrir.',
  'shell.crash.title': 'Caja se recuperó de un fallo',
  'shell.ok': 'Aceptar',
  'shell.startup.detail': '{reason}\n\nEl detalle está en el registro: {log}',
  'shell.startup.message': 'Caja no pudo iniciar.',
  'shell.startup.title': 'Caja no pudo iniciar',
  'print.test.at': 'Fecha',
  'print.test.paper': 'Papel',
  'print.test.paperWidth': '{width} mm, {chars} caracteres',
  'print.test.printer': 'Impresora',
  'print.test.rulerHint': 'La línea de números debe caber completa: {chars} caracteres.',
  'print.test.systemDialog': 'Elegida en el diálogo del sistema',
  'print.test.terminal': 'Caja',
  'print.test.title': 'PRUEBA DE IMPRESIÓN',
  'ui.audit.action.printer.test_printed':
    'Imprimió una prueba en «{printer}» (papel de {paperWidth} mm).',
  'ui.audit.actionName.printer.test_printed': 'Prueba de impresión',
  'ui.settings.printerChoose': 'Preguntar cada vez (diálogo del sistema)',
  'ui.settings.printerLoading': 'Buscando impresoras…',
  'ui.settings.printerMissing': '{name} (no está en este equipo)',
  'ui.settings.printerNone':
    'El sistema no informó ninguna impresora. Instálela en el sistema operativo y vuelva a abrir esta pantalla.',
  'ui.settings.printersFailed': 'No se pudo leer la lista de impresoras del sistema.',
  'ui.settings.testPrint': 'Imprimir prueba',
  'ui.settings.testPrintCancelled': 'Prueba cancelada.',
  'ui.settings.testPrintPdf': 'Prueba guardada en PDF: {file}',
  'ui.settings.testPrintSent': 'Prueba enviada a la impresora.',
  'ui.settings.testPrinting': 'Imprimiendo prueba…'
} satisfies Record<string, string>
