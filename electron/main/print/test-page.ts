/**
 * The test page of the Settings screen's "test print": which printer and paper it was sent to,
 * and a ruler as wide as the roll's characters, so the cashier sees at once whether the width
 * and the font are right.
 */
import { translate } from '@shared/i18n'
import type { Language } from '@shared/i18n'
import { PAPER, RULE, charsPerLine, formatDateTime, htmlDocument, line, row } from './page'
import type { PaperWidth } from './page'

export function renderTestPageHtml(opts: {
  printerName: string
  paperWidth: PaperWidth
  language: Language
  terminalId: string
  businessName: string
  now: number
}): string {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(opts.language, key, params)
  const chars = charsPerLine(PAPER[opts.paperWidth])
  const ruler = Array.from({ length: chars }, (_unused, i) => String((i + 1) % 10)).join('')
  const body = [
    line(t('print.test.title'), 'center big'),
    line(opts.businessName, 'center'),
    RULE,
    row(t('print.test.printer'), opts.printerName || t('print.test.systemDialog')),
    row(t('print.test.paper'), t('print.test.paperWidth', { width: opts.paperWidth, chars })),
    row(t('print.test.terminal'), opts.terminalId),
    row(t('print.test.at'), formatDateTime(opts.now, opts.language)),
    RULE,
    line(ruler, 'center'),
    line(t('print.test.rulerHint', { chars }), 'center small')
  ].join('\n')
  return htmlDocument({
    title: t('print.test.title'),
    language: opts.language,
    paperWidth: opts.paperWidth,
    body
  })
}
