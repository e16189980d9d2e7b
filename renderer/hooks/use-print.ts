/**
 * One print action at a time (receipt, copy or closing report): busy flag, the result to show and
 * the failure announced in words. Printing on paper and saving a PDF share the same path in main.
 */
import { useCallback, useState } from 'react'
import type { PrintResultView } from '@shared/ipc/channels/receipts'
import { useDescribeError } from '@renderer/i18n/use-t'
import { useAppStore } from '@renderer/store/app-store'

export interface PrintControl {
  busy: boolean
  result: PrintResultView | null
  run: (job: () => Promise<PrintResultView>) => Promise<void>
  reset: () => void
}

export function usePrint(): PrintControl {
  const describe = useDescribeError()
  const announce = useAppStore((state) => state.announce)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<PrintResultView | null>(null)

  const run = useCallback(
    async (job: () => Promise<PrintResultView>) => {
      setBusy(true)
      setResult(null)
      try {
        // The result line next to the buttons says what happened (it is a live region).
        setResult(await job())
      } catch (error) {
        announce('error', describe(error))
      } finally {
        setBusy(false)
      }
    },
    [announce, describe]
  )

  return { busy, result, run, reset: useCallback(() => setResult(null), []) }
}
