/** The file layout an offline-payments CSV must follow, shown where the file is chosen. */
import { useT } from '@renderer/i18n/use-t'
import { TableHead } from './table-head'

const COLUMNS = [
  { name: 'tipo_id', alt: 'id_type', key: 'idType' },
  { name: 'identificacion', alt: 'identification', key: 'identification' },
  { name: 'contrato', alt: 'contract', key: 'contract' },
  { name: 'factura', alt: 'bill', key: 'bill' },
  { name: 'valor', alt: 'amount', key: 'amount' },
  { name: 'medio_pago', alt: 'method', key: 'method' },
  { name: 'fecha_pago', alt: 'paid_at', key: 'paidAt' },
  { name: 'referencia_externa', alt: 'external_ref', key: 'externalRef' }
] as const

export function BatchColumns() {
  const t = useT()
  return (
    <details className="panel batch-columns" open>
      <summary>{t('ui.batch.columnsTitle')}</summary>
      <p className="muted">{t('ui.batch.columnsIntro')}</p>
      <table className="data-table">
        <TableHead
          columns={[{ label: t('ui.batch.column') }, { label: t('ui.batch.columnMeaning') }]}
        />
        <tbody>
          {COLUMNS.map((column) => (
            <tr key={column.name}>
              <td className="mono">
                {column.name} <span className="muted">/ {column.alt}</span>
              </td>
              <td>{t(`ui.batch.col.${column.key}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted mono">
        tipo_id;identificacion;contrato;factura;valor;medio_pago;fecha_pago;referencia_externa
        <br />
        NIT;900123456;1234567;987654321;85.000;efectivo;2025-03-14 10:30;REC-001
      </p>
    </details>
  )
}
