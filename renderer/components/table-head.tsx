/** A data table's header row: amount columns align right; an actions column is named for screen readers only. */
export interface Column {
  label: string
  amount?: boolean
  /** Named for screen readers only (a column of buttons). */
  hidden?: boolean
}

export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column) => (
          <th key={column.label} scope="col" className={column.amount ? 'col-amount' : undefined}>
            {column.hidden ? <span className="sr-only">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
