/**
 * Offline batch import (F3, supervisors): choose the CSV of payments taken away from the counter,
 * see every row checked (nothing saved yet), confirm, and take back the rejected rows and the
 * results as files.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { BATCH_MAX_CHARS, BATCH_MAX_ROWS } from '@shared/ipc/channels/batch'
import { IpcError } from '@shared/ipc/result'
import { api } from '@renderer/api'
import { ActionButton } from '@renderer/components/action-button'
import { BatchColumns } from '@renderer/components/batch-columns'
import { BatchHistory, downloadBatchResults } from '@renderer/components/batch-history'
import { BatchLookupProgress } from '@renderer/components/batch-lookup-progress'
import { BatchPreviewTable } from '@renderer/components/batch-preview-table'
import { BatchTotalsView } from '@renderer/components/batch-totals'
import { ErrorMessage } from '@renderer/components/error-message'
import { Field } from '@renderer/components/field'
import { Money } from '@renderer/components/money'
import { ScreenHeader } from '@renderer/components/screen-header'
import { downloadText } from '@renderer/lib/download'
import { useDescribeError, useLanguage, useT } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'
import { useBatchStore } from '@renderer/store/batch-store'
import { useSessionStore } from '@renderer/store/session'
import '@renderer/styles/till.css'

type RowFilter = 'all' | 'invalid' | 'valid'

const MAX_MB = BATCH_MAX_CHARS / 1_000_000

function rejectedFileName(fileName: string | null): string {
  return `${(fileName ?? 'pagos').replace(/\.csv$/i, '')}-rechazados.csv`
}

function useBatchProgress(): void {
  useEffect(
    () => api.on('batch:progress', (progress) => useBatchStore.getState().setProgress(progress)),
    []
  )
}

export function BatchScreen() {
  const t = useT()
  const language = useLanguage()
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const role = useSessionStore((state) => state.view?.user?.role)
  const { step, fileName, progress, preview, result, failure } = useBatchStore()
  const [filter, setFilter] = useState<RowFilter>('all')
  const [historyKey, setHistoryKey] = useState(0)
  const fileRef = useRef<HTMLInputElement>(null)
  useBatchProgress()

  const rows = useMemo(() => {
    const all = preview?.rows ?? []
    if (filter === 'all') return all
    return all.filter((row) => row.valid === (filter === 'valid'))
  }, [preview, filter])

  // While main reads the file the total is not known yet (0): rows read so far, no bar.
  const progressText = !progress
    ? null
    : progress.total === 0
      ? t('ui.batch.readingRows', { done: progress.done })
      : t('ui.batch.progress', { done: progress.done, total: progress.total })
  const cashierOnly = role === 'cashier'
  const checking = step === 'checking'
  const confirming = step === 'confirming'

  async function choose(file: File | undefined): Promise<void> {
    if (!file) return
    const store = useBatchStore.getState()
    store.startChecking(file.name)
    setFilter('all')
    try {
      // Bytes: at least as many as characters, at most about twice for this text. A file that
      // cannot be under the limit is refused before it is read.
      if (file.size > 2 * BATCH_MAX_CHARS) {
        throw new IpcError('batch_too_large', { maxMb: MAX_MB })
      }
      const text = await file.text()
      const checked = await api.invoke('batch:preview', { fileName: file.name, text })
      useBatchStore.getState().setPreview(checked)
      announce(
        'info',
        t('ui.batch.checked', { valid: checked.totals.valid, invalid: checked.totals.invalid })
      )
    } catch (error) {
      useBatchStore.getState().fail(describe(error))
    } finally {
      // The same file chosen again must fire `change` again.
      if (fileRef.current) fileRef.current.value = ''
    }
  }

  async function confirm(): Promise<void> {
    if (!preview) return
    useBatchStore.getState().startConfirming()
    try {
      const done = await api.invoke('batch:confirm', { previewId: preview.previewId })
      useBatchStore.getState().setResult(done)
      setHistoryKey((key) => key + 1)
      announce('success', t('ui.batch.imported', { count: done.accepted }))
    } catch (error) {
      useBatchStore.getState().fail(describe(error))
    }
  }

  async function downloadRejected(): Promise<void> {
    try {
      if (result) return downloadText(rejectedFileName(fileName), result.rejectedCsv)
      if (!preview) return
      const file = await api.invoke('batch:rejectedCsv', { previewId: preview.previewId })
      downloadText(file.fileName, file.csv)
    } catch (error) {
      announce('error', describe(error))
    }
  }

  const canConfirm =
    step === 'preview' &&
    preview !== null &&
    preview.totals.valid > 0 &&
    !preview.totals.overPendingCap &&
    !cashierOnly

  return (
    <section className="batch-screen">
      <ScreenHeader title={t('ui.batch.title')}>
        {step !== 'idle' ? (
          <ActionButton onClick={() => useBatchStore.getState().reset()} disabled={checking}>
            {t('ui.batch.newFile')}
          </ActionButton>
        ) : null}
      </ScreenHeader>
      {cashierOnly ? (
        <p className="warning" role="alert">
          {t('ui.batch.supervisorOnly')}
        </p>
      ) : null}
      <div className="batch-pick">
        <Field
          label={t('ui.batch.chooseFile')}
          hint={t('ui.batch.chooseHint', {
            maxRows: BATCH_MAX_ROWS.toLocaleString(language === 'es' ? 'es-CO' : 'en-US'),
            maxMb: MAX_MB
          })}
        >
          {/* The browser's own button speaks the system's language ("Choose File"): hidden,
              and opened by a Spanish button instead. */}
          <input
            ref={fileRef}
            type="file"
            className="sr-only"
            accept=".csv,text/csv,text/plain"
            disabled={checking || confirming || cashierOnly}
            data-testid="batch-file"
            onChange={(event) => void choose(event.target.files?.[0])}
          />
        </Field>
        <div className="file-pick">
          <ActionButton
            disabled={checking || confirming || cashierOnly}
            data-autofocus
            data-testid="batch-file-button"
            onClick={() => fileRef.current?.click()}
          >
            {t('ui.batch.pickFile')}
          </ActionButton>
          <span className={fileName ? 'mono' : 'muted'} data-testid="batch-file-name">
            {fileName ?? t('ui.batch.noFile')}
          </span>
        </div>
      </div>
      {checking && progress?.phase === 'lookup' ? (
        <BatchLookupProgress done={progress.done} total={progress.total} />
      ) : checking ? (
        <div className="batch-progress" data-testid="batch-progress">
          <label>
            {progressText ?? t('ui.batch.reading')}
            <progress
              max={progress?.total || 1}
              value={progress && progress.total > 0 ? progress.done : undefined}
              aria-valuetext={progressText ?? undefined}
            />
          </label>
        </div>
      ) : null}
      <ErrorMessage text={failure} />
      {step === 'idle' ? <BatchColumns /> : null}
      {result ? (
        <section className="panel batch-result" data-testid="batch-result" aria-live="polite">
          <h2>{t('ui.batch.resultTitle', { batchId: result.batchId })}</h2>
          <dl className="facts">
            <dt>{t('ui.batch.accepted')}</dt>
            <dd data-testid="batch-accepted">{result.accepted}</dd>
            <dt>{t('ui.batch.rejected')}</dt>
            <dd data-testid="batch-rejected">{result.rejected}</dd>
            <dt>{t('ui.batch.acceptedAmount')}</dt>
            <dd>
              <Money value={result.acceptedAmount} />
            </dd>
          </dl>
          {result.changedSincePreview > 0 ? (
            <p className="warning">
              {t('ui.batch.changedSincePreview', { count: result.changedSincePreview })}
            </p>
          ) : null}
          <p className="muted">{t('ui.batch.syncNote')}</p>
          <div className="screen-actions">
            <ActionButton
              onClick={() =>
                void downloadBatchResults(result.batchId).catch((error: unknown) =>
                  announce('error', describe(error))
                )
              }
            >
              {t('ui.batch.downloadResults')}
            </ActionButton>
            {result.rejected > 0 ? (
              <ActionButton onClick={() => void downloadRejected()}>
                {t('ui.batch.downloadRejected')}
              </ActionButton>
            ) : null}
          </div>
        </section>
      ) : null}
      {preview ? (
        <section className="batch-preview" aria-label={t('ui.batch.previewTitle')}>
          <div className="panel-title">
            <h2>{t('ui.batch.previewTitle')}</h2>
            <div className="screen-actions">
              {preview.totals.invalid > 0 && !result ? (
                <ActionButton onClick={() => void downloadRejected()}>
                  {t('ui.batch.downloadRejected')}
                </ActionButton>
              ) : null}
              {!result ? (
                <ActionButton
                  variant="primary"
                  disabled={!canConfirm || confirming}
                  onClick={() => void confirm()}
                >
                  {confirming
                    ? t('ui.batch.confirming')
                    : t('ui.batch.confirm', { count: preview.totals.valid })}
                </ActionButton>
              ) : null}
            </div>
          </div>
          <BatchTotalsView totals={preview.totals} />
          <form className="filters" onSubmit={(event) => event.preventDefault()}>
            <Field label={t('ui.batch.show')}>
              <select
                value={filter}
                onChange={(event) => setFilter(event.target.value as RowFilter)}
              >
                <option value="all">{t('ui.batch.showAll')}</option>
                <option value="invalid">{t('ui.batch.showInvalid')}</option>
                <option value="valid">{t('ui.batch.showValid')}</option>
              </select>
            </Field>
          </form>
          <BatchPreviewTable rows={rows} />
        </section>
      ) : null}
      <BatchHistory refreshKey={historyKey} />
    </section>
  )
}
