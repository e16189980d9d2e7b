import type { shellEs } from './shell-es'
/** English texts the Electron shell shows itself (dialogs of the main process). Spread into `en.ts`. */
export const shellEn: Record<keyof typeof shellEs, string> = {
  'error.print_timeout':
    'The printer “{printer}” did not answer within {seconds, plural, one {# second} other {# seconds}}. Check that it is on, connected and has paper, then print again.',
  'shell.close.cancel': 'Stay in Caja',
  'shell.close.confirm': 'Close Caja',
  'shell.close.detail':
    'They are saved on this computer and will be sent to Tigo the next time Caja opens with a connection. While Caja is closed they are not sent.',
  'shell.close.message':
    '{count, plural, one {# payment is} other {# payments are}} waiting to be sent to Tigo. Close Caja anyway?',
  'shell.close.title': 'Payments waiting',
  'shell.crash.again':
    'The Caja screen failed {count, plural, one {# time} other {# times in a row}} and will not reopen by itself. Close Caja and open it again; if it happens again, tell support and give them the log: {log}',
  'shell.crash.detail':
    'The sale in progress that had not been confirmed was lost: look it up again. Payments already saved are safe and will be sent to Tigo. Log: {log}',
  'shell.crash.message': 'The Caja screen closed unexpectedly and was reopened.',
  'shell.crash.title': 'Caja recovered from a failure',
  'shell.ok': 'OK',
  'shell.startup.detail': '{reason}\n\nThe details are in the log: {log}',
  'shell.startup.message': 'Caja could not start.',
  'shell.startup.title': 'Caja could not start',
  'print.test.at': 'Date',
  'print.test.paper': 'Paper',
  'print.test.paperWidth': '{width} mm, {chars} characters',
  'print.test.printer': 'Printer',
  'print.test.rulerHint': 'The line of digits must fit whole: {chars} characters.',
  'print.test.systemDialog': 'Chosen in the system dialog',
  'print.test.terminal': 'Till',
  'print.test.title': 'TEST PRINT',
  'ui.audit.action.printer.test_printed':
    'Printed a test page on “{printer}” ({paperWidth} mm paper).',
  'ui.audit.actionName.printer.test_printed': 'Test print',
  'ui.settings.printerChoose': 'Ask every time (system dialog)',
  'ui.settings.printerLoading': 'Looking for printers…',
  'ui.settings.printerMissing': '{name} (not on this computer)',
  'ui.settings.printerNone':
    'The system reported no printer. Install it in the operating system and open this screen again.',
  'ui.settings.printersFailed': 'The system printer list could not be read.',
  'ui.settings.testPrint': 'Test print',
  'ui.settings.testPrintCancelled': 'Test print cancelled.',
  'ui.settings.testPrintPdf': 'Test print saved as PDF: {file}',
  'ui.settings.testPrintSent': 'Test page sent to the printer.',
  'ui.settings.testPrinting': 'Printing test page…'
}
