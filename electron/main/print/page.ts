/**
 * The printed page shared by receipts and closing reports: a thermal roll 80 mm or 58 mm wide, no
 * margins, as tall as the content. The page goes to the printer as an image, so the CSS sizes (in
 * points, never under 8) decide how the text reads, not the printer's own font. Inline CSS only
 * and a CSP that forbids scripts: the document is printed from a data: URL.
 */
import type { Language } from '@shared/i18n'

export type PaperWidth = 80 | 58

export interface PaperSpec {
  widthMm: number
  /** Printable width: thermal heads leave about 4 mm each side on 80 mm, 5 mm on 58 mm. */
  contentMm: number
  /**
   * Type sizes in points. Nothing is under 8 pt, the smallest a customer reads on thermal paper
   * without strain; the total is the largest line after the business name is not: it is what
   * the customer checks first.
   */
  font: { body: number; small: number; heading: number; total: number }
}

export const PAPER: Record<PaperWidth, PaperSpec> = {
  80: { widthMm: 80, contentMm: 72, font: { body: 9, small: 8, heading: 11, total: 13 } },
  58: { widthMm: 58, contentMm: 48, font: { body: 8, small: 8, heading: 10, total: 11 } }
}

/** The smallest type on any printed page, in points. */
export const MIN_FONT_PT = 8

const MM_PER_PT = 25.4 / 72

/** Characters of body text on one line: a monospace glyph is 0.6 em wide. */
export function charsPerLine(paper: PaperSpec): number {
  return Math.floor(paper.contentMm / (paper.font.body * MM_PER_PT * 0.6))
}

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

function css(paper: PaperSpec): string {
  const { font } = paper
  return `@page { size: ${paper.widthMm}mm auto; margin: 0 }
* { box-sizing: border-box }
html, body { margin: 0; padding: 0; background: #fff; color: #000 }
body { width: ${paper.widthMm}mm; padding: 3mm ${(paper.widthMm - paper.contentMm) / 2}mm 6mm;
  font-family: 'DejaVu Sans Mono', 'Liberation Mono', 'Courier New', monospace;
  font-size: ${font.body}pt; line-height: 1.25 }
.center { text-align: center }
.strong { font-weight: bold }
.big { font-size: ${font.heading}pt; font-weight: bold }
.total { font-size: ${font.total}pt; font-weight: bold }
.row { display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 1ch }
.row > span:first-child { flex: 0 1 auto; overflow-wrap: anywhere }
.row > span:last-child { margin-left: auto; text-align: right; overflow-wrap: anywhere }
.wrap { overflow-wrap: anywhere }
.rule { border-top: 1px dashed #000; margin: 1.5mm 0 }
.box { border: 2px solid #000; padding: 1mm; margin: 2mm 0; text-align: center; font-weight: bold }
.qr { display: block; margin: 2mm auto 0; width: ${Math.min(34, paper.contentMm - 10)}mm }
.qr svg { width: 100%; height: auto; display: block }
.small { font-size: ${font.small}pt }
.sign { margin-top: 10mm; border-top: 1px solid #000; text-align: center }
table { width: 100%; border-collapse: collapse }
td, th { padding: 0; vertical-align: top; text-align: left; font-weight: normal }
td.num, th.num { text-align: right; white-space: nowrap; padding-left: 1ch }`
}

export function htmlDocument(opts: {
  title: string
  language: Language
  paperWidth: PaperWidth
  body: string
}): string {
  const paper = PAPER[opts.paperWidth]
  return `<!DOCTYPE html>
<html lang="${opts.language === 'es' ? 'es-CO' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(opts.title)}</title>
<style>
${css(paper)}
</style>
</head>
<body data-paper="${paper.widthMm}">
${opts.body}
</body>
</html>
`
}

/** `label ........ value`; a value too long for the line moves under the label, right-aligned. */
export function row(label: string, value: string, className = ''): string {
  const cls = className ? `row ${className}` : 'row'
  return `<div class="${cls}"><span>${escapeHtml(label)}</span><span>${escapeHtml(value)}</span></div>`
}

export function line(text: string, className = 'wrap'): string {
  return `<div class="${className}">${escapeHtml(text)}</div>`
}

export const RULE = '<div class="rule"></div>'

const LOCALES: Record<Language, string> = { es: 'es-CO', en: 'en-US' }
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>()

/** Date and time in Bogotá, where the till is, whatever the machine's zone. */
export function formatDateTime(at: string | number, language: Language): string {
  let format = dateTimeFormats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: 'America/Bogota',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hour12: false
    })
    dateTimeFormats.set(language, format)
  }
  const ms = typeof at === 'number' ? at : Date.parse(at)
  return Number.isNaN(ms) ? String(at) : format.format(ms)
}
