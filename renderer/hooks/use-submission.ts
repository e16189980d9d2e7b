/**
 * A form's call to main: `busy` while it runs (so a second Enter does nothing), and the failure in
 * the cashier's words. `submit` clears the last failure first; `onFailed` runs before the failure
 * shows, e.g. to empty a refused PIN.
 */
import { useState } from 'react'
import { useDescribeError } from '@renderer/i18n/use-t'

export interface Submission {
  busy: boolean
  failure: string | null
  setFailure: (failure: string | null) => void
  submit: (task: () => Promise<void>, onFailed?: () => void) => Promise<void>
}

export function useSubmission(): Submission {
  const describe = useDescribeError()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  async function submit(task: () => Promise<void>, onFailed?: () => void): Promise<void> {
    setBusy(true)
    setFailure(null)
    try {
      await task()
    } catch (error) {
      onFailed?.()
      setFailure(describe(error))
    } finally {
      setBusy(false)
    }
  }

  return { busy, failure, setFailure, submit }
}
