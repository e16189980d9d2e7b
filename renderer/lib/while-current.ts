/**
 * For a `useEffect` that loads something: hands the answer (or the failure) on only while the
 * effect is current, so a late answer for an unmounted component or an old key is dropped.
 * Returns the effect's cleanup: `useEffect(() => whileCurrent(load(), setX, onFailed), [key])`.
 */
export function whileCurrent<T>(
  task: Promise<T>,
  onDone: (value: T) => void,
  onFailed: (error: unknown) => void
): () => void {
  let current = true
  void task
    .then((value) => {
      if (current) onDone(value)
    })
    .catch((error: unknown) => {
      if (current) onFailed(error)
    })
  return () => {
    current = false
  }
}
