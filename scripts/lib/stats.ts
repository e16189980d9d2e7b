/** Summaries of timing samples for the benchmark scripts. */

/** The value at or below which a share `q` of the sorted sample lies (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}

export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5
  )
}

export function p90(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.9
  )
}
