/**
 * SQLite columns are snake_case, the app's records camelCase: the columns a record takes as they
 * are, copied under their camelCase names, typed from the row (a misspelt column is a type error).
 */
type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S

export type Camelized<Row, K extends keyof Row & string> = { [P in K as CamelCase<P>]: Row[P] }

export function camelColumns<Row, K extends keyof Row & string>(
  row: Row,
  keys: readonly K[]
): Camelized<Row, K> {
  const out: Record<string, unknown> = {}
  for (const key of keys) {
    out[key.replace(/_([a-z])/g, (_match, letter: string) => letter.toUpperCase())] = row[key]
  }
  return out as Camelized<Row, K>
}
