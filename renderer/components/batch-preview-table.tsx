/**
 * The rows of an offline-payments file as main checked them, virtualized: a 10,000-row file keeps
 * a few dozen rows in the DOM. Each row says valid or not and, when not, why in words.
 */
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { BatchRowView } from '@shared/ipc/channels/batch'
import { formatMoment } from '@renderer/lib/format'
import { useLanguage, useT } from '@renderer/i18n/use-t'
import { Money } from './money'

const ROW_HEIGHT = 56
/** At 1024 px the columns are narrower (till.css) and a reason takes four lines, not three. */
const NARROW_ROW_HEIGHT = 76
const NARROW_QUERY = '(width < 1300px)'

function subscribeNarrow(notify: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY)
  query.addEventListener('change', notify)
  return () => query.removeEventListener('change', notify)
}

function useRowHeight(): number {
  const narrow = useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW_QUERY).matches
  )
  return narrow ? NARROW_ROW_HEIGHT : ROW_HEIGHT
}

function rawCell(row: BatchRowView, ...names: string[]): string {
  for (const name of names) {
    const value = Object.entries(row.raw).find(
      ([column]) => column.trim().toLowerCase() === name
    )?.[1]
    if (value) return value
  }
  return ''
}

export function BatchPreviewTable({ rows }: { rows: readonly BatchRowView[] }) {
  const t = useT()
  const language = useLanguage()
  const scrollRef = useRef<HTMLDivElement>(null)
  const rowHeight = useRowHeight()
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 6
  })
  // The window resized across the breakpoint: the rows are placed again at their new height.
  useEffect(() => virtualizer.measure(), [rowHeight, virtualizer])

  return (
    <div
      className="virtual-table"
      role="table"
      aria-label={t('ui.batch.rowsTitle')}
      aria-rowcount={rows.length + 1}
      data-testid="batch-rows"
    >
      <div className="virtual-row virtual-head batch-row" role="row" aria-rowindex={1}>
        <span role="columnheader">{t('ui.batch.line')}</span>
        <span role="columnheader">{t('ui.batch.result')}</span>
        <span role="columnheader">{t('ui.batch.customer')}</span>
        <span role="columnheader">{t('ui.bills.billNo')}</span>
        <span role="columnheader" className="col-amount">
          {t('ui.bills.amount')}
        </span>
        <span role="columnheader">{t('ui.batch.paidAt')}</span>
        <span role="columnheader">{t('ui.batch.reason')}</span>
      </div>
      <div className="virtual-scroll batch-scroll" role="rowgroup" ref={scrollRef} tabIndex={0}>
        <div className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]
            if (!row) return null
            const values = row.values
            return (
              <div
                key={row.line}
                className={`virtual-row batch-row ${row.valid ? 'batch-valid' : 'batch-invalid'}`}
                role="row"
                aria-rowindex={item.index + 2}
                style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
                data-testid="batch-row"
                data-line={row.line}
              >
                <span role="cell" className="mono">
                  {row.line}
                </span>
                <span role="cell">
                  <span className={`chip ${row.valid ? 'chip-registered' : 'chip-rejected'}`}>
                    {row.valid ? t('ui.batch.valid') : t('ui.batch.invalid')}
                  </span>
                </span>
                <span role="cell" className="mono">
                  {values
                    ? `${values.idType} ${values.identification}`
                    : `${rawCell(row, 'tipo_id', 'id_type')} ${rawCell(row, 'identificacion', 'identification')}`}
                </span>
                <span role="cell" className="mono">
                  {values?.billNo ?? rawCell(row, 'factura', 'bill')}
                </span>
                <span role="cell" className="col-amount">
                  {values ? <Money value={values.amount} /> : rawCell(row, 'valor', 'amount')}
                </span>
                <span role="cell">
                  {values
                    ? `${formatMoment(values.paidAt, language)} · ${t(`ui.method.${values.method}`)}`
                    : rawCell(row, 'fecha_pago', 'paid_at')}
                </span>
                <span role="cell" className="batch-reason" data-testid="batch-reason">
                  {row.reasonText ?? ''}
                </span>
              </div>
            )
          })}
        </div>
      </div>
    </div>
  )
}
