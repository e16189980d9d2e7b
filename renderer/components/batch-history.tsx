/** Earlier imports of this till, each with its results file (every row and its state now). */
import { useEffect, useState } from 'react'
import type { BatchImportView } from '@shared/ipc/channels/batch'
import { api } from '@renderer/api'
import { downloadText } from '@renderer/lib/download'
import { formatMoment } from '@renderer/lib/format'
import { whileCurrent } from '@renderer/lib/while-current'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { Money } from './money'
import { TableHead } from './table-head'

export async function downloadBatchResults(batchId: number): Promise<void> {
  const { fileName, csv } = await api.invoke('batch:results', { batchId })
  downloadText(fileName, csv)
}

export function BatchHistory({ refreshKey }: { refreshKey: number }) {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const [imports, setImports] = useState<BatchImportView[] | null>(null)

  useEffect(
    () => whileCurrent(api.invoke('batch:list', { limit: 20 }), setImports, () => setImports([])),
    [refreshKey]
  )

  if (!imports || imports.length === 0) return null
  return (
    <section className="panel" aria-label={t('ui.batch.historyTitle')}>
      <h2>{t('ui.batch.historyTitle')}</h2>
      <table className="data-table" data-testid="batch-history">
        <TableHead
          columns={[
            { label: t('ui.batch.importNo') },
            { label: t('ui.batch.when') },
            { label: t('ui.batch.file') },
            { label: t('ui.batch.who') },
            { label: t('ui.batch.accepted'), amount: true },
            { label: t('ui.batch.rejected'), amount: true },
            { label: t('ui.batch.acceptedAmount'), amount: true },
            { label: t('ui.bills.actions'), hidden: true }
          ]}
        />
        <tbody>
          {imports.map((item) => (
            <tr key={item.id}>
              <td className="mono">{item.id}</td>
              <td>{formatMoment(item.at, language)}</td>
              <td>{item.fileName ?? '—'}</td>
              <td>{item.actorName}</td>
              <td className="col-amount">{item.accepted}</td>
              <td className="col-amount">{item.rejected}</td>
              <td className="col-amount">
                <Money value={item.acceptedAmount} />
              </td>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    void downloadBatchResults(item.id).catch((error: unknown) =>
                      announce('error', describe(error))
                    )
                  }
                >
                  {t('ui.batch.downloadResults')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
